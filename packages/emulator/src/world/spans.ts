/**
 * Area pairs (spans) of packages and limits, via the catalogue's regions.
 */
import { regionSpanId, spanId, type AreaId } from '@cen-kit/catalog';
import type { Ctx } from '../handlers/context.js';
import { allocating } from './status.js';
import type { BandwidthPackage, Limit } from './types.js';

export function packageSpan(p: BandwidthPackage): string {
  return spanId(p.areaA as AreaId, p.areaB as AreaId);
}

export function limitSpan(l: Limit): string | undefined {
  return regionSpanId(l.LocalRegionId, l.OppositeRegionId);
}

/** The package associated with a CEN for a span. */
export function packageForSpan(ctx: Ctx, CenId: string, span: string): BandwidthPackage | undefined {
  return ctx.world.packages.find((p) => p.CenId === CenId && packageSpan(p) === span);
}

/** Mbit/s allocated to limits on a CEN's span, leaving out `except`. */
export function allocated(ctx: Ctx, CenId: string, span: string, except?: Limit): number {
  return ctx.world.limits
    .filter((l) => l.CenId === CenId && l !== except && allocating(l) && limitSpan(l) === span)
    .reduce((sum, l) => sum + l.BandwidthLimit, 0);
}

/** Limits on a CEN within a span. */
export function limitsInSpan(ctx: Ctx, CenId: string, span: string): Limit[] {
  return ctx.world.limits.filter((l) => l.CenId === CenId && limitSpan(l) === span);
}
