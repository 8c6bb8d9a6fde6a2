/**
 * Grants (VPC API 2016-04-28): the owner of a network lets another account's
 * CEN instance attach it.
 *
 * DescribeGrantRulesToCen here is the VPC action (network owner's view). The
 * newer Cbn 2017-09-12 action of the same name (CenId + ProductType, token
 * paging, `GrantRules.GrantRule[]`) is out of scope; the catalogue is keyed by
 * Action name, so only one of the two can live here.
 */
import * as z from 'zod';
import { arn, defineAction } from '../action.js';
import * as s from '../schema.js';
import { PAGE_SIZE_MAX } from '../rules.js';

export const GrantInstanceToCen = defineAction({
  Action: 'GrantInstanceToCen',
  product: 'Vpc',
  access: 'write',
  ClientToken: true,
  summary: "Let another account's CEN instance attach this account's VPC or VBR.",
  request: z
    .object({
      RegionId: s.RegionId,
      InstanceId: s.ChildInstanceId,
      InstanceType: s.GrantInstanceType,
      CenId: s.CenId,
      CenOwnerId: s.AccountIdParam,
      ClientToken: s.ClientToken.optional(),
    })
    .strict(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.child(p.InstanceType, p.RegionId, p.InstanceId)],
});

export const RevokeInstanceFromCen = defineAction({
  Action: 'RevokeInstanceFromCen',
  product: 'Vpc',
  access: 'write',
  ClientToken: true,
  summary: 'Withdraw the permission for a CEN instance to attach this network.',
  request: z
    .object({
      RegionId: s.RegionId,
      InstanceId: s.ChildInstanceId,
      InstanceType: s.ChildInstanceType,
      CenId: s.CenId,
      CenOwnerId: s.AccountIdParam,
      ClientToken: s.ClientToken.optional(),
    })
    .strict(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.child(p.InstanceType, p.RegionId, p.InstanceId)],
});

const GrantRuleItem = z.looseObject({
  CenInstanceId: z.string(),
  CenOwnerId: s.AccountId,
  CreationTime: s.Text.optional(),
});

export const DescribeGrantRulesToCen = defineAction({
  Action: 'DescribeGrantRulesToCen',
  product: 'Vpc',
  access: 'read',
  // The VPC action accepts a ClientToken (SDK model); a read is safe to retry either way.
  ClientToken: true,
  summary: 'List the CEN instances a network has been granted to (network owner view).',
  request: z
    .object({
      RegionId: s.RegionId,
      InstanceId: s.ChildInstanceId,
      InstanceType: s.ChildInstanceType,
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(PAGE_SIZE_MAX).optional(),
      ClientToken: s.ClientToken.optional(),
      ResourceGroupId: s.ResourceGroupId.optional(),
    })
    .strict(),
  // Mixed naming is Alibaba's: wrapper `CenGrantRules`, item `CbnGrantRule`, fields `Cen…`.
  response: z.looseObject({ ...s.Paged, CenGrantRules: s.list('CbnGrantRule', GrantRuleItem) }),
  resources: (p) => [arn.child(p.InstanceType, p.RegionId, p.InstanceId)],
  paging: { items: 'CenGrantRules.CbnGrantRule', maxPageSize: PAGE_SIZE_MAX },
});
