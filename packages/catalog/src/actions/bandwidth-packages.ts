/**
 * Bandwidth packages (plans): bought per area pair, associated with one CEN
 * instance, then shared out as inter-region limits.
 */
import * as z from 'zod';
import { arn, defineAction } from '../action.js';
import * as s from '../schema.js';
import { checkPackagePeriod, PACKAGE_PERIODS, PAGE_SIZE_MAX } from '../rules.js';

/** Subscription lengths Alibaba sells, per pricing cycle (the rule lives in rules.ts). */
export const PERIODS = PACKAGE_PERIODS;

/** Why Period does not fit PricingCycle, or undefined when it does (or either is not yet valid). */
function periodProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { Period, PricingCycle } = value as { Period?: unknown; PricingCycle?: unknown };
  if (typeof Period !== 'number') return undefined;
  const cycle = PricingCycle ?? 'Month';
  if (cycle !== 'Month' && cycle !== 'Year') return undefined;
  return checkPackagePeriod(Period, cycle);
}

export const CreateCenBandwidthPackage = defineAction({
  Action: 'CreateCenBandwidthPackage',
  product: 'Cbn',
  access: 'write',
  ClientToken: true,
  summary: 'Buy a bandwidth package for an area pair (Idle once paid).',
  request: z
    .object({
      Bandwidth: s.Bandwidth,
      GeographicRegionAId: s.AreaRequest,
      GeographicRegionBId: s.AreaRequest,
      BandwidthPackageChargeType: z.enum(['PREPAY', 'POSTPAY']).optional(),
      PricingCycle: z.enum(['Month', 'Year']).optional(),
      Period: z.number().int().optional(),
      AutoPay: z.boolean().optional(),
      AutoRenew: z.boolean().optional(),
      AutoRenewDuration: z.number().int().min(0).max(2147483647).optional(),
      Name: s.BandwidthPackageName.optional(),
      Description: s.Description.optional(),
      ClientToken: s.ClientToken.optional(),
      Tag: s.Tags.optional(),
    })
    .strict()
    // Period depends on PricingCycle (default Month): a cross-field rule. `when` lets it run even
    // if other parameters are wrong, so a caller sees every problem at once.
    .refine((p) => periodProblem(p) === undefined, {
      path: ['Period'],
      when: (payload) => periodProblem(payload.value) !== undefined,
      error: (iss) => periodProblem(iss.input),
    }),
  response: z.looseObject({
    RequestId: z.string(),
    CenBandwidthPackageId: z.string(),
    CenBandwidthPackageOrderId: s.Text.optional(),
  }),
  resources: () => [arn.bandwidthPackage()],
});

export const AssociateCenBandwidthPackage = defineAction({
  Action: 'AssociateCenBandwidthPackage',
  product: 'Cbn',
  access: 'write',
  ClientToken: false,
  summary: 'Associate a bandwidth package with a CEN instance (Idle, then InUse).',
  request: z.object({ CenId: s.CenId, CenBandwidthPackageId: s.BandwidthPackageId }).strict(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.cen(p.CenId), arn.bandwidthPackage(p.CenBandwidthPackageId)],
});

export const UnassociateCenBandwidthPackage = defineAction({
  Action: 'UnassociateCenBandwidthPackage',
  product: 'Cbn',
  access: 'write',
  ClientToken: false,
  summary: 'Take a bandwidth package off a CEN instance (set its limits to 0 first).',
  request: z.object({ CenId: s.CenId, CenBandwidthPackageId: s.BandwidthPackageId }).strict(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.cen(p.CenId), arn.bandwidthPackage(p.CenBandwidthPackageId)],
});

const OriginLimitItem = z.looseObject({
  // Alibaba returns this one as text in JSON too, so it stays a string.
  BandwidthLimit: s.Text.optional(),
  GeographicSpanId: s.Text.optional(),
  LocalRegionId: s.Text.optional(),
  OppositeRegionId: s.Text.optional(),
});

const BandwidthPackageItem = z.looseObject({
  CenBandwidthPackageId: z.string(),
  Name: s.Text.optional(),
  Description: s.Text.optional(),
  Bandwidth: s.Count,
  BandwidthPackageChargeType: s.Text.optional(),
  BusinessStatus: s.Text.optional(),
  Status: z.string(),
  CreationTime: s.Text.optional(),
  ExpiredTime: s.Text.optional(),
  GeographicRegionAId: s.AreaResponse,
  GeographicRegionBId: s.AreaResponse,
  GeographicSpanId: s.Text.optional(),
  IsCrossBorder: s.Bool.optional(),
  // Strings in the official JSON, kept as Alibaba sends them.
  HasReservationData: s.Text.optional(),
  ReservationActiveTime: s.Text.optional(),
  ReservationBandwidth: s.Text.optional(),
  ReservationInternetChargeType: s.Text.optional(),
  ReservationOrderType: s.Text.optional(),
  ResourceGroupId: s.Text.optional(),
  CenIds: s.list('CenId', z.string()),
  OrginInterRegionBandwidthLimits: s.list('OrginInterRegionBandwidthLimit', OriginLimitItem).optional(),
  Tags: s.list('Tag', s.Tag).optional(),
});

export const DescribeCenBandwidthPackages = defineAction({
  Action: 'DescribeCenBandwidthPackages',
  product: 'Cbn',
  access: 'read',
  ClientToken: false,
  summary: 'List bandwidth packages, filtered by CenId, Status, CenBandwidthPackageId or Name.',
  request: z
    .object({
      Filter: s.filters(['CenId', 'Status', 'CenBandwidthPackageId', 'Name']).optional(),
      IsOrKey: z.boolean().optional(),
      IncludeReservationData: z.boolean().optional(),
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(PAGE_SIZE_MAX).optional(),
      ResourceGroupId: s.ResourceGroupId.optional(),
      Tag: s.Tags.optional(),
    })
    .strict(),
  response: z.looseObject({ ...s.Paged, CenBandwidthPackages: s.list('CenBandwidthPackage', BandwidthPackageItem) }),
  resources: () => [arn.bandwidthPackage()],
  paging: { items: 'CenBandwidthPackages.CenBandwidthPackage', maxPageSize: PAGE_SIZE_MAX },
});

export const ModifyCenBandwidthPackageAttribute = defineAction({
  Action: 'ModifyCenBandwidthPackageAttribute',
  product: 'Cbn',
  access: 'write',
  ClientToken: false,
  summary: 'Rename a bandwidth package or change its description.',
  request: z
    .object({
      CenBandwidthPackageId: s.BandwidthPackageId,
      Name: s.Name.optional(),
      Description: s.Description.optional(),
    })
    .strict(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.bandwidthPackage(p.CenBandwidthPackageId)],
});

export const ModifyCenBandwidthPackageSpec = defineAction({
  Action: 'ModifyCenBandwidthPackageSpec',
  product: 'Cbn',
  access: 'write',
  ClientToken: false,
  summary: 'Change the bandwidth of a package (takes effect asynchronously).',
  request: z.object({ CenBandwidthPackageId: s.BandwidthPackageId, Bandwidth: s.Bandwidth }).strict(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.bandwidthPackage(p.CenBandwidthPackageId)],
});

export const DeleteCenBandwidthPackage = defineAction({
  Action: 'DeleteCenBandwidthPackage',
  product: 'Cbn',
  access: 'write',
  ClientToken: false,
  summary: 'Delete an unassociated pay-as-you-go (or expired) bandwidth package.',
  request: z.object({ CenBandwidthPackageId: s.BandwidthPackageId }).strict(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.bandwidthPackage(p.CenBandwidthPackageId)],
});
