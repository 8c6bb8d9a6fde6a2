import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, apiIndexActions, catalog, requestJsonSchema, type ActionSpec } from './index.js';

describe('requestJsonSchema', () => {
  it.each(ACTION_NAMES)('builds a strict object schema for %s', (name) => {
    const spec = catalog[name] as unknown as ActionSpec;
    const schema = requestJsonSchema(spec) as { type: string; properties: Record<string, unknown>; additionalProperties: unknown; required?: string[] };
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(spec.request.shape).sort());
    // Cached: the same object each time.
    expect(requestJsonSchema(spec)).toBe(schema);
  });

  it('carries limits, enums and required parameters', () => {
    const cens = requestJsonSchema(catalog.DescribeCens) as { properties: Record<string, Record<string, unknown>> };
    expect(cens.properties.PageSize).toMatchObject({ maximum: 50, minimum: 1 });
    const attach = requestJsonSchema(catalog.AttachCenChildInstance) as { required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(attach.required.sort()).toEqual(['CenId', 'ChildInstanceId', 'ChildInstanceRegionId', 'ChildInstanceType']);
    expect(attach.properties.ChildInstanceType!.enum).toEqual(['VPC', 'VBR', 'CCN']);
  });
});

describe('apiIndexActions', () => {
  it('lists every action with its facts and parameters, without the per-caller flag', () => {
    const index = apiIndexActions();
    expect(index.map((a) => a.Action).sort()).toEqual([...ACTION_NAMES].sort());
    const create = index.find((a) => a.Action === 'CreateCen')!;
    expect(create).toMatchObject({ product: 'Cbn', Version: '2017-09-12', access: 'write', ClientToken: true });
    expect(create).not.toHaveProperty('allowed');
    expect(create).not.toHaveProperty('paging');
    const vpcs = index.find((a) => a.Action === 'DescribeVpcs')!;
    expect(vpcs).toMatchObject({ product: 'Vpc', Version: '2016-04-28', access: 'read', paging: { items: 'Vpcs.Vpc', maxPageSize: 50 } });
    expect(JSON.parse(JSON.stringify(index))).toEqual(index);
  });
});
