/**
 * Areas (geographic regions), spans (area pairs) and the regions where
 * networks can be attached: the live data behind the region pickers.
 */
import * as z from 'zod';
import { defineAction } from '../action.js';
import * as s from '../schema.js';
import { PAGE_SIZE_MAX } from '../rules.js';

export const DescribeGeographicRegionMembership = defineAction({
  Action: 'DescribeGeographicRegionMembership',
  product: 'Cbn',
  access: 'read',
  ClientToken: false,
  summary: 'List the regions in an area (lower-case area id such as north-america).',
  request: z
    .object({
      GeographicRegionId: s.AreaId,
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(PAGE_SIZE_MAX).optional(),
    })
    .strict(),
  // Items are objects `{RegionId}`, unlike the plain-string id lists elsewhere.
  response: z.looseObject({ ...s.Paged, RegionIds: s.list('RegionId', z.looseObject({ RegionId: z.string() })) }),
  // The RAM table says this action needs no authorisation: it touches no resource.
  resources: () => [],
  paging: { items: 'RegionIds.RegionId', maxPageSize: PAGE_SIZE_MAX },
});

const SpanItem = z.looseObject({
  GeographicSpanId: z.string(),
  LocalGeoRegionId: z.string(),
  OppositeGeoRegionId: z.string(),
});

export const DescribeCenGeographicSpans = defineAction({
  Action: 'DescribeCenGeographicSpans',
  product: 'Cbn',
  access: 'read',
  ClientToken: false,
  summary: 'List the area pairs a bandwidth package can cover.',
  request: z
    .object({
      GeographicSpanId: s.GeographicSpanId.optional(),
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(PAGE_SIZE_MAX).optional(),
    })
    .strict(),
  response: z.looseObject({ ...s.Paged, GeographicSpanModels: s.list('GeographicSpanModel', SpanItem) }),
  // Product facts, not a resource of the account.
  resources: () => [],
  paging: { items: 'GeographicSpanModels.GeographicSpanModel', maxPageSize: PAGE_SIZE_MAX },
});

export const DescribeChildInstanceRegions = defineAction({
  Action: 'DescribeChildInstanceRegions',
  product: 'Cbn',
  access: 'read',
  ClientToken: false,
  summary: 'List the regions where a VPC, VBR or CCN can be attached, with local names.',
  request: z
    .object({
      ProductType: s.ChildInstanceType.optional(),
      AcceptLanguage: z.enum(['zh-CN', 'en-US', 'ja']).optional(),
    })
    .strict(),
  response: z.looseObject({
    RequestId: z.string(),
    Regions: s.list('Region', z.looseObject({ RegionId: z.string(), LocalName: s.Text.optional() })),
  }),
  // Product facts, not a resource of the account.
  resources: () => [],
});
