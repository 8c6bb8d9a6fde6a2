/**
 * Every catalogue action: served, its answer passes the catalogue's response
 * schema, and XML gives the same data as JSON.
 */
import { ACTION_NAMES, catalog, listPaths, type ActionName } from '@cen-kit/catalog';
import { decodeXml } from '@cen-kit/rpc';
import { describe, expect, it } from 'vitest';
import type { EmulatorAccount } from './accounts.js';
import { HANDLERS } from './handlers/index.js';
import { A, B, call, emulator } from './test-helpers.js';
import { SEED } from './world/seed.js';

const onCen = (id: string, type: string, region: string) => ({ CenId: SEED.cenId, ChildInstanceId: id, ChildInstanceType: type, ChildInstanceRegionId: region });
const publish = { ...onCen(SEED.vpcHangzhou, 'VPC', 'cn-hangzhou'), ChildInstanceRouteTableId: SEED.routeTableHangzhou, DestinationCidrBlock: SEED.customRouteHangzhou };

/** A request that succeeds on the seeded world, per action. */
type Sample = {
  params: Record<string, unknown>;
  account?: EmulatorAccount;
  /** Calls that put the seeded world in the state the action needs. */
  before?: [string, Record<string, unknown>][];
};
const SAMPLES: Record<ActionName, Sample> = {
  CreateCen: { params: { Name: 'sample', Description: 'from the test', Tag: [{ Key: 'k', Value: 'v' }] } },
  DescribeCens: { params: { PageSize: 50 } },
  ModifyCenAttribute: { params: { CenId: SEED.cenId, Name: 'renamed' } },
  DeleteCen: { params: { CenId: SEED.cenId }, account: undefined },
  AttachCenChildInstance: { params: onCen(SEED.vpcBeijing, 'VPC', 'cn-beijing') },
  DetachCenChildInstance: { params: onCen(SEED.vpcSingapore, 'VPC', 'ap-southeast-1') },
  DescribeCenAttachedChildInstances: { params: { CenId: SEED.cenId } },
  DescribeCenAttachedChildInstanceAttribute: { params: onCen(SEED.vpcHangzhou, 'VPC', 'cn-hangzhou') },
  GrantInstanceToCen: { params: { RegionId: 'cn-hangzhou', InstanceId: SEED.vpcB, InstanceType: 'VPC', CenId: SEED.cenId, CenOwnerId: A.accountId }, account: B },
  RevokeInstanceFromCen: { params: { RegionId: 'cn-shanghai', InstanceId: SEED.vpcBGranted, InstanceType: 'VPC', CenId: SEED.cenId, CenOwnerId: A.accountId }, account: B },
  DescribeGrantRulesToCen: { params: { RegionId: 'cn-shanghai', InstanceId: SEED.vpcBGranted, InstanceType: 'VPC' }, account: B },
  CreateCenBandwidthPackage: { params: { Bandwidth: 50, GeographicRegionAId: 'Europe', GeographicRegionBId: 'China', PricingCycle: 'Year', Period: 1, Name: 'eu-cn' } },
  AssociateCenBandwidthPackage: { params: { CenId: SEED.cenId, CenBandwidthPackageId: SEED.idlePackageId } },
  UnassociateCenBandwidthPackage: {
    params: { CenId: SEED.cenId, CenBandwidthPackageId: SEED.packageId },
    before: [['SetCenInterRegionBandwidthLimit', { CenId: SEED.cenId, ...SEED.limit, BandwidthLimit: 0 }]],
  },
  DescribeCenBandwidthPackages: { params: { PageSize: 50 } },
  ModifyCenBandwidthPackageAttribute: { params: { CenBandwidthPackageId: SEED.packageId, Description: 'changed' } },
  ModifyCenBandwidthPackageSpec: { params: { CenBandwidthPackageId: SEED.packageId, Bandwidth: 30 } },
  DeleteCenBandwidthPackage: { params: { CenBandwidthPackageId: SEED.idlePackageId } },
  DescribeCenInterRegionBandwidthLimits: { params: { CenId: SEED.cenId } },
  SetCenInterRegionBandwidthLimit: { params: { CenId: SEED.cenId, LocalRegionId: 'cn-shanghai', OppositeRegionId: 'ap-southeast-1', BandwidthLimit: 5 } },
  DescribeCenGeographicSpanRemainingBandwidth: { params: { CenId: SEED.cenId, GeographicRegionAId: 'China', GeographicRegionBId: 'Asia-Pacific' } },
  DescribeGeographicRegionMembership: { params: { GeographicRegionId: 'north-america' } },
  DescribeCenGeographicSpans: { params: { PageSize: 50 } },
  DescribeChildInstanceRegions: { params: { ProductType: 'VPC', AcceptLanguage: 'zh-CN' } },
  DescribeCenRegionDomainRouteEntries: { params: { CenId: SEED.cenId, CenRegionId: 'cn-shanghai', Status: 'All' } },
  DescribeRouteConflict: { params: { ChildInstanceId: SEED.vpcShanghai, ChildInstanceRegionId: 'cn-shanghai', ChildInstanceType: 'VPC', ChildInstanceRouteTableId: SEED.routeTableShanghai } },
  DescribePublishedRouteEntries: { params: onCen(SEED.vpcHangzhou, 'VPC', 'cn-hangzhou') },
  PublishRouteEntries: { params: publish },
  WithdrawPublishedRouteEntries: { params: { ...onCen(SEED.vbrHangzhou, 'VBR', 'cn-hangzhou'), ChildInstanceRouteTableId: SEED.routeTableVbr, DestinationCidrBlock: '10.200.0.0/16' } },
  DescribeCenVbrHealthCheck: { params: { VbrInstanceRegionId: 'cn-hangzhou', CenId: SEED.cenId } },
  EnableCenVbrHealthCheck: { params: { CenId: SEED.cenId, VbrInstanceId: SEED.vbrHangzhou, VbrInstanceRegionId: 'cn-hangzhou', HealthCheckTargetIp: '10.200.0.2', HealthyThreshold: 3, HealthCheckInterval: 3 } },
  DisableCenVbrHealthCheck: { params: { CenId: SEED.cenId, VbrInstanceId: SEED.vbrHangzhou, VbrInstanceRegionId: 'cn-hangzhou' } },
  DescribeVpcs: { params: { RegionId: 'cn-hangzhou' } },
  DescribeVirtualBorderRouters: { params: { RegionId: 'cn-hangzhou' } },
  DescribeRouteTables: { params: { RegionId: 'cn-hangzhou', RouteTableId: SEED.routeTableHangzhou } },
};
// DeleteCen needs a CEN without networks: use a fresh one (see below).
const needsFreshCen = new Set<ActionName>(['DeleteCen']);

const stripVolatile = (v: Record<string, unknown>) => {
  const { RequestId: _r, ...rest } = v;
  return rest;
};

describe('every action', () => {
  it('has a handler for every catalogue action and nothing else', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...ACTION_NAMES].sort());
  });

  it.each(ACTION_NAMES.map((a) => [a]))('%s answers in the catalogue shape, in JSON and XML alike', async (Action) => {
    const at = Date.now();
    const sample = SAMPLES[Action];
    const run = async (format: 'JSON' | 'XML') => {
      const app = emulator({ now: () => at });
      let params = sample.params;
      for (const [a, p] of sample.before ?? []) expect((await call(app, a, p, { at })).status).toBe(200);
      if (needsFreshCen.has(Action)) {
        const created = await call(app, 'CreateCen', {}, { at });
        params = { CenId: created.body.CenId };
      }
      const r = await call(app, Action, params, { account: sample.account, format, at });
      return r;
    };
    const json = await run('JSON');
    expect(json.status, json.text).toBe(200);
    const schema = catalog[Action].response;
    const fromJson = schema.parse(json.body) as Record<string, unknown>;
    expect(json.body.RequestId).toMatch(/^[0-9A-F-]{36}$/);

    const xml = await run('XML');
    expect(xml.status, xml.text).toBe(200);
    expect(xml.text).toMatch(new RegExp(`^<\\?xml[^>]*\\?><${Action}Response>`));
    const fromXml = schema.parse(decodeXml(xml.text, listPaths(schema))) as Record<string, unknown>;
    // Generated IDs differ between the two runs; everything else is the same data.
    const mask = (o: Record<string, unknown>) =>
      JSON.parse(JSON.stringify(stripVolatile(o)).replace(/"(cen|cenbwp)-[a-z0-9]{18}"/g, '"$1-*"').replace(/"\d{15}"/g, '"order"'));
    expect(mask(fromXml)).toEqual(mask(fromJson));
  });
});
