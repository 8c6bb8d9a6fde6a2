/**
 * CEN instances: CreateCen, DescribeCens, ModifyCenAttribute, DeleteCen.
 */
import { fail } from '../errors.js';
import { newId } from '../ids.js';
import { minuteTime } from '../time.js';
import { activeCenOf, attachmentsOfCen, cenOf } from '../world/lookup.js';
import { cenStatus } from '../world/status.js';
import type { Tag } from '../world/types.js';
import { matchesFilters, paginate, tagsOut, type Ctx, type Handler, type Result } from './context.js';

export const DEFAULT_RESOURCE_GROUP = 'rg-acfmemulator0001';

export const CreateCen: Handler = (ctx, p: { Name?: string; Description?: string; ProtectionLevel?: string; Tag?: Tag[] }) => {
  const CenId = newId(ctx.world, 'cen-');
  ctx.world.cens.push({
    CenId,
    owner: ctx.caller,
    Name: p.Name ?? '',
    Description: p.Description ?? '',
    ProtectionLevel: p.ProtectionLevel ?? 'REDUCED',
    ResourceGroupId: DEFAULT_RESOURCE_GROUP,
    Tags: p.Tag ?? [],
    createdAt: ctx.now,
    readyAt: ctx.now + ctx.delayMs,
  });
  return { CenId };
};

function cenItem(ctx: Ctx, c: (typeof ctx.world.cens)[number]): Result {
  return {
    CenId: c.CenId,
    Name: c.Name,
    Description: c.Description,
    Status: cenStatus(c, ctx.now),
    CreationTime: minuteTime(c.createdAt),
    ProtectionLevel: c.ProtectionLevel,
    Ipv6Level: 'DISABLED',
    ResourceGroupId: c.ResourceGroupId,
    CenBandwidthPackageIds: {
      CenBandwidthPackageId: ctx.world.packages.filter((p) => p.CenId === c.CenId).map((p) => p.CenBandwidthPackageId),
    },
    Tags: tagsOut(c.Tags),
  };
}

export const DescribeCens: Handler = (
  ctx,
  p: { Filter?: { Key: string; Value: string[] }[]; PageNumber?: number; PageSize?: number; ResourceGroupId?: string; Tag?: Tag[] },
) => {
  const cens = ctx.world.cens
    .filter((c) => c.owner === ctx.caller)
    .filter((c) => matchesFilters(c, p.Filter, (x, k) => (k === 'CenId' ? x.CenId : k === 'Name' ? x.Name : undefined)))
    .filter((c) => !p.ResourceGroupId || c.ResourceGroupId === p.ResourceGroupId)
    .filter((c) => (p.Tag ?? []).every((t) => c.Tags.some((x) => x.Key === t.Key && (t.Value === undefined || x.Value === t.Value))));
  const { page, fields } = paginate(cens, p);
  return { ...fields, Cens: { Cen: page.map((c) => cenItem(ctx, c)) } };
};

export const ModifyCenAttribute: Handler = (ctx, p: { CenId: string; Name?: string; Description?: string; ProtectionLevel?: string }) => {
  const c = activeCenOf(ctx, p.CenId);
  if (p.Name !== undefined) c.Name = p.Name;
  if (p.Description !== undefined) c.Description = p.Description;
  if (p.ProtectionLevel !== undefined) c.ProtectionLevel = p.ProtectionLevel;
  return {};
};

export const DeleteCen: Handler = (ctx, p: { CenId: string }) => {
  const c = cenOf(ctx, p.CenId);
  const st = cenStatus(c, ctx.now);
  if (st !== 'Active') fail('InvalidOperation.CenInstanceStatus', `The CEN instance ${c.CenId} is ${st}; it can be deleted once it is Active.`);
  const attached = attachmentsOfCen(ctx, c.CenId);
  if (attached.length) {
    fail(
      'InvalidOperation.AttachedChildInstanceExist',
      `Networks are still attached to the CEN instance ${c.CenId} (${attached.map((a) => a.ChildInstanceId).join(', ')}). Detach them first.`,
    );
  }
  const packages = ctx.world.packages.filter((x) => x.CenId === c.CenId);
  if (packages.length) {
    fail(
      'InvalidOperation.BwpAssociated',
      `Bandwidth packages are still associated with the CEN instance ${c.CenId} (${packages.map((x) => x.CenBandwidthPackageId).join(', ')}). Unassociate them first.`,
    );
  }
  const gone = () => {
    ctx.world.cens = ctx.world.cens.filter((x) => x !== c);
    ctx.world.limits = ctx.world.limits.filter((l) => l.CenId !== c.CenId);
  };
  if (ctx.delayMs > 0) c.deleteAt = ctx.now + ctx.delayMs;
  else gone();
  return {};
};
