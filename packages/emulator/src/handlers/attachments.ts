/**
 * Attachments: networks on a CEN. Another account's network may be attached
 * only after its owner granted it to this CEN and this CEN's owner
 * (GrantInstanceToCen); without a grant the call fails with
 * InvalidOperation.NoGrantRule.
 */
import { regionById } from '@cen-kit/catalog';
import { fail } from '../errors.js';
import { accountIdOut } from '../account-id.js';
import { minuteTime } from '../time.js';
import {
  activeCenOf,
  attachmentOf,
  attachmentsOfCen,
  cenOf,
  checkTypeMatchesId,
  findNetwork,
  networkById,
} from '../world/lookup.js';
import { attachmentStatus, cenStatus } from '../world/status.js';
import type { Attachment } from '../world/types.js';
import { accountParam, paginate, type Ctx, type Handler, type Result } from './context.js';

interface ChildParams {
  CenId: string;
  ChildInstanceId: string;
  ChildInstanceType: 'VPC' | 'VBR' | 'CCN';
  ChildInstanceRegionId: string;
  ChildInstanceOwnerId?: string | number;
}

/** Another attach/detach on the same CEN still settling blocks this one (Terraform retries Operation.Blocking). */
function checkNoneInFlight(ctx: Ctx, CenId: string, except?: Attachment): void {
  const busy = attachmentsOfCen(ctx, CenId).find((a) => a !== except && attachmentStatus(a, ctx.now) !== 'Attached');
  if (busy) {
    fail(
      'Operation.Blocking',
      `Another operation on the CEN instance ${CenId} is in progress (${busy.ChildInstanceId} is ${attachmentStatus(busy, ctx.now)}); try again shortly.`,
    );
  }
}

export const AttachCenChildInstance: Handler = (ctx, p: ChildParams) => {
  const cen = activeCenOf(ctx, p.CenId);
  checkTypeMatchesId(p.ChildInstanceId, p.ChildInstanceType);
  if (!regionById(p.ChildInstanceRegionId)) {
    fail('ParameterIllegal.ChildInstanceRegionId', `The region ${p.ChildInstanceRegionId} of ChildInstanceRegionId is not a region CEN can attach networks in.`);
  }
  const owner = accountParam(p.ChildInstanceOwnerId) ?? ctx.caller;
  if (owner !== ctx.caller) {
    const granted = ctx.world.grants.some(
      (g) => g.InstanceId === p.ChildInstanceId && g.owner === owner && g.CenId === cen.CenId && g.CenOwnerId === ctx.caller,
    );
    if (!granted) {
      fail(
        'InvalidOperation.NoGrantRule',
        `The owner (${owner}) of ${p.ChildInstanceId} has not granted the CEN instance ${cen.CenId} of account ${ctx.caller} permission to attach it (GrantInstanceToCen).`,
      );
    }
  }
  const network = findNetwork(ctx, p.ChildInstanceId, p.ChildInstanceType, owner, p.ChildInstanceRegionId);
  if (!network) {
    fail('ParameterInstanceId', `The ${p.ChildInstanceType} ${p.ChildInstanceId} does not exist in ${p.ChildInstanceRegionId} for account ${owner}.`);
  }
  const existing = ctx.world.attachments.find((a) => a.ChildInstanceId === network.id);
  if (existing) {
    const st = attachmentStatus(existing, ctx.now);
    if (existing.CenId === cen.CenId && st !== 'Attached') {
      fail('InvalidOperation.ChildInstanceStatus', `${network.id} is ${st} on ${cen.CenId}; try again when that has finished.`);
    }
    fail('InvalidOperation.ChildInstanceAlreadyAttached', `${network.id} is already attached to ${existing.CenId === cen.CenId ? 'this' : 'a'} CEN instance.`);
  }
  checkNoneInFlight(ctx, cen.CenId);
  ctx.world.attachments.push({
    CenId: cen.CenId,
    ChildInstanceId: network.id,
    ChildInstanceType: network.type,
    ChildInstanceRegionId: network.RegionId,
    ChildInstanceOwnerId: network.owner,
    attachedAt: ctx.now,
    readyAt: ctx.now + ctx.delayMs,
  });
  return {};
};

export const DetachCenChildInstance: Handler = (ctx, p: ChildParams & { CenOwnerId?: string | number }) => {
  const cenOwner = accountParam(p.CenOwnerId) ?? ctx.caller;
  // The network's owner may detach it from another account's CEN by naming CenOwnerId.
  const byNetworkOwner = cenOwner !== ctx.caller;
  const cen = byNetworkOwner
    ? ctx.world.cens.find((c) => c.CenId === p.CenId && c.owner === cenOwner) ??
      fail('ParameterCenInstanceId', `The specified CEN instance ${p.CenId} of account ${cenOwner} does not exist.`)
    : cenOf(ctx, p.CenId);
  checkTypeMatchesId(p.ChildInstanceId, p.ChildInstanceType);
  const a = attachmentOf(ctx, cen.CenId, p.ChildInstanceId);
  const owner = byNetworkOwner ? ctx.caller : accountParam(p.ChildInstanceOwnerId);
  if (!a || a.ChildInstanceRegionId !== p.ChildInstanceRegionId || (owner !== undefined && a.ChildInstanceOwnerId !== owner)) {
    fail('ParameterInstanceId', `${p.ChildInstanceId} (${p.ChildInstanceRegionId}) is not attached to the CEN instance ${cen.CenId}.`);
  }
  const cst = cenStatus(cen, ctx.now);
  if (cst !== 'Active') fail('InvalidOperation.CenInstanceStatus', `The CEN instance ${cen.CenId} is ${cst}.`);
  const st = attachmentStatus(a, ctx.now);
  if (st !== 'Attached') fail('InvalidOperation.ChildInstanceStatus', `${a.ChildInstanceId} is ${st}; try again when that has finished.`);
  checkNoneInFlight(ctx, cen.CenId, a);
  if (ctx.delayMs > 0) {
    a.detachAt = ctx.now + ctx.delayMs;
  } else {
    ctx.world.attachments = ctx.world.attachments.filter((x) => x !== a);
    ctx.world.healthChecks = ctx.world.healthChecks.filter((h) => !(h.CenId === a.CenId && h.VbrInstanceId === a.ChildInstanceId));
  }
  return {};
};

function attachmentItem(ctx: Ctx, a: Attachment): Result {
  return {
    CenId: a.CenId,
    ChildInstanceId: a.ChildInstanceId,
    ChildInstanceType: a.ChildInstanceType,
    ChildInstanceRegionId: a.ChildInstanceRegionId,
    ChildInstanceOwnerId: accountIdOut(a.ChildInstanceOwnerId),
    ChildInstanceAttachTime: minuteTime(a.attachedAt),
    Status: attachmentStatus(a, ctx.now),
  };
}

export const DescribeCenAttachedChildInstances: Handler = (
  ctx,
  p: { CenId: string; ChildInstanceType?: string; ChildInstanceRegionId?: string; PageNumber?: number; PageSize?: number },
) => {
  const cen = cenOf(ctx, p.CenId);
  const items = attachmentsOfCen(ctx, cen.CenId)
    .filter((a) => !p.ChildInstanceType || a.ChildInstanceType === p.ChildInstanceType)
    .filter((a) => !p.ChildInstanceRegionId || a.ChildInstanceRegionId === p.ChildInstanceRegionId);
  const { page, fields } = paginate(items, p);
  return { ...fields, ChildInstances: { ChildInstance: page.map((a) => attachmentItem(ctx, a)) } };
};

export const DescribeCenAttachedChildInstanceAttribute: Handler = (ctx, p: ChildParams) => {
  const cen = cenOf(ctx, p.CenId);
  const a = attachmentOf(ctx, cen.CenId, p.ChildInstanceId);
  if (!a || a.ChildInstanceType !== p.ChildInstanceType || a.ChildInstanceRegionId !== p.ChildInstanceRegionId) {
    fail('ParameterInstanceId', `${p.ChildInstanceId} (${p.ChildInstanceType}, ${p.ChildInstanceRegionId}) is not attached to the CEN instance ${cen.CenId}.`);
  }
  const n = networkById(ctx, a.ChildInstanceId);
  return {
    ...attachmentItem(ctx, a),
    ChildInstanceName: n?.name ?? '',
    ChildInstanceAttributes: {
      CidrBlock: n?.CidrBlock ?? '',
      Ipv6CidrBlock: '',
      Ipv6CidrBlocks: { Ipv6CidrBlock: [] },
      SecondaryCidrBlocks: { SecondaryCidrBlock: [] },
    },
  };
};
