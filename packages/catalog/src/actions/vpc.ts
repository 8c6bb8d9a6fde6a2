/**
 * VPC API (2016-04-28) reads a CEN portal needs: the networks it can attach
 * (VPCs, VBRs) and their route tables. Parameter sets are the official ones
 * that matter to the portal, not every parameter the VPC API has.
 */
import * as z from 'zod';
import { arn, defineAction } from '../action.js';
import * as s from '../schema.js';
import { PAGE_SIZE_MAX } from '../rules.js';

/** DescribeVpcs takes up to 20 VPC IDs separated by commas. */
const VpcIds = z
  .string()
  .regex(/^vpc-[a-z0-9*]+(,vpc-[a-z0-9*]+){0,19}$/i, 'must be up to 20 VPC IDs separated by commas, such as vpc-bp1…,vpc-bp2…');

const VpcItem = z.looseObject({
  VpcId: z.string(),
  RegionId: z.string(),
  VpcName: s.Text.optional(),
  CidrBlock: s.Text.optional(),
  Ipv6CidrBlock: s.Text.optional(),
  Status: z.string(),
  VRouterId: s.Text.optional(),
  CreationTime: s.Text.optional(),
  Description: s.Text.optional(),
  IsDefault: s.Bool.optional(),
  OwnerId: s.AccountId.optional(),
  ResourceGroupId: s.Text.optional(),
  CenStatus: s.Text.optional(),
  VSwitchIds: s.list('VSwitchId', z.string()).optional(),
  // Alibaba's spelling: the wrapper and the item are both `RouterTableIds`, likewise `NatGatewayIds`.
  RouterTableIds: s.list('RouterTableIds', z.string()).optional(),
  NatGatewayIds: s.list('NatGatewayIds', z.string()).optional(),
  UserCidrs: s.list('UserCidr', z.string()).optional(),
  SecondaryCidrBlocks: s.list('SecondaryCidrBlock', z.string()).optional(),
  Tags: s.list('Tag', s.Tag).optional(),
});

export const DescribeVpcs = defineAction({
  Action: 'DescribeVpcs',
  product: 'Vpc',
  access: 'read',
  ClientToken: false,
  summary: 'List the VPCs of this account in a region.',
  request: z
    .object({
      RegionId: s.RegionId,
      VpcId: VpcIds.optional(),
      VpcName: z.string().min(1).max(128).optional(),
      IsDefault: z.boolean().optional(),
      VpcOwnerId: s.AccountIdParam.optional(),
      ResourceGroupId: s.ResourceGroupId.optional(),
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(PAGE_SIZE_MAX).optional(),
    })
    .strict(),
  response: z.looseObject({ ...s.Paged, Vpcs: s.list('Vpc', VpcItem) }),
  resources: (p) => (p.VpcId ? p.VpcId.split(',').map((id) => arn.vpc(p.RegionId, id)) : [arn.vpc(p.RegionId)]),
  paging: { items: 'Vpcs.Vpc', maxPageSize: PAGE_SIZE_MAX },
});

const AssociatedCen = z.looseObject({
  CenId: z.string(),
  CenOwnerId: s.AccountId.optional(),
  CenStatus: s.Text.optional(),
});

const VbrItem = z.looseObject({
  VbrId: z.string(),
  Name: s.Text.optional(),
  Description: s.Text.optional(),
  // unconfirmed | active | terminating | terminated | recovering | deleting (lower case)
  Status: z.string(),
  Type: s.Text.optional(),
  RouteTableId: s.Text.optional(),
  LocalGatewayIp: s.Text.optional(),
  PeerGatewayIp: s.Text.optional(),
  PeeringSubnetMask: s.Text.optional(),
  VlanId: s.Count.optional(),
  VlanInterfaceId: s.Text.optional(),
  PhysicalConnectionId: s.Text.optional(),
  PhysicalConnectionStatus: s.Text.optional(),
  PhysicalConnectionOwnerUid: s.Text.optional(),
  AccessPointId: s.Text.optional(),
  CircuitCode: s.Text.optional(),
  CreationTime: s.Text.optional(),
  ActivationTime: s.Text.optional(),
  TerminationTime: s.Text.optional(),
  RecoveryTime: s.Text.optional(),
  EccId: s.Text.optional(),
  ResourceGroupId: s.Text.optional(),
  AssociatedCens: s.list('AssociatedCen', AssociatedCen).optional(),
});

export const DescribeVirtualBorderRouters = defineAction({
  Action: 'DescribeVirtualBorderRouters',
  product: 'Vpc',
  access: 'read',
  ClientToken: false,
  summary: 'List the VBRs (Express Connect virtual border routers) in a region.',
  request: z
    .object({
      RegionId: s.RegionId,
      Filter: s
        .filters(['VbrId', 'PhysicalConnectionId', 'Status', 'Name', 'AccessPointId', 'eccId', 'type'])
        .optional(),
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(PAGE_SIZE_MAX).optional(),
    })
    .strict(),
  response: z.looseObject({ ...s.Paged, VirtualBorderRouterSet: s.list('VirtualBorderRouterType', VbrItem) }),
  resources: (p) => [arn.vbr(p.RegionId)],
  paging: { items: 'VirtualBorderRouterSet.VirtualBorderRouterType', maxPageSize: PAGE_SIZE_MAX },
});

const NextHop = z.looseObject({
  NextHopId: s.Text.optional(),
  NextHopType: s.Text.optional(),
  Enabled: s.Count.optional(),
  Weight: s.Count.optional(),
});

const RouteEntry = z.looseObject({
  DestinationCidrBlock: z.string(),
  Type: s.Text.optional(),
  Status: s.Text.optional(),
  InstanceId: s.Text.optional(),
  NextHopType: s.Text.optional(),
  RouteTableId: s.Text.optional(),
  RouteEntryId: s.Text.optional(),
  RouteEntryName: s.Text.optional(),
  Description: s.Text.optional(),
  NextHops: s.list('NextHop', NextHop).optional(),
});

const RouteTableItem = z.looseObject({
  RouteTableId: z.string(),
  VRouterId: s.Text.optional(),
  RouteTableType: s.Text.optional(),
  Status: s.Text.optional(),
  CreationTime: s.Text.optional(),
  ResourceGroupId: s.Text.optional(),
  RouteEntrys: s.list('RouteEntry', RouteEntry),
  VSwitchIds: s.list('VSwitchId', z.string()).optional(),
});

export const DescribeRouteTables = defineAction({
  Action: 'DescribeRouteTables',
  product: 'Vpc',
  access: 'read',
  ClientToken: false,
  summary: 'List route tables (and their entries) of a VPC router or a VBR.',
  request: z
    .object({
      RegionId: s.RegionId,
      // A VPC's vRouter (vrt-…) or, with RouterType VBR, the VBR ID (vbr-…).
      VRouterId: z.string().regex(/^(vrt|vbr)-[a-z0-9*]+$/i, 'must be a vRouter ID (vrt-…) or a VBR ID (vbr-…)').optional(),
      RouterId: z.string().regex(/^(vrt|vbr)-[a-z0-9*]+$/i, 'must be a vRouter ID (vrt-…) or a VBR ID (vbr-…)').optional(),
      RouterType: z.enum(['VRouter', 'VBR']).optional(),
      RouteTableId: s.RouteTableId.optional(),
      RouteTableName: z.string().min(1).max(128).optional(),
      Type: z.enum(['Custom', 'System', 'BGP', 'CEN', 'ECR']).optional(),
      ResourceGroupId: s.ResourceGroupId.optional(),
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(PAGE_SIZE_MAX).optional(),
    })
    .strict()
    .superRefine((p, ctx) => {
      // Both rules are the VPC API's own (SDK model docs); checking here saves a round trip.
      if (!p.VRouterId && !p.RouteTableId && !p.RouterId && !p.RouteTableName) {
        ctx.addIssue({
          code: 'custom',
          path: ['VRouterId'],
          message: 'One of VRouterId, RouteTableId, RouterId or RouteTableName is required to say which route tables to list',
        });
      }
      if (p.VRouterId && p.RouterId) {
        ctx.addIssue({ code: 'custom', path: ['RouterId'], message: 'cannot be given together with VRouterId' });
      }
    }),
  response: z.looseObject({ ...s.Paged, RouteTables: s.list('RouteTable', RouteTableItem) }),
  resources: (p) => [arn.routeTable(p.RegionId, p.RouteTableId)],
  paging: { items: 'RouteTables.RouteTable', maxPageSize: PAGE_SIZE_MAX },
});
