/**
 * Routes: what CEN learned in a region, route conflicts, and publishing a
 * network's route entries to CEN.
 */
import * as z from 'zod';
import { arn, defineAction } from '../action.js';
import * as s from '../schema.js';
import { PAGE_SIZE_MAX, ROUTE_PAGE_SIZE_MAX } from '../rules.js';

const RouteMapRecord = z.looseObject({ RegionId: s.Text.optional(), RouteMapId: s.Text.optional() });

const CenRouteEntryItem = z.looseObject({
  DestinationCidrBlock: z.string(),
  Type: s.Text.optional(),
  NextHopInstanceId: s.Text.optional(),
  NextHopType: s.Text.optional(),
  NextHopRegionId: s.Text.optional(),
  Status: s.Text.optional(),
  Preference: s.Count.optional(),
  ToOtherRegionStatus: s.Text.optional(),
  AsPaths: s.list('AsPath', z.string()).optional(),
  Communities: s.list('Community', z.string()).optional(),
  CenRouteMapRecords: s.list('CenRouteMapRecord', RouteMapRecord).optional(),
  CenOutRouteMapRecords: s.list('CenOutRouteMapRecord', RouteMapRecord).optional(),
});

export const DescribeCenRegionDomainRouteEntries = defineAction({
  Action: 'DescribeCenRegionDomainRouteEntries',
  product: 'Cbn',
  access: 'read',
  ClientToken: false,
  summary: 'List the routes CEN has in one region, by status.',
  request: z
    .object({
      CenId: s.CenId,
      CenRegionId: s.RegionId,
      Status: z.enum(['Active', 'Candidate', 'Rejected', 'Prohibited', 'All']).optional(),
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(ROUTE_PAGE_SIZE_MAX).optional(),
    })
    .strict(),
  response: z.looseObject({ ...s.Paged, CenRouteEntries: s.list('CenRouteEntry', CenRouteEntryItem) }),
  resources: (p) => [arn.cen(p.CenId)],
  paging: { items: 'CenRouteEntries.CenRouteEntry', maxPageSize: ROUTE_PAGE_SIZE_MAX },
});

const ConflictItem = z.looseObject({
  DestinationCidrBlock: z.string(),
  InstanceId: s.Text.optional(),
  InstanceType: s.Text.optional(),
  RegionId: s.Text.optional(),
  Status: s.Text.optional(),
});

export const DescribeRouteConflict = defineAction({
  Action: 'DescribeRouteConflict',
  product: 'Cbn',
  access: 'read',
  ClientToken: false,
  summary: "List routes of a network's route table that conflict with CEN routes.",
  request: z
    .object({
      ChildInstanceId: s.ChildInstanceId,
      ChildInstanceRegionId: s.RegionId,
      ChildInstanceType: s.ChildInstanceType,
      ChildInstanceRouteTableId: s.RouteTableId,
      DestinationCidrBlock: s.Cidr.optional(),
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(PAGE_SIZE_MAX).optional(),
    })
    .strict(),
  response: z.looseObject({ ...s.Paged, RouteConflicts: s.list('RouteConflict', ConflictItem) }),
  resources: (p) => [arn.child(p.ChildInstanceType, p.ChildInstanceRegionId, p.ChildInstanceId)],
  paging: { items: 'RouteConflicts.RouteConflict', maxPageSize: PAGE_SIZE_MAX },
});

const PublishedRouteEntryItem = z.looseObject({
  ChildInstanceRouteTableId: s.Text.optional(),
  DestinationCidrBlock: z.string(),
  NextHopId: s.Text.optional(),
  NextHopType: s.Text.optional(),
  RouteType: s.Text.optional(),
  OperationalMode: s.Bool.optional(),
  PublishStatus: z.string(),
  Conflicts: s.list('Conflict', ConflictItem).optional(),
});

export const DescribePublishedRouteEntries = defineAction({
  Action: 'DescribePublishedRouteEntries',
  product: 'Cbn',
  access: 'read',
  ClientToken: false,
  summary: "List a network's route entries and whether each is published to CEN.",
  request: z
    .object({
      CenId: s.CenId,
      ChildInstanceId: s.ChildInstanceId,
      ChildInstanceRegionId: s.RegionId,
      ChildInstanceType: s.ChildInstanceType,
      ChildInstanceRouteTableId: s.RouteTableId.optional(),
      DestinationCidrBlock: s.Cidr.optional(),
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(ROUTE_PAGE_SIZE_MAX).optional(),
    })
    .strict(),
  response: z.looseObject({
    ...s.Paged,
    PublishedRouteEntries: s.list('PublishedRouteEntry', PublishedRouteEntryItem),
  }),
  resources: (p) => [arn.cen(p.CenId), arn.child(p.ChildInstanceType, p.ChildInstanceRegionId, p.ChildInstanceId)],
  paging: { items: 'PublishedRouteEntries.PublishedRouteEntry', maxPageSize: ROUTE_PAGE_SIZE_MAX },
});

// Publishing works on VPC and VBR route tables only (SDK: ChildInstanceType VPC | VBR).
const publishRequest = () =>
  z
    .object({
      CenId: s.CenId,
      ChildInstanceId: s.ChildInstanceId,
      ChildInstanceType: z.enum(['VPC', 'VBR']),
      ChildInstanceRegionId: s.RegionId,
      ChildInstanceRouteTableId: s.RouteTableId,
      DestinationCidrBlock: s.Cidr,
    })
    .strict();

export const PublishRouteEntries = defineAction({
  Action: 'PublishRouteEntries',
  product: 'Cbn',
  access: 'write',
  ClientToken: false,
  summary: "Publish a route entry of an attached network's route table to CEN.",
  request: publishRequest(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.cen(p.CenId), arn.child(p.ChildInstanceType, p.ChildInstanceRegionId, p.ChildInstanceId)],
});

export const WithdrawPublishedRouteEntries = defineAction({
  Action: 'WithdrawPublishedRouteEntries',
  product: 'Cbn',
  access: 'write',
  ClientToken: false,
  summary: 'Withdraw a published route entry from CEN.',
  request: publishRequest(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.cen(p.CenId), arn.child(p.ChildInstanceType, p.ChildInstanceRegionId, p.ChildInstanceId)],
});
