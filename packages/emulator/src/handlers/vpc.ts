/**
 * VPC API reads: the caller's VPCs, VBRs and their route tables, from the
 * same world the CEN actions change (a VPC's CenStatus, a VBR's
 * AssociatedCens follow its attachment).
 */
import { accountIdOut } from '../account-id.js';
import { secondTime } from '../time.js';
import { attachmentStatus } from '../world/status.js';
import type { Network } from '../world/types.js';
import { DEFAULT_RESOURCE_GROUP } from './cens.js';
import { accountParam, matchesFilters, paginate, type Ctx, type Handler, type Result } from './context.js';

function attachmentOfNetwork(ctx: Ctx, n: Network) {
  return ctx.world.attachments.find((a) => a.ChildInstanceId === n.id);
}

export const DescribeVpcs: Handler = (
  ctx,
  p: { RegionId: string; VpcId?: string; VpcName?: string; IsDefault?: boolean; VpcOwnerId?: string | number; ResourceGroupId?: string; PageNumber?: number; PageSize?: number },
) => {
  const ids = p.VpcId?.split(',');
  const owner = accountParam(p.VpcOwnerId);
  const vpcs = ctx.world.networks
    .filter((n) => n.type === 'VPC' && n.owner === ctx.caller && n.RegionId === p.RegionId)
    .filter((n) => !ids || ids.includes(n.id))
    .filter((n) => !p.VpcName || n.name === p.VpcName)
    .filter(() => p.IsDefault !== true)
    .filter(() => owner === undefined || owner === ctx.caller)
    .filter(() => !p.ResourceGroupId || p.ResourceGroupId === DEFAULT_RESOURCE_GROUP);
  const { page, fields } = paginate(vpcs, p);
  return {
    ...fields,
    Vpcs: {
      Vpc: page.map((n) => {
        const a = attachmentOfNetwork(ctx, n);
        return {
          VpcId: n.id,
          RegionId: n.RegionId,
          VpcName: n.name,
          CidrBlock: n.CidrBlock,
          Status: 'Available',
          VRouterId: n.VRouterId,
          CreationTime: secondTime(n.createdAt),
          Description: '',
          IsDefault: false,
          OwnerId: accountIdOut(n.owner),
          ResourceGroupId: DEFAULT_RESOURCE_GROUP,
          CenStatus: a && attachmentStatus(a, ctx.now) === 'Attached' ? 'Attached' : 'Detached',
          VSwitchIds: { VSwitchId: n.vSwitches.map((v) => v.VSwitchId) },
          RouterTableIds: { RouterTableIds: [n.RouteTableId] },
          NatGatewayIds: { NatGatewayIds: [] },
          UserCidrs: { UserCidr: [] },
          SecondaryCidrBlocks: { SecondaryCidrBlock: [] },
          Tags: { Tag: [] },
        };
      }),
    },
  };
};

/** Fixed, plausible Express Connect details derived from the VBR's position in the world. */
function vbrItem(ctx: Ctx, n: Network, index: number): Result {
  const a = attachmentOfNetwork(ctx, n);
  const cen = a && ctx.world.cens.find((c) => c.CenId === a.CenId);
  const vlan = 100 + index;
  return {
    VbrId: n.id,
    Name: n.name,
    Description: '',
    Status: 'active',
    Type: 'pconnVBR',
    RouteTableId: n.RouteTableId,
    LocalGatewayIp: `10.254.${index}.1`,
    PeerGatewayIp: `10.254.${index}.2`,
    PeeringSubnetMask: '255.255.255.252',
    VlanId: vlan,
    VlanInterfaceId: `ri-${n.id.slice(4)}`,
    PhysicalConnectionId: `pc-${n.id.slice(4)}`,
    PhysicalConnectionStatus: 'Enabled',
    PhysicalConnectionOwnerUid: n.owner,
    AccessPointId: `ap-${n.RegionId}-emulator`,
    CircuitCode: `emulator-${vlan}`,
    CreationTime: secondTime(n.createdAt),
    ActivationTime: secondTime(n.createdAt),
    ResourceGroupId: DEFAULT_RESOURCE_GROUP,
    AssociatedCens: {
      AssociatedCen: a && cen ? [{ CenId: a.CenId, CenOwnerId: accountIdOut(cen.owner), CenStatus: attachmentStatus(a, ctx.now) }] : [],
    },
  };
}

export const DescribeVirtualBorderRouters: Handler = (
  ctx,
  p: { RegionId: string; Filter?: { Key: string; Value: string[] }[]; PageNumber?: number; PageSize?: number },
) => {
  const vbrs = ctx.world.networks.filter((n) => n.type === 'VBR' && n.owner === ctx.caller && n.RegionId === p.RegionId);
  const items = vbrs.map((n) => vbrItem(ctx, n, ctx.world.networks.indexOf(n)));
  const filtered = items.filter((it) => matchesFilters(it, p.Filter, (x, k) => (k === 'eccId' ? undefined : k === 'type' ? String(x.Type) : x[k] === undefined ? undefined : String(x[k]))));
  const { page, fields } = paginate(filtered, p);
  return { ...fields, VirtualBorderRouterSet: { VirtualBorderRouterType: page } };
};

export const DescribeRouteTables: Handler = (
  ctx,
  p: {
    RegionId: string;
    VRouterId?: string;
    RouterId?: string;
    RouterType?: 'VRouter' | 'VBR';
    RouteTableId?: string;
    RouteTableName?: string;
    Type?: string;
    PageNumber?: number;
    PageSize?: number;
  },
) => {
  const router = p.VRouterId ?? p.RouterId;
  const tables = ctx.world.networks
    .filter((n) => n.owner === ctx.caller && n.RegionId === p.RegionId)
    .filter((n) => !router || n.VRouterId === router)
    .filter((n) => !p.RouterType || (p.RouterType === 'VBR') === (n.type === 'VBR'))
    .filter((n) => !p.RouteTableId || n.RouteTableId === p.RouteTableId)
    .filter(() => !p.RouteTableName);
  const { page, fields } = paginate(tables, p);
  return {
    ...fields,
    RouteTables: {
      RouteTable: page.map((n) => ({
        RouteTableId: n.RouteTableId,
        VRouterId: n.VRouterId,
        RouteTableType: 'System',
        Status: 'Available',
        CreationTime: secondTime(n.createdAt),
        ResourceGroupId: DEFAULT_RESOURCE_GROUP,
        RouteEntrys: {
          RouteEntry: n.routes
            .filter((r) => !p.Type || r.RouteType === p.Type)
            .map((r, i) => ({
              DestinationCidrBlock: r.DestinationCidrBlock,
              Type: r.RouteType,
              Status: 'Available',
              InstanceId: r.NextHopId,
              NextHopType: r.NextHopType,
              RouteTableId: n.RouteTableId,
              RouteEntryId: `rte-${n.RouteTableId.slice(4, 14)}${i}`,
              Description: '',
              NextHops: { NextHop: [] },
            })),
        },
        VSwitchIds: { VSwitchId: n.vSwitches.map((v) => v.VSwitchId) },
      })),
    },
  };
};
