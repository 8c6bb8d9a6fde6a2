/**
 * CEN instances: create, describe, rename, delete.
 */
import * as z from 'zod';
import { arn, defineAction } from '../action.js';
import * as s from '../schema.js';
import { PAGE_SIZE_MAX } from '../rules.js';

export const CreateCen = defineAction({
  Action: 'CreateCen',
  product: 'Cbn',
  access: 'write',
  ClientToken: true,
  summary: 'Create a CEN instance (Creating, then Active).',
  request: z
    .object({
      Name: s.Name.optional(),
      Description: s.Description.optional(),
      ProtectionLevel: z.enum(['REDUCED']).optional(),
      ClientToken: s.ClientToken.optional(),
      Tag: s.Tags.optional(),
    })
    .strict(),
  response: z.looseObject({ RequestId: z.string(), CenId: z.string() }),
  resources: () => [arn.cen()],
});

const CenItem = z.looseObject({
  CenId: z.string(),
  Name: s.Text.optional(),
  Description: s.Text.optional(),
  Status: z.string(),
  CreationTime: s.Text.optional(),
  ProtectionLevel: s.Text.optional(),
  Ipv6Level: s.Text.optional(),
  ResourceGroupId: s.Text.optional(),
  CenBandwidthPackageIds: s.list('CenBandwidthPackageId', z.string()),
  Tags: s.list('Tag', s.Tag).optional(),
});

export const DescribeCens = defineAction({
  Action: 'DescribeCens',
  product: 'Cbn',
  access: 'read',
  ClientToken: false,
  summary: 'List CEN instances, filtered by CenId or Name.',
  request: z
    .object({
      Filter: s.filters(['CenId', 'Name']).optional(),
      PageNumber: s.PageNumber.optional(),
      PageSize: s.pageSize(PAGE_SIZE_MAX).optional(),
      ResourceGroupId: z.string().optional(),
      Tag: s.Tags.optional(),
    })
    .strict(),
  response: z.looseObject({ ...s.Paged, Cens: s.list('Cen', CenItem) }),
  resources: () => [arn.cen()],
  paging: { items: 'Cens.Cen', maxPageSize: PAGE_SIZE_MAX },
});

export const ModifyCenAttribute = defineAction({
  Action: 'ModifyCenAttribute',
  product: 'Cbn',
  access: 'write',
  ClientToken: false,
  summary: 'Rename a CEN instance or change its description or protection level.',
  request: z
    .object({
      CenId: s.CenId,
      Name: s.Name.optional(),
      Description: s.Description.optional(),
      ProtectionLevel: z.enum(['REDUCED']).optional(),
    })
    .strict(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.cen(p.CenId)],
});

export const DeleteCen = defineAction({
  Action: 'DeleteCen',
  product: 'Cbn',
  access: 'write',
  ClientToken: false,
  summary: 'Delete a CEN instance (detach its networks first).',
  request: z.object({ CenId: s.CenId }).strict(),
  response: s.RequestIdOnly,
  resources: (p) => [arn.cen(p.CenId)],
});
