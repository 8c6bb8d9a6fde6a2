/**
 * Inter-region bandwidth limits. A limit needs attached networks in both
 * regions and a package for their area pair on the CEN; the limits of a span
 * together may not exceed its package. 0 removes a limit. A pair is one limit
 * whichever way round it is named.
 */
import { areaFromRequestValue, regionById, regionSpanId, spanId } from '@cen-kit/catalog';
import { spanOverAllocation } from '@cen-kit/catalog/rules';
import { fail } from '../errors.js';
import { activeCenOf, attachedNetworks, cenOf } from '../world/lookup.js';
import { allocated, limitSpan, packageForSpan } from '../world/spans.js';
import { limitStatus } from '../world/status.js';
import type { Limit } from '../world/types.js';
import { notLocked } from './bandwidth-packages.js';
import { paginate, type Ctx, type Handler, type Result } from './context.js';

function limitItem(ctx: Ctx, l: Limit): Result {
  return {
    CenId: l.CenId,
    LocalRegionId: l.LocalRegionId,
    OppositeRegionId: l.OppositeRegionId,
    BandwidthLimit: l.BandwidthLimit,
    Status: limitStatus(l, ctx.now),
    BandwidthPackageId: l.BandwidthPackageId,
    BandwidthType: 'BandwidthPackage',
    GeographicSpanId: limitSpan(l) ?? '',
  };
}

export const DescribeCenInterRegionBandwidthLimits: Handler = (
  ctx,
  p: { CenId?: string; TrRegionId?: string; PageNumber?: number; PageSize?: number },
) => {
  const cenIds = p.CenId ? [cenOf(ctx, p.CenId).CenId] : ctx.world.cens.filter((c) => c.owner === ctx.caller).map((c) => c.CenId);
  const items = ctx.world.limits
    .filter((l) => cenIds.includes(l.CenId))
    .filter((l) => !p.TrRegionId || l.LocalRegionId === p.TrRegionId || l.OppositeRegionId === p.TrRegionId);
  const { page, fields } = paginate(items, p);
  return { ...fields, CenInterRegionBandwidthLimits: { CenInterRegionBandwidthLimit: page.map((l) => limitItem(ctx, l)) } };
};

export const SetCenInterRegionBandwidthLimit: Handler = (
  ctx,
  p: { CenId: string; LocalRegionId: string; OppositeRegionId: string; BandwidthLimit: number },
) => {
  const cen = activeCenOf(ctx, p.CenId);
  for (const r of [p.LocalRegionId, p.OppositeRegionId]) {
    if (!regionById(r)) fail('ParameterIllegal.RegionId', `The region ${r} is not a region CEN knows.`);
  }
  const existing = ctx.world.limits.find(
    (l) =>
      l.CenId === cen.CenId &&
      ((l.LocalRegionId === p.LocalRegionId && l.OppositeRegionId === p.OppositeRegionId) ||
        (l.LocalRegionId === p.OppositeRegionId && l.OppositeRegionId === p.LocalRegionId)),
  );
  if (existing && limitStatus(existing, ctx.now) === 'Modifying') {
    fail('Operation.Blocking', `The limit between ${p.LocalRegionId} and ${p.OppositeRegionId} is still being modified; try again shortly.`);
  }
  if (p.BandwidthLimit === 0) {
    if (existing) {
      if (ctx.delayMs > 0) {
        existing.BandwidthLimit = 0;
        existing.removeAt = ctx.now + ctx.delayMs;
      } else {
        ctx.world.limits = ctx.world.limits.filter((l) => l !== existing);
      }
    }
    return {};
  }
  const attachedRegions = new Set(attachedNetworks(ctx, cen.CenId).map((x) => x.network.RegionId));
  for (const r of [p.LocalRegionId, p.OppositeRegionId]) {
    if (!attachedRegions.has(r)) {
      fail('InvalidOperation.RegionNotAttached', `No network in ${r} is attached to the CEN instance ${cen.CenId}; attach one before setting a limit.`);
    }
  }
  const span = regionSpanId(p.LocalRegionId, p.OppositeRegionId)!;
  const pkg = packageForSpan(ctx, cen.CenId, span);
  if (!pkg) {
    fail('InvalidOperation.BwpNotAssociated', `No bandwidth package for ${span} is associated with the CEN instance ${cen.CenId}.`);
  }
  notLocked(ctx, pkg);
  const used = allocated(ctx, cen.CenId, span, existing);
  if (spanOverAllocation(used + p.BandwidthLimit, pkg.Bandwidth) > 0) {
    fail(
      'InvalidOperation.BwpBandwidthExceeded',
      `${p.BandwidthLimit} Mbit/s exceeds what is left of ${pkg.CenBandwidthPackageId} on ${span}: ${pkg.Bandwidth - used} of ${pkg.Bandwidth} Mbit/s.`,
    );
  }
  if (existing) {
    existing.BandwidthLimit = p.BandwidthLimit;
    existing.BandwidthPackageId = pkg.CenBandwidthPackageId;
    existing.readyAt = ctx.now + ctx.delayMs;
  } else {
    ctx.world.limits.push({
      CenId: cen.CenId,
      LocalRegionId: p.LocalRegionId,
      OppositeRegionId: p.OppositeRegionId,
      BandwidthLimit: p.BandwidthLimit,
      BandwidthPackageId: pkg.CenBandwidthPackageId,
      readyAt: ctx.now + ctx.delayMs,
    });
  }
  return {};
};

export const DescribeCenGeographicSpanRemainingBandwidth: Handler = (
  ctx,
  p: { CenId: string; GeographicRegionAId: string; GeographicRegionBId: string },
) => {
  const cen = cenOf(ctx, p.CenId);
  const span = spanId(areaFromRequestValue(p.GeographicRegionAId)!, areaFromRequestValue(p.GeographicRegionBId)!);
  const pkg = packageForSpan(ctx, cen.CenId, span);
  return { RemainingBandwidth: pkg ? Math.max(0, pkg.Bandwidth - allocated(ctx, cen.CenId, span)) : 0 };
};
