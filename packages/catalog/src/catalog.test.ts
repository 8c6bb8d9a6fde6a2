import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ACTION_NAMES,
  actionSpec,
  catalog,
  listPaths,
  VERSIONS,
  type ActionName,
  type ActionSpec,
  type PagedActionName,
  type ReadActionName,
  type RequestOf,
  type ResponseOf,
  type WriteActionName,
} from './index.js';
import { asXmlText, EXPECTED_LIST_PATHS, minimalRequest, RESPONSE_SAMPLES } from './testing/samples.js';

const CBN = [
  'CreateCen', 'DescribeCens', 'ModifyCenAttribute', 'DeleteCen', 'AttachCenChildInstance', 'DetachCenChildInstance',
  'DescribeCenAttachedChildInstances', 'DescribeCenAttachedChildInstanceAttribute', 'CreateCenBandwidthPackage',
  'AssociateCenBandwidthPackage', 'UnassociateCenBandwidthPackage', 'DescribeCenBandwidthPackages',
  'ModifyCenBandwidthPackageAttribute', 'ModifyCenBandwidthPackageSpec', 'DeleteCenBandwidthPackage',
  'DescribeCenInterRegionBandwidthLimits', 'SetCenInterRegionBandwidthLimit', 'DescribeGeographicRegionMembership',
  'DescribeCenGeographicSpanRemainingBandwidth', 'DescribeCenGeographicSpans', 'DescribeChildInstanceRegions',
  'DescribeCenRegionDomainRouteEntries', 'DescribeRouteConflict', 'DescribePublishedRouteEntries', 'PublishRouteEntries',
  'WithdrawPublishedRouteEntries', 'DescribeCenVbrHealthCheck', 'EnableCenVbrHealthCheck', 'DisableCenVbrHealthCheck',
];
const VPC = ['GrantInstanceToCen', 'RevokeInstanceFromCen', 'DescribeGrantRulesToCen', 'DescribeVpcs', 'DescribeVirtualBorderRouters', 'DescribeRouteTables'];

const specs = ACTION_NAMES.map((name) => [name, catalog[name] as unknown as ActionSpec] as const);

describe('catalogue', () => {
  it('holds exactly the 35 actions, keyed by their Action name', () => {
    expect([...ACTION_NAMES].sort()).toEqual([...CBN, ...VPC].sort());
    for (const [name, spec] of specs) expect(spec.Action).toBe(name);
  });

  it.each(specs)('%s carries the Version of its product', (name, spec) => {
    expect(spec.product).toBe(VPC.includes(name) ? 'Vpc' : 'Cbn');
    expect(spec.Version).toBe(spec.product === 'Vpc' ? '2016-04-28' : '2017-09-12');
    expect(spec.Version).toBe(VERSIONS[spec.product]);
  });

  it('marks the ClientToken actions and gives each of them a ClientToken parameter', () => {
    const withToken = specs.filter(([, s]) => s.ClientToken).map(([n]) => n).sort();
    expect(withToken).toEqual(['CreateCen', 'CreateCenBandwidthPackage', 'DescribeGrantRulesToCen', 'GrantInstanceToCen', 'RevokeInstanceFromCen']);
    for (const [, spec] of specs) expect('ClientToken' in spec.request.shape).toBe(spec.ClientToken);
  });

  it('gives every paged action a real list path and a page-size cap that the request enforces', () => {
    for (const [name, spec] of specs) {
      if (!spec.paging) continue;
      expect(listPaths(spec.response), name).toContain(spec.paging.items);
      const max = spec.paging.maxPageSize;
      expect(spec.request.shape.PageSize, name).toBeDefined();
      const base = minimalRequest(name);
      expect(spec.request.safeParse({ ...base, PageSize: max }).success, `${name} PageSize ${max}`).toBe(true);
      expect(spec.request.safeParse({ ...base, PageSize: max + 1 }).success, `${name} PageSize ${max + 1}`).toBe(false);
    }
    expect(catalog.DescribeCenRegionDomainRouteEntries.paging.maxPageSize).toBe(500);
    expect(catalog.DescribePublishedRouteEntries.paging.maxPageSize).toBe(500);
    expect(catalog.DescribeCens.paging.maxPageSize).toBe(50);
  });

  it('looks actions up by name, refusing prototype keys', () => {
    expect(actionSpec('DescribeCens')?.Action).toBe('DescribeCens');
    expect(actionSpec('constructor')).toBeUndefined();
    expect(actionSpec('describecens')).toBeUndefined();
  });

  it('builds RAM resources from the parameters', () => {
    expect(catalog.DeleteCen.resources({ CenId: 'cen-abc' })).toEqual(['acs:cen:*:*:ceninstance/cen-abc']);
    expect(
      catalog.AttachCenChildInstance.resources({ CenId: 'cen-a', ChildInstanceId: 'vbr-x', ChildInstanceType: 'VBR', ChildInstanceRegionId: 'cn-hangzhou' }),
    ).toEqual(['acs:cen:*:*:ceninstance/cen-a', 'acs:vpc:cn-hangzhou:*:virtualborderrouter/vbr-x']);
    expect(catalog.AssociateCenBandwidthPackage.resources({ CenId: 'cen-a', CenBandwidthPackageId: 'cenbwp-b' })).toEqual([
      'acs:cen:*:*:ceninstance/cen-a',
      'acs:cen:*:*:cenbandwidthpackage/cenbwp-b',
    ]);
    expect(catalog.DescribeVpcs.resources({ RegionId: 'cn-hangzhou', VpcId: 'vpc-a,vpc-b' })).toEqual([
      'acs:vpc:cn-hangzhou:*:vpc/vpc-a',
      'acs:vpc:cn-hangzhou:*:vpc/vpc-b',
    ]);
    expect(catalog.DescribeGeographicRegionMembership.resources({ GeographicRegionId: 'china' })).toEqual([]);
    for (const [name, spec] of specs) {
      for (const r of spec.resources(minimalRequest(name) as never)) expect(r, name).toMatch(/^acs:(cen|vpc):/);
    }
  });
});

describe('responses', () => {
  it('has a sample for every action', () => {
    expect(Object.keys(RESPONSE_SAMPLES).sort()).toEqual([...ACTION_NAMES].sort());
  });

  it.each(specs)('%s parses its official JSON and the same body as XML text to the same result', (name, spec) => {
    const json = RESPONSE_SAMPLES[name];
    const fromJson = spec.response.parse(json);
    const fromXml = spec.response.parse(asXmlText(json));
    expect(fromXml).toEqual(fromJson);
    expect((fromJson as { RequestId: string }).RequestId).toBe(json.RequestId);
  });

  it.each(specs)('%s reports its wrapped lists to the XML decoder', (name, spec) => {
    const paths = listPaths(spec.response);
    for (const p of EXPECTED_LIST_PATHS[name] ?? []) expect(paths, name).toContain(p);
    if (!EXPECTED_LIST_PATHS[name]) expect(paths).toEqual([]);
  });

  it('keeps numbers, booleans and the strings Alibaba sends as strings', () => {
    const bwp = catalog.DescribeCenBandwidthPackages.response.parse(asXmlText(RESPONSE_SAMPLES.DescribeCenBandwidthPackages));
    const pkg = bwp.CenBandwidthPackages.CenBandwidthPackage[0]!;
    expect(bwp.TotalCount).toBe(2);
    expect(pkg.Bandwidth).toBe(2);
    expect(pkg.IsCrossBorder).toBe(false);
    expect(pkg.HasReservationData).toBe('false');
    expect(pkg.ReservationBandwidth).toBe('10');
    expect(pkg.OrginInterRegionBandwidthLimits?.OrginInterRegionBandwidthLimit[0]?.BandwidthLimit).toBe('1');
    expect(pkg.CenIds.CenId).toEqual(['cen-7qthudw0ll6jmc****']);

    const pub = catalog.DescribePublishedRouteEntries.response.parse(asXmlText(RESPONSE_SAMPLES.DescribePublishedRouteEntries));
    expect(pub.PublishedRouteEntries.PublishedRouteEntry.map((e) => e.OperationalMode)).toEqual([true, false]);
  });

  it('reads a missing or empty list wrapper (XML "" element) as an empty list', () => {
    const r = catalog.DescribeCens.response.parse({ RequestId: 'x', TotalCount: '0', PageNumber: '1', PageSize: '10', Cens: '' });
    expect(r.Cens.Cen).toEqual([]);
    const r2 = catalog.DescribeCens.response.parse({ RequestId: 'x', TotalCount: 0, PageNumber: 1, PageSize: 10 });
    expect(r2.Cens.Cen).toEqual([]);
  });

  it('keeps 16-digit account IDs exact: a number when safe, the digits when not', () => {
    const unsafe = '9007199254740993'; // 2^53 + 1: a JSON number would round it
    const body = structuredClone(RESPONSE_SAMPLES.DescribeCenAttachedChildInstances) as {
      ChildInstances: { ChildInstance: Record<string, unknown>[] };
    };
    body.ChildInstances.ChildInstance[0]!.ChildInstanceOwnerId = unsafe;
    const r = catalog.DescribeCenAttachedChildInstances.response.parse(body);
    expect(r.ChildInstances.ChildInstance[0]!.ChildInstanceOwnerId).toBe(unsafe);

    const safe = catalog.DescribeGrantRulesToCen.response.parse(asXmlText(RESPONSE_SAMPLES.DescribeGrantRulesToCen));
    expect(safe.CenGrantRules.CbnGrantRule[0]!.CenOwnerId).toBe(1210123456123456);

    const vbr = catalog.DescribeVirtualBorderRouters.response.parse({
      ...RESPONSE_SAMPLES.DescribeVirtualBorderRouters,
      VirtualBorderRouterSet: { VirtualBorderRouterType: [{ VbrId: 'vbr-1', Status: 'active', AssociatedCens: { AssociatedCen: [{ CenId: 'cen-1', CenOwnerId: '12345678901234567' }] } }] },
    });
    expect(vbr.VirtualBorderRouterSet.VirtualBorderRouterType[0]!.AssociatedCens?.AssociatedCen[0]!.CenOwnerId).toBe('12345678901234567');

    const req = catalog.GrantInstanceToCen.request.parse({
      RegionId: 'cn-hangzhou', InstanceId: 'vpc-abc', InstanceType: 'VPC', CenId: 'cen-abc', CenOwnerId: unsafe,
    });
    expect(req.CenOwnerId).toBe(unsafe);
  });
});

describe('types', () => {
  it('derives action-name unions from the values', () => {
    expectTypeOf<'CreateCen'>().toExtend<WriteActionName>();
    expectTypeOf<'DescribeCens'>().toExtend<ReadActionName>();
    expectTypeOf<'DescribeCens'>().toExtend<PagedActionName>();
    expectTypeOf<'CreateCen'>().not.toExtend<PagedActionName>();
    expectTypeOf<'DescribeChildInstanceRegions'>().not.toExtend<PagedActionName>();
    expectTypeOf<WriteActionName | ReadActionName>().toEqualTypeOf<ActionName>();
    expectTypeOf<RequestOf<'DeleteCen'>>().toEqualTypeOf<{ CenId: string }>();
    expectTypeOf<ResponseOf<'DescribeCens'>['Cens']['Cen'][number]['CenId']>().toEqualTypeOf<string>();
    expectTypeOf<ResponseOf<'DescribeCens'>['TotalCount']>().toEqualTypeOf<number>();
    // Each entry is still an ActionSpec, so generic code can take any of them.
    const anySpec: ActionSpec = catalog.DeleteCen;
    expect(anySpec.Action).toBe('DeleteCen');
    const paged: PagedActionName[] = ACTION_NAMES.filter((n) => (catalog[n] as ActionSpec).paging) as PagedActionName[];
    expect(paged).toHaveLength(14);
  });
});
