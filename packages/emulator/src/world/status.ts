/**
 * Statuses are computed from timestamps with the injected clock, never stored:
 * a CEN created with a 5 s delay is Creating for 5 s and Active after, however
 * many requests came in between.
 */
import { addMonths } from '../time.js';
import type { Attachment, BandwidthPackage, CenRecord, Limit, World } from './types.js';

export type CenStatus = 'Creating' | 'Active' | 'Deleting';
export type AttachmentStatus = 'Attaching' | 'Attached' | 'Detaching';
export type LimitStatus = 'Modifying' | 'Active';
export type PackageStatus = 'Idle' | 'InUse';

export function cenStatus(c: CenRecord, now: number): CenStatus {
  if (c.deleteAt !== undefined) return 'Deleting';
  return now < c.readyAt ? 'Creating' : 'Active';
}

export function attachmentStatus(a: Attachment, now: number): AttachmentStatus {
  if (a.detachAt !== undefined) return 'Detaching';
  return now < a.readyAt ? 'Attaching' : 'Attached';
}

export function limitStatus(l: Limit, now: number): LimitStatus {
  return l.removeAt !== undefined || now < l.readyAt ? 'Modifying' : 'Active';
}

/** InUse once associated (after the association settles); Idle otherwise. */
export function packageStatus(p: BandwidthPackage, now: number): PackageStatus {
  return p.CenId !== undefined && now >= (p.associateReadyAt ?? 0) ? 'InUse' : 'Idle';
}

/**
 * When a subscription package ends: its expiry, moved on by whole periods
 * while it renews itself (AutoRenew). Pay-as-you-go packages do not end.
 */
export function packageExpiry(p: BandwidthPackage, now: number): number {
  if (!p.AutoRenew || p.BandwidthPackageChargeType !== 'PREPAY') return p.expiresAt;
  const months = p.Period * (p.PricingCycle === 'Year' ? 12 : 1);
  let at = p.expiresAt;
  for (let i = 0; at <= now && i < 1200; i++) at = addMonths(at, months);
  return at;
}

/** A subscription past its end (not renewed) is locked for non-payment, as at Alibaba. */
export function businessStatus(p: BandwidthPackage, now: number): 'Normal' | 'FinancialLocked' {
  return p.BandwidthPackageChargeType === 'PREPAY' && now >= packageExpiry(p, now) ? 'FinancialLocked' : 'Normal';
}

/** True while a spec change or an association is still settling. */
export function packageBusy(p: BandwidthPackage, now: number): boolean {
  return p.pendingSpec !== undefined || (p.CenId !== undefined && now < (p.associateReadyAt ?? 0));
}

/** Limits that still allocate bandwidth (a limit being removed allocates none). */
export function allocating(l: Limit): boolean {
  return l.removeAt === undefined && l.BandwidthLimit > 0;
}

const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
const IDEMPOTENCY_MAX = 2000;

/**
 * Applies every transition whose time has come: deletions and detachments
 * finish, removed limits go, spec changes take effect, old ClientTokens are
 * forgotten. Called at the start of every request. Returns whether anything
 * changed (so a read that changed nothing need not be saved).
 */
export function settle(world: World, now: number): boolean {
  const before = world.cens.length + world.attachments.length + world.limits.length + world.tokens.length + world.healthChecks.length;
  let changed = false;
  const goneCens = new Set(world.cens.filter((c) => c.deleteAt !== undefined && c.deleteAt <= now).map((c) => c.CenId));
  if (goneCens.size) world.cens = world.cens.filter((c) => !goneCens.has(c.CenId));

  const detached = world.attachments.filter((a) => a.detachAt !== undefined && a.detachAt <= now);
  if (detached.length) {
    world.attachments = world.attachments.filter((a) => !detached.includes(a));
    // A VBR's health check belongs to its attachment.
    world.healthChecks = world.healthChecks.filter(
      (h) => !detached.some((a) => a.CenId === h.CenId && a.ChildInstanceId === h.VbrInstanceId),
    );
  }

  world.limits = world.limits.filter((l) => l.removeAt === undefined || l.removeAt > now);

  for (const p of world.packages) {
    if (p.pendingSpec && p.pendingSpec.at <= now) {
      p.Bandwidth = p.pendingSpec.Bandwidth;
      delete p.pendingSpec;
      changed = true;
    }
  }

  if (world.tokens.length) {
    world.tokens = world.tokens.filter((t) => now - t.at < IDEMPOTENCY_TTL_MS).slice(-IDEMPOTENCY_MAX);
  }
  const after = world.cens.length + world.attachments.length + world.limits.length + world.tokens.length + world.healthChecks.length;
  return changed || after !== before;
}
