/**
 * Finding things the caller may see. A caller sees its own CENs, packages and
 * networks; another account's network only through an attachment to its CEN.
 * Not found (or not yours) is the documented not-found code.
 */
import { fail } from '../errors.js';
import type { Ctx } from '../handlers/context.js';
import { attachmentStatus, cenStatus } from './status.js';
import type { Attachment, BandwidthPackage, CenRecord, Network, NetworkType } from './types.js';

export function cenOf(ctx: Ctx, CenId: string): CenRecord {
  const c = ctx.world.cens.find((x) => x.CenId === CenId && x.owner === ctx.caller);
  return c ?? fail('ParameterCenInstanceId', `The specified CEN instance ${CenId} does not exist (in this account).`);
}

/** A CEN that can take a change now: not Creating, not Deleting. */
export function activeCenOf(ctx: Ctx, CenId: string): CenRecord {
  const c = cenOf(ctx, CenId);
  const st = cenStatus(c, ctx.now);
  if (st !== 'Active') fail('InvalidOperation.CenInstanceStatus', `The CEN instance ${CenId} is ${st}; try again when it is Active.`);
  return c;
}

export function packageOf(ctx: Ctx, id: string): BandwidthPackage {
  const p = ctx.world.packages.find((x) => x.CenBandwidthPackageId === id && x.owner === ctx.caller);
  return p ?? fail('ParameterBwpInstanceId', `The specified bandwidth package ${id} does not exist (in this account).`);
}

/** The type a network ID says it is (`vpc-…`, `vbr-…`, `ccn-…`). */
export function typeOfId(id: string): 'VPC' | 'VBR' | 'CCN' | undefined {
  const p = id.slice(0, 4).toLowerCase();
  return p === 'vpc-' ? 'VPC' : p === 'vbr-' ? 'VBR' : p === 'ccn-' ? 'CCN' : undefined;
}

export function checkTypeMatchesId(id: string, type: string, param = 'ChildInstanceType'): void {
  if (typeOfId(id) !== type) {
    fail('ParameterIllegal.ChildInstanceType', `The ${param} ${type} does not match the instance ${id} (a ${typeOfId(id) ?? 'unknown'} ID).`);
  }
}

export function findNetwork(ctx: Ctx, id: string, type: string, owner: string, RegionId?: string): Network | undefined {
  return ctx.world.networks.find(
    (n) => n.id === id && n.type === type && n.owner === owner && (RegionId === undefined || n.RegionId === RegionId),
  );
}

export function networkById(ctx: Ctx, id: string): Network | undefined {
  return ctx.world.networks.find((n) => n.id === id);
}

export function attachmentsOfCen(ctx: Ctx, CenId: string): Attachment[] {
  return ctx.world.attachments.filter((a) => a.CenId === CenId);
}

export function attachmentOf(ctx: Ctx, CenId: string, id: string): Attachment | undefined {
  return ctx.world.attachments.find((a) => a.CenId === CenId && a.ChildInstanceId === id);
}

/** Attached (not Attaching, not Detaching) networks of a CEN. */
export function attachedNetworks(ctx: Ctx, CenId: string): { attachment: Attachment; network: Network }[] {
  const out: { attachment: Attachment; network: Network }[] = [];
  for (const a of attachmentsOfCen(ctx, CenId)) {
    if (attachmentStatus(a, ctx.now) !== 'Attached') continue;
    const network = networkById(ctx, a.ChildInstanceId);
    if (network) out.push({ attachment: a, network });
  }
  return out.sort((x, y) => x.attachment.attachedAt - y.attachment.attachedAt || x.network.id.localeCompare(y.network.id));
}

export type { NetworkType };
