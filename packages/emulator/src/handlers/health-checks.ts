/**
 * VBR health checks, only for VBRs attached to the CEN. Enable again to
 * change one; Disable removes it. Detaching the VBR removes it too.
 */
import { fail } from '../errors.js';
import { activeCenOf, attachmentOf } from '../world/lookup.js';
import { attachmentStatus } from '../world/status.js';
import type { Attachment, HealthCheck } from '../world/types.js';
import { accountParam, paginate, type Ctx, type Handler } from './context.js';

interface VbrParams {
  CenId: string;
  VbrInstanceId: string;
  VbrInstanceRegionId: string;
  VbrInstanceOwnerId?: string | number;
}

function vbrAttachment(ctx: Ctx, p: VbrParams): Attachment {
  const cen = activeCenOf(ctx, p.CenId);
  const a = attachmentOf(ctx, cen.CenId, p.VbrInstanceId);
  const owner = accountParam(p.VbrInstanceOwnerId);
  if (!a || a.ChildInstanceType !== 'VBR' || a.ChildInstanceRegionId !== p.VbrInstanceRegionId || (owner !== undefined && owner !== a.ChildInstanceOwnerId)) {
    fail('InvalidOperation.VbrNotAttachedToCen', `The VBR ${p.VbrInstanceId} (${p.VbrInstanceRegionId}) is not attached to the CEN instance ${cen.CenId}.`);
  }
  const st = attachmentStatus(a, ctx.now);
  if (st !== 'Attached') fail('InvalidOperation.VbrCenAttachmentStatus', `The VBR ${a.ChildInstanceId} is ${st} on ${cen.CenId}; try again when it is Attached.`);
  return a;
}

/** Alibaba picks a source address from 100.96.0.0/16 when none is given. */
function autoSourceIp(ctx: Ctx): string {
  const used = new Set(ctx.world.healthChecks.map((h) => h.HealthCheckSourceIp));
  for (let i = 1; ; i++) {
    const ip = `100.96.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    if (!used.has(ip)) return ip;
  }
}

export const EnableCenVbrHealthCheck: Handler = (
  ctx,
  p: VbrParams & {
    HealthCheckTargetIp: string;
    HealthCheckSourceIp?: string;
    HealthCheckInterval?: number;
    HealthyThreshold?: number;
    HealthCheckOnly?: boolean;
    Description?: string;
  },
) => {
  const a = vbrAttachment(ctx, p);
  const existing = ctx.world.healthChecks.find((h) => h.CenId === a.CenId && h.VbrInstanceId === a.ChildInstanceId);
  const hc: HealthCheck = {
    CenId: a.CenId,
    VbrInstanceId: a.ChildInstanceId,
    VbrInstanceRegionId: a.ChildInstanceRegionId,
    VbrInstanceOwnerId: a.ChildInstanceOwnerId,
    HealthCheckSourceIp: p.HealthCheckSourceIp ?? existing?.HealthCheckSourceIp ?? autoSourceIp(ctx),
    HealthCheckTargetIp: p.HealthCheckTargetIp,
    HealthCheckInterval: p.HealthCheckInterval ?? 2,
    HealthyThreshold: p.HealthyThreshold ?? 8,
    HealthCheckOnly: p.HealthCheckOnly ?? false,
    Description: p.Description ?? existing?.Description ?? '',
  };
  ctx.world.healthChecks = [...ctx.world.healthChecks.filter((h) => h !== existing), hc];
  return {};
};

export const DisableCenVbrHealthCheck: Handler = (ctx, p: VbrParams) => {
  const a = vbrAttachment(ctx, p);
  ctx.world.healthChecks = ctx.world.healthChecks.filter((h) => !(h.CenId === a.CenId && h.VbrInstanceId === a.ChildInstanceId));
  return {};
};

export const DescribeCenVbrHealthCheck: Handler = (
  ctx,
  p: { VbrInstanceRegionId: string; CenId?: string; VbrInstanceId?: string; VbrInstanceOwnerId?: string | number; PageNumber?: number; PageSize?: number },
) => {
  const owner = accountParam(p.VbrInstanceOwnerId);
  // The CEN's owner sees the checks on its CENs; a VBR's owner sees the checks on its VBRs.
  const mine = (h: HealthCheck) => h.VbrInstanceOwnerId === ctx.caller || ctx.world.cens.some((c) => c.CenId === h.CenId && c.owner === ctx.caller);
  const items = ctx.world.healthChecks
    .filter(mine)
    .filter((h) => h.VbrInstanceRegionId === p.VbrInstanceRegionId)
    .filter((h) => !p.CenId || h.CenId === p.CenId)
    .filter((h) => !p.VbrInstanceId || h.VbrInstanceId === p.VbrInstanceId)
    .filter((h) => owner === undefined || h.VbrInstanceOwnerId === owner);
  const { page, fields } = paginate(items, p);
  return {
    ...fields,
    VbrHealthChecks: {
      VbrHealthCheck: page.map((h) => ({
        CenId: h.CenId,
        VbrInstanceId: h.VbrInstanceId,
        VbrInstanceRegionId: h.VbrInstanceRegionId,
        HealthCheckSourceIp: h.HealthCheckSourceIp,
        HealthCheckTargetIp: h.HealthCheckTargetIp,
        HealthCheckInterval: h.HealthCheckInterval,
        HealthyThreshold: h.HealthyThreshold,
        HealthCheckOnly: h.HealthCheckOnly,
        Description: h.Description,
      })),
    },
  };
};
