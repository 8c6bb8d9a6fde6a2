/**
 * Attachments: networks (VPC, VBR, CCN) attached to a CEN instance.
 */
import * as z from 'zod';
import { arn, defineAction } from '../action.js';
import * as s from '../schema.js';
import { PAGE_SIZE_MAX } from '../rules.js';

// AttachCenChildInstance and DetachCenChildInstance take no ClientToken in 2017-09-12
// (neither the SDK models nor cen-api.md list one), so they are not safely retryable.
export const AttachCenChildInstance = defineAction({
  Action: 'AttachCenChildInstance',
  product: 'Cbn',
  access: 'write',
  ClientToken: false,
  summary: 'Attach a VPC, VBR or CCN to a CEN instance (Attaching, then Attached).',
  request: z
    .object({
      CenId: s.CenId,
      ChildInstanceId: s.ChildInstanceId,
      ChildInstanceType: s.ChildInstanceType,
      ChildInstanceRegionId: s.RegionId,
      ChildInstanceOwnerId: s.AccountIdParam.optional(),
    })
    .strict(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.cen(p.CenId), arn.child(p.ChildInstanceType, p.ChildInstanceRegionId, p.ChildInstanceId)],
});

export const DetachCenChildInstance = defineAction({
  Action: 'DetachCenChildInstance',
  product: 'Cbn',
  access: 'write',
  ClientToken: false,
  summary: 'Detach a network from a CEN instance (Detaching, then gone).',
  request: z
    .object({
      CenId: s.CenId,
      ChildInstanceId: s.ChildInstanceId,
      ChildInstanceType: s.ChildInstanceType,
      ChildInstanceRegionId: s.RegionId,
      ChildInstanceOwnerId: s.AccountIdParam.optional(),
      CenOwnerId: s.AccountIdParam.optional(),
    })
    .strict(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.cen(p.CenId), arn.child(p.ChildInstanceType, p.ChildInstanceRegionId, p.ChildInstanceId)],
});

const ChildInstanceItem = z.looseObject({
  CenId: z.string(),
  ChildInstanceId: z.string(),
  ChildInstanceType: z.string(),
  ChildInstanceRegionId: z.string(),
  ChildInstanceOwnerId: s.AccountId.optional(),
  ChildInstanceAttachTime: s.Text.optional(),
  Status: z.string(),
  ManagedService: s.Text.optional(),
});

export const DescribeCenAttachedChildInstances = defineAction({
  Action: 'DescribeCenAttachedChildInstances',
  product: 'Cbn',
  access: 'read',
  ClientToken: false,
  summary: 'List the networks attached to a CEN instance.',
  request: z
    .object({
      CenId: s.CenId,
      ChildInstanceType: s.ChildInstanceType.optional(),
      ChildInstanceRegionId: s.RegionId.optional(),
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(PAGE_SIZE_MAX).optional(),
    })
    .strict(),
  response: z.looseObject({ ...s.Paged, ChildInstances: s.list('ChildInstance', ChildInstanceItem) }),
  resources: (p) => [arn.cen(p.CenId)],
  paging: { items: 'ChildInstances.ChildInstance', maxPageSize: PAGE_SIZE_MAX },
});

const Ipv6CidrBlockItem = z.looseObject({ Ipv6CidrBlock: s.Text.optional(), Ipv6Isp: s.Text.optional() });

export const DescribeCenAttachedChildInstanceAttribute = defineAction({
  Action: 'DescribeCenAttachedChildInstanceAttribute',
  product: 'Cbn',
  access: 'read',
  ClientToken: false,
  summary: 'Show one attachment: its status, network name and CIDR blocks.',
  request: z
    .object({
      CenId: s.CenId,
      ChildInstanceId: s.ChildInstanceId,
      ChildInstanceType: s.ChildInstanceType,
      ChildInstanceRegionId: s.RegionId,
    })
    .strict(),
  response: z.looseObject({
    RequestId: z.string(),
    CenId: z.string(),
    ChildInstanceId: z.string(),
    ChildInstanceType: z.string(),
    ChildInstanceRegionId: z.string(),
    ChildInstanceOwnerId: s.AccountId.optional(),
    ChildInstanceName: s.Text.optional(),
    ChildInstanceAttachTime: s.Text.optional(),
    Status: z.string(),
    ManagedService: s.Text.optional(),
    ChildInstanceAttributes: z
      .looseObject({
        CidrBlock: s.Text.optional(),
        Ipv6CidrBlock: s.Text.optional(),
        Ipv6CidrBlocks: s.list('Ipv6CidrBlock', Ipv6CidrBlockItem).optional(),
        SecondaryCidrBlocks: s.list('SecondaryCidrBlock', z.string()).optional(),
      })
      .optional(),
  }),
  resources: (p) => [arn.cen(p.CenId), arn.child(p.ChildInstanceType, p.ChildInstanceRegionId, p.ChildInstanceId)],
});
