/**
 * Bandwidth packages: bought per area pair, associated with at most one CEN
 * (and a CEN takes one package per span), then shared out as limits.
 */
import { areaFromRequestValue, isCrossBorder, type AreaId } from '@cen-kit/catalog';
import { fail } from '../errors.js';
import { newId, newOrderId } from '../ids.js';
import { addMonths, minuteTime } from '../time.js';
import { activeCenOf, packageOf } from '../world/lookup.js';
import { allocated, limitsInSpan, packageForSpan, packageSpan } from '../world/spans.js';
import { allocating, businessStatus, packageBusy, packageExpiry, packageStatus } from '../world/status.js';
import type { BandwidthPackage, Tag } from '../world/types.js';
import { DEFAULT_RESOURCE_GROUP } from './cens.js';
import { matchesFilters, paginate, tagsOut, type Ctx, type Handler, type Result } from './context.js';

/** An expired, unrenewed subscription takes no changes until it is renewed. */
export function notLocked(ctx: Ctx, p: BandwidthPackage): void {
  if (businessStatus(p, ctx.now) !== 'Normal') {
    fail(
      'InvalidOperation.BwpBusinessStatus',
      `The bandwidth package ${p.CenBandwidthPackageId} expired at ${minuteTime(p.expiresAt)} and is locked (BusinessStatus FinancialLocked); renew it first.`,
    );
  }
}

function notBusy(ctx: Ctx, p: BandwidthPackage): void {
  if (packageBusy(p, ctx.now)) {
    fail(
      'InvalidOperation.BwpInstanceStatus',
      `The bandwidth package ${p.CenBandwidthPackageId} is still applying an earlier change (${p.pendingSpec ? 'spec change' : 'association'}); try again shortly.`,
    );
  }
}

export const CreateCenBandwidthPackage: Handler = (
  ctx,
  p: {
    Bandwidth: number;
    GeographicRegionAId: string;
    GeographicRegionBId: string;
    BandwidthPackageChargeType?: 'PREPAY' | 'POSTPAY';
    PricingCycle?: 'Month' | 'Year';
    Period?: number;
    AutoRenew?: boolean;
    Name?: string;
    Description?: string;
    Tag?: Tag[];
  },
) => {
  const id = newId(ctx.world, 'cenbwp-');
  const PricingCycle = p.PricingCycle ?? 'Month';
  const Period = p.Period ?? 1;
  const orderId = newOrderId(ctx.world);
  // AutoPay=false would leave an unpaid order at Alibaba; the emulator treats every order as paid.
  ctx.world.packages.push({
    CenBandwidthPackageId: id,
    owner: ctx.caller,
    Name: p.Name ?? '',
    Description: p.Description ?? '',
    Bandwidth: p.Bandwidth,
    areaA: areaFromRequestValue(p.GeographicRegionAId)!,
    areaB: areaFromRequestValue(p.GeographicRegionBId)!,
    BandwidthPackageChargeType: p.BandwidthPackageChargeType ?? 'PREPAY',
    PricingCycle,
    Period,
    AutoRenew: p.AutoRenew ?? false,
    createdAt: ctx.now,
    expiresAt: addMonths(ctx.now, Period * (PricingCycle === 'Year' ? 12 : 1)),
    orderId,
    ResourceGroupId: DEFAULT_RESOURCE_GROUP,
    Tags: p.Tag ?? [],
  });
  return { CenBandwidthPackageId: id, CenBandwidthPackageOrderId: orderId };
};

export const AssociateCenBandwidthPackage: Handler = (ctx, p: { CenId: string; CenBandwidthPackageId: string }) => {
  const cen = activeCenOf(ctx, p.CenId);
  const pkg = packageOf(ctx, p.CenBandwidthPackageId);
  notLocked(ctx, pkg);
  notBusy(ctx, pkg);
  if (pkg.CenId !== undefined) {
    fail('InvalidOperation.BwpAssociated', `The bandwidth package ${pkg.CenBandwidthPackageId} is already associated with ${pkg.CenId === cen.CenId ? 'this' : 'another'} CEN instance (${pkg.CenId}).`);
  }
  const span = packageSpan(pkg);
  const other = packageForSpan(ctx, cen.CenId, span);
  if (other) {
    fail('InvalidOperation.BwpAlreadyAssociated', `The CEN instance ${cen.CenId} already has the bandwidth package ${other.CenBandwidthPackageId} for ${span}; only one package per area pair can be associated.`);
  }
  pkg.CenId = cen.CenId;
  pkg.associateReadyAt = ctx.now + ctx.delayMs;
  return {};
};

export const UnassociateCenBandwidthPackage: Handler = (ctx, p: { CenId: string; CenBandwidthPackageId: string }) => {
  const cen = activeCenOf(ctx, p.CenId);
  const pkg = packageOf(ctx, p.CenBandwidthPackageId);
  if (pkg.CenId !== cen.CenId) {
    fail('InvalidOperation.BwpNotAssociated', `The bandwidth package ${pkg.CenBandwidthPackageId} is not associated with the CEN instance ${cen.CenId}.`);
  }
  notBusy(ctx, pkg);
  const span = packageSpan(pkg);
  const limits = limitsInSpan(ctx, cen.CenId, span);
  const live = limits.filter(allocating);
  if (live.length) {
    fail(
      'InvalidOperation.CenBandwidthLimitsNotZero',
      `Bandwidth limits on ${span} still use ${pkg.CenBandwidthPackageId} (${live.map((l) => `${l.LocalRegionId}↔${l.OppositeRegionId} ${l.BandwidthLimit} Mbit/s`).join(', ')}); set them to 0 first.`,
    );
  }
  ctx.world.limits = ctx.world.limits.filter((l) => !limits.includes(l));
  delete pkg.CenId;
  delete pkg.associateReadyAt;
  return {};
};

function packageItem(ctx: Ctx, x: BandwidthPackage): Result {
  const span = packageSpan(x);
  const limits = x.CenId ? limitsInSpan(ctx, x.CenId, span) : [];
  return {
    CenBandwidthPackageId: x.CenBandwidthPackageId,
    Name: x.Name,
    Description: x.Description,
    Bandwidth: x.Bandwidth,
    BandwidthPackageChargeType: x.BandwidthPackageChargeType,
    BusinessStatus: businessStatus(x, ctx.now),
    Status: packageStatus(x, ctx.now),
    CreationTime: minuteTime(x.createdAt),
    ExpiredTime: minuteTime(packageExpiry(x, ctx.now)),
    GeographicRegionAId: x.areaA,
    GeographicRegionBId: x.areaB,
    GeographicSpanId: span,
    IsCrossBorder: isCrossBorder(x.areaA as AreaId, x.areaB as AreaId),
    HasReservationData: 'false',
    ResourceGroupId: x.ResourceGroupId,
    CenIds: { CenId: x.CenId ? [x.CenId] : [] },
    OrginInterRegionBandwidthLimits: {
      OrginInterRegionBandwidthLimit: limits.map((l) => ({
        BandwidthLimit: String(l.BandwidthLimit),
        GeographicSpanId: span,
        LocalRegionId: l.LocalRegionId,
        OppositeRegionId: l.OppositeRegionId,
      })),
    },
    Tags: tagsOut(x.Tags),
  };
}

export const DescribeCenBandwidthPackages: Handler = (
  ctx,
  p: { Filter?: { Key: string; Value: string[] }[]; IsOrKey?: boolean; PageNumber?: number; PageSize?: number; ResourceGroupId?: string; Tag?: Tag[] },
) => {
  const field = (x: BandwidthPackage, k: string): string | undefined =>
    k === 'CenId' ? x.CenId : k === 'Status' ? packageStatus(x, ctx.now) : k === 'CenBandwidthPackageId' ? x.CenBandwidthPackageId : k === 'Name' ? x.Name : undefined;
  const items = ctx.world.packages
    .filter((x) => x.owner === ctx.caller)
    .filter((x) => matchesFilters(x, p.Filter, field, p.IsOrKey ?? false))
    .filter((x) => !p.ResourceGroupId || x.ResourceGroupId === p.ResourceGroupId)
    .filter((x) => (p.Tag ?? []).every((t) => x.Tags.some((y) => y.Key === t.Key && (t.Value === undefined || y.Value === t.Value))));
  const { page, fields } = paginate(items, p);
  return { ...fields, CenBandwidthPackages: { CenBandwidthPackage: page.map((x) => packageItem(ctx, x)) } };
};

export const ModifyCenBandwidthPackageAttribute: Handler = (ctx, p: { CenBandwidthPackageId: string; Name?: string; Description?: string }) => {
  const pkg = packageOf(ctx, p.CenBandwidthPackageId);
  if (p.Name !== undefined) pkg.Name = p.Name;
  if (p.Description !== undefined) pkg.Description = p.Description;
  return {};
};

export const ModifyCenBandwidthPackageSpec: Handler = (ctx, p: { CenBandwidthPackageId: string; Bandwidth: number }) => {
  const pkg = packageOf(ctx, p.CenBandwidthPackageId);
  notLocked(ctx, pkg);
  notBusy(ctx, pkg);
  if (pkg.CenId) {
    const used = allocated(ctx, pkg.CenId, packageSpan(pkg));
    if (p.Bandwidth < used) {
      fail('InvalidOperation.BwpSpecTooSmall', `${used} Mbit/s of ${pkg.CenBandwidthPackageId} are allocated to inter-region limits; the new bandwidth ${p.Bandwidth} Mbit/s is smaller. Lower the limits first.`);
    }
  }
  if (ctx.delayMs > 0) pkg.pendingSpec = { Bandwidth: p.Bandwidth, at: ctx.now + ctx.delayMs };
  else pkg.Bandwidth = p.Bandwidth;
  return {};
};

export const DeleteCenBandwidthPackage: Handler = (ctx, p: { CenBandwidthPackageId: string }) => {
  const pkg = packageOf(ctx, p.CenBandwidthPackageId);
  if (pkg.CenId) {
    fail('InvalidOperation.BwpAssociated', `The bandwidth package ${pkg.CenBandwidthPackageId} is associated with the CEN instance ${pkg.CenId}; unassociate it first.`);
  }
  notBusy(ctx, pkg);
  ctx.world.packages = ctx.world.packages.filter((x) => x !== pkg);
  return {};
};
