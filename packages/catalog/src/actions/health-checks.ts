/**
 * VBR health checks: CEN probes the customer side of a VBR and switches routes
 * over when it stops answering.
 */
import * as z from 'zod';
import { arn, defineAction } from '../action.js';
import * as s from '../schema.js';
import {
  HEALTH_CHECK_INTERVAL_MAX,
  HEALTH_CHECK_INTERVAL_MIN,
  HEALTHY_THRESHOLD_MAX,
  HEALTHY_THRESHOLD_MIN,
  PAGE_SIZE_MAX,
} from '../rules.js';

const HealthCheckItem = z.looseObject({
  CenId: z.string(),
  VbrInstanceId: z.string(),
  VbrInstanceRegionId: z.string(),
  HealthCheckSourceIp: s.Text.optional(),
  HealthCheckTargetIp: s.Text.optional(),
  HealthCheckInterval: s.Count.optional(),
  HealthyThreshold: s.Count.optional(),
  HealthCheckOnly: s.Bool.optional(),
  Description: s.Text.optional(),
});

export const DescribeCenVbrHealthCheck = defineAction({
  Action: 'DescribeCenVbrHealthCheck',
  product: 'Cbn',
  access: 'read',
  ClientToken: false,
  summary: 'List the health checks of VBRs in a region.',
  request: z
    .object({
      VbrInstanceRegionId: s.RegionId,
      CenId: s.CenId.optional(),
      VbrInstanceId: s.VbrId.optional(),
      VbrInstanceOwnerId: s.AccountIdParam.optional(),
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(PAGE_SIZE_MAX).optional(),
    })
    .strict(),
  response: z.looseObject({ ...s.Paged, VbrHealthChecks: s.list('VbrHealthCheck', HealthCheckItem) }),
  resources: (p) => [arn.cen(p.CenId), arn.vbr(p.VbrInstanceRegionId, p.VbrInstanceId)],
  paging: { items: 'VbrHealthChecks.VbrHealthCheck', maxPageSize: PAGE_SIZE_MAX },
});

export const EnableCenVbrHealthCheck = defineAction({
  Action: 'EnableCenVbrHealthCheck',
  product: 'Cbn',
  access: 'write',
  ClientToken: false,
  summary: 'Turn on (or change) the health check of a VBR attached to a CEN instance.',
  request: z
    .object({
      CenId: s.CenId,
      VbrInstanceId: s.VbrId,
      VbrInstanceRegionId: s.RegionId,
      HealthCheckTargetIp: s.Ipv4,
      // Omitted: Alibaba picks one from 100.96.0.0/16, which is what it recommends.
      HealthCheckSourceIp: s.HealthCheckSourceIp.optional(),
      HealthCheckInterval: s.intRange(HEALTH_CHECK_INTERVAL_MIN, HEALTH_CHECK_INTERVAL_MAX, ' seconds').optional(),
      HealthyThreshold: s.intRange(HEALTHY_THRESHOLD_MIN, HEALTHY_THRESHOLD_MAX, ' probe packets').optional(),
      HealthCheckOnly: z.boolean().optional(),
      Description: s.Description.optional(),
      VbrInstanceOwnerId: s.AccountIdParam.optional(),
    })
    .strict(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.cen(p.CenId), arn.vbr(p.VbrInstanceRegionId, p.VbrInstanceId)],
});

export const DisableCenVbrHealthCheck = defineAction({
  Action: 'DisableCenVbrHealthCheck',
  product: 'Cbn',
  access: 'write',
  ClientToken: false,
  summary: 'Turn off the health check of a VBR.',
  request: z
    .object({
      CenId: s.CenId,
      VbrInstanceId: s.VbrId,
      VbrInstanceRegionId: s.RegionId,
      VbrInstanceOwnerId: s.AccountIdParam.optional(),
    })
    .strict(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.cen(p.CenId), arn.vbr(p.VbrInstanceRegionId, p.VbrInstanceId)],
});
