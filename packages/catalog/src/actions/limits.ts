/**
 * Inter-region bandwidth limits: bandwidth from a package shared out to a
 * pair of regions on a CEN instance.
 */
import * as z from 'zod';
import { arn, defineAction } from '../action.js';
import * as s from '../schema.js';
import { PAGE_SIZE_MAX } from '../rules.js';

const LimitItem = z.looseObject({
  CenId: z.string(),
  LocalRegionId: z.string(),
  OppositeRegionId: z.string(),
  BandwidthLimit: s.Count,
  Status: z.string(),
  BandwidthPackageId: s.Text.optional(),
  BandwidthType: s.Text.optional(),
  GeographicSpanId: s.Text.optional(),
  TransitRouterAttachmentId: s.Text.optional(),
});

export const DescribeCenInterRegionBandwidthLimits = defineAction({
  Action: 'DescribeCenInterRegionBandwidthLimits',
  product: 'Cbn',
  access: 'read',
  ClientToken: false,
  summary: 'List the inter-region bandwidth limits of a CEN instance.',
  request: z
    .object({
      CenId: s.CenId.optional(),
      TrRegionId: s.RegionId.optional(),
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(PAGE_SIZE_MAX).optional(),
    })
    .strict(),
  response: z.looseObject({
    ...s.Paged,
    CenInterRegionBandwidthLimits: s.list('CenInterRegionBandwidthLimit', LimitItem),
  }),
  resources: (p) => [arn.cen(p.CenId)],
  paging: { items: 'CenInterRegionBandwidthLimits.CenInterRegionBandwidthLimit', maxPageSize: PAGE_SIZE_MAX },
});

export const SetCenInterRegionBandwidthLimit = defineAction({
  Action: 'SetCenInterRegionBandwidthLimit',
  product: 'Cbn',
  access: 'write',
  ClientToken: false,
  summary: 'Set the bandwidth between two regions of a CEN instance (0 removes the limit).',
  request: z
    .object({
      CenId: s.CenId,
      LocalRegionId: s.RegionId,
      OppositeRegionId: s.RegionId,
      BandwidthLimit: s.BandwidthLimit,
      BandwidthType: z.enum(['BandwidthPackage']).optional(),
    })
    .strict()
    .superRefine((p, ctx) => {
      // A limit is between two different regions; traffic inside a region needs none.
      if (p.LocalRegionId === p.OppositeRegionId) {
        ctx.addIssue({ code: 'custom', path: ['OppositeRegionId'], message: 'must differ from LocalRegionId' });
      }
    }),
  response: s.RequestIdOnly,
  resources: (p) => [arn.cen(p.CenId)],
});

export const DescribeCenGeographicSpanRemainingBandwidth = defineAction({
  Action: 'DescribeCenGeographicSpanRemainingBandwidth',
  product: 'Cbn',
  access: 'read',
  ClientToken: false,
  summary: "Mbit/s still free in the CEN instance's package for an area pair.",
  request: z
    .object({
      CenId: s.CenId,
      GeographicRegionAId: s.AreaRequest,
      GeographicRegionBId: s.AreaRequest,
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(PAGE_SIZE_MAX).optional(),
    })
    .strict(),
  response: z.looseObject({ RequestId: z.string(), RemainingBandwidth: s.Count }),
  resources: (p) => [arn.cen(p.CenId)],
});
