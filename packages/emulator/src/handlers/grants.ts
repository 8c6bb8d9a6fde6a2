/**
 * Grants (VPC API): the owner of a network lets another account's CEN attach
 * it. Called by the network's owner; unknown or foreign networks are
 * InvalidInstanceId.NotFound, as the VPC API says.
 */
import { accountIdOut } from '../account-id.js';
import { fail } from '../errors.js';
import { secondTime } from '../time.js';
import { checkTypeMatchesId, findNetwork } from '../world/lookup.js';
import type { Network } from '../world/types.js';
import { accountParam, paginate, type Ctx, type Handler } from './context.js';

interface GrantParams {
  RegionId: string;
  InstanceId: string;
  InstanceType: 'VPC' | 'VBR' | 'CCN';
  CenId: string;
  CenOwnerId: string | number;
}

function ownNetwork(ctx: Ctx, p: { RegionId: string; InstanceId: string; InstanceType: string }): Network {
  checkTypeMatchesId(p.InstanceId, p.InstanceType, 'InstanceType');
  return (
    findNetwork(ctx, p.InstanceId, p.InstanceType, ctx.caller, p.RegionId) ??
    fail('InvalidInstanceId.NotFound', `The instance ${p.InstanceId} (${p.InstanceType}) does not exist in ${p.RegionId} for this account.`)
  );
}

export const GrantInstanceToCen: Handler = (ctx, p: GrantParams) => {
  const n = ownNetwork(ctx, p);
  const CenOwnerId = accountParam(p.CenOwnerId)!;
  if (!ctx.world.cens.some((c) => c.CenId === p.CenId && c.owner === CenOwnerId)) {
    fail('ParameterCenInstanceId', `The CEN instance ${p.CenId} of account ${CenOwnerId} does not exist.`);
  }
  const exists = ctx.world.grants.some((g) => g.InstanceId === n.id && g.CenId === p.CenId && g.CenOwnerId === CenOwnerId);
  if (!exists) {
    ctx.world.grants.push({
      InstanceId: n.id,
      InstanceType: n.type,
      RegionId: n.RegionId,
      owner: ctx.caller,
      CenId: p.CenId,
      CenOwnerId,
      createdAt: ctx.now,
    });
  }
  return {};
};

/** Revoking stops future attachments; an attachment already made stays until it is detached. */
export const RevokeInstanceFromCen: Handler = (ctx, p: GrantParams) => {
  const n = ownNetwork(ctx, p);
  const CenOwnerId = accountParam(p.CenOwnerId)!;
  ctx.world.grants = ctx.world.grants.filter((g) => !(g.InstanceId === n.id && g.CenId === p.CenId && g.CenOwnerId === CenOwnerId));
  return {};
};

export const DescribeGrantRulesToCen: Handler = (
  ctx,
  p: { RegionId: string; InstanceId: string; InstanceType: string; PageNumber?: number; PageSize?: number },
) => {
  const n = ownNetwork(ctx, p);
  const rules = ctx.world.grants.filter((g) => g.InstanceId === n.id);
  const { page, fields } = paginate(rules, p);
  return {
    ...fields,
    CenGrantRules: {
      CbnGrantRule: page.map((g) => ({
        CenInstanceId: g.CenId,
        CenOwnerId: accountIdOut(g.CenOwnerId),
        CreationTime: secondTime(g.createdAt),
      })),
    },
  };
};
