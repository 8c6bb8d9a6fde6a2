// An upstream answer, as the Worker turns it into its own: decoded (JSON or
// XML), checked and normalised by the action's compiled response schema, and
// refused with zod's own issues when it does not fit.
import { catalog, listPaths, type ActionSpec } from '@cen-kit/catalog';
import { encodeXml } from '@cen-kit/rpc';
import { describe, expect, test } from 'vitest';
import type { Bindings } from '../env.js';
import { ApiError } from '../errors.js';
import { callUpstream } from './call.js';

const profile = { name: 'test', credentials: { accessKeyId: 'AKID', accessKeySecret: 'not-a-real-secret-1' } };
const deps = { random: () => 0, sleep: async () => {} };

async function call(spec: ActionSpec, body: string, contentType: string, format = 'JSON') {
  return callUpstream({
    spec,
    params: {},
    profile,
    env: { UPSTREAM_FORMAT: format } as unknown as Bindings,
    transport: async () => new Response(body, { status: 200, headers: { 'content-type': contentType } }),
    deps,
  });
}

describe('an upstream answer, decoded and normalised by the catalogue', () => {
  const vpcs = {
    RequestId: 'R1',
    TotalCount: '1',
    PageNumber: 1,
    PageSize: '10',
    Vpcs: { Vpc: [{ VpcId: 'vpc-1', RegionId: 'cn-hangzhou', Status: 'Available', OwnerId: 9188000000000002, IsDefault: 'true', Extra: { Deep: 1 } }] },
  };

  test('JSON: counts and booleans as text are typed, a 16-digit account ID stays exact, unknown fields stay', async () => {
    // 9188000000000002 is beyond 2^53 as a JSON number: the decoder keeps its digits.
    const r = await call(catalog.DescribeVpcs, JSON.stringify(vpcs), 'application/json');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      RequestId: 'R1',
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 10,
      Vpcs: { Vpc: [{ VpcId: 'vpc-1', RegionId: 'cn-hangzhou', Status: 'Available', OwnerId: '9188000000000002', IsDefault: true, Extra: { Deep: 1 } }] },
    });
    // The same answer as the schema's own safeParse, key order included.
    const byZod = catalog.DescribeVpcs.response.parse({ ...vpcs, Vpcs: { Vpc: [{ ...vpcs.Vpcs.Vpc[0], OwnerId: '9188000000000002' }] } });
    expect(JSON.stringify(r.body)).toBe(JSON.stringify(byZod));
  });

  test('an answer the catalogue leaves as it is keeps its own JSON text; a changed one does not', async () => {
    // An answer already in the catalogue's form (types, key order) with a safe account ID.
    const safe = JSON.stringify({ ...vpcs, Vpcs: { Vpc: [{ ...vpcs.Vpcs.Vpc[0], OwnerId: 1688000000000001 }] } });
    const exact = JSON.stringify((await call(catalog.DescribeVpcs, safe, 'application/json')).body);
    const same = await call(catalog.DescribeVpcs, exact, 'application/json');
    expect(same.json).toBe(exact);
    expect(JSON.parse(same.json!)).toEqual(same.body);
    // Counts as text are typed: the answer is written anew.
    expect((await call(catalog.DescribeVpcs, JSON.stringify(vpcs), 'application/json')).json).toBeUndefined();
    // A safe count but an account ID beyond 2^53 (quoted to stay exact): written anew.
    const big = exact.replace('1688000000000001', '9188000000000002');
    const quoted = await call(catalog.DescribeVpcs, big, 'application/json');
    expect(quoted.json).toBeUndefined();
    expect((quoted.body.Vpcs as { Vpc: { OwnerId: unknown }[] }).Vpc[0]!.OwnerId).toBe('9188000000000002');
    // XML is always written as JSON.
    expect((await call(catalog.DescribeVpcs, encodeXml('DescribeVpcsResponse', JSON.parse(exact)), 'text/xml', 'XML')).json).toBeUndefined();
  });

  test('XML: a one-item list is still an array and an empty list is empty', async () => {
    const spec = catalog.DescribeCenRegionDomainRouteEntries;
    const page = {
      RequestId: 'R2',
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 10,
      CenRouteEntries: { CenRouteEntry: [{ DestinationCidrBlock: '10.0.0.0/24', Preference: 50, AsPaths: { AsPath: ['45104'] }, Communities: { Community: [] } }] },
    };
    const r = await call(spec, encodeXml('DescribeCenRegionDomainRouteEntriesResponse', page), 'text/xml', 'XML');
    expect(r.body).toEqual({
      ...page,
      CenRouteEntries: { CenRouteEntry: [{ DestinationCidrBlock: '10.0.0.0/24', Preference: 50, AsPaths: { AsPath: ['45104'] }, Communities: { Community: [] } }] },
    });
    expect(listPaths(spec.response)).toContain('CenRouteEntries.CenRouteEntry.AsPaths.AsPath');
  });

  test("an answer that does not fit the schema: 502 InvalidUpstreamResponse with zod's issues", async () => {
    const bad = { RequestId: 'R3', TotalCount: 'many', PageNumber: 1, PageSize: 10, Vpcs: { Vpc: [{ VpcId: 7 }] } };
    const err = await call(catalog.DescribeVpcs, JSON.stringify(bad), 'application/json').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(502);
    expect(e.code).toBe('InvalidUpstreamResponse');
    const zodIssues = catalog.DescribeVpcs.response.safeParse(bad).error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    expect(zodIssues.length).toBeGreaterThan(0);
    expect(e.extra.Issues).toEqual(zodIssues);
  });
});
