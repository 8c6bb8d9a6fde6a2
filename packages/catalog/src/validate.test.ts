import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, catalog, validateRequest, wireIssuePath, type ActionName, type ActionSpec } from './index.js';
import { minimalRequest } from './testing/samples.js';

type Case = [label: string, action: ActionName, patch: Record<string, unknown>, path: string, message: RegExp];

const long = (n: number) => 'a'.repeat(n);

/** One or more rejected inputs per constraint: the issue path and what the message must say. */
const REJECTED: Case[] = [
  // strictness and required parameters
  ['unknown parameter', 'DescribeCens', { Foo: 1 }, 'Foo', /^unknown parameter Foo$/],
  ['wrong-case parameter', 'DescribeCens', { pageSize: 5 }, 'pageSize', /unknown parameter pageSize \(did you mean PageSize\?/],
  ['unknown key inside a filter', 'DescribeCens', { Filter: [{ Key: 'Name', Value: ['x'], Op: 'eq' }] }, 'Filter[0].Op', /unknown parameter Op/],
  ['missing CenId', 'DeleteCen', { CenId: undefined }, 'CenId', /^CenId is required$/],
  ['DescribeRouteConflict needs ChildInstanceId', 'DescribeRouteConflict', { ChildInstanceId: undefined }, 'ChildInstanceId', /is required/],
  ['DescribeRouteConflict needs ChildInstanceRegionId', 'DescribeRouteConflict', { ChildInstanceRegionId: undefined }, 'ChildInstanceRegionId', /is required/],
  ['DescribeRouteConflict needs ChildInstanceType', 'DescribeRouteConflict', { ChildInstanceType: undefined }, 'ChildInstanceType', /is required/],
  ['DescribeRouteConflict needs ChildInstanceRouteTableId', 'DescribeRouteConflict', { ChildInstanceRouteTableId: undefined }, 'ChildInstanceRouteTableId', /is required/],
  ['Grant needs CenOwnerId', 'GrantInstanceToCen', { CenOwnerId: undefined }, 'CenOwnerId', /is required/],
  ['Grant rules need InstanceType', 'DescribeGrantRulesToCen', { InstanceType: undefined }, 'InstanceType', /is required/],
  ['Publish needs DestinationCidrBlock', 'PublishRouteEntries', { DestinationCidrBlock: undefined }, 'DestinationCidrBlock', /is required/],
  ['VPC reads need RegionId', 'DescribeVpcs', { RegionId: undefined }, 'RegionId', /is required/],
  // ids and types
  ['CEN ID shape', 'DeleteCen', { CenId: 'vpc-abc' }, 'CenId', /must be a CEN ID/],
  ['number as text', 'DescribeCens', { PageSize: '10' }, 'PageSize', /PageSize must be a number \(got text\)/],
  ['fraction page number', 'DescribeCens', { PageNumber: 1.5 }, 'PageNumber', /whole number/],
  ['boolean flag', 'DescribeCenBandwidthPackages', { IsOrKey: 'yes' }, 'IsOrKey', /true or false/],
  ['account id not digits', 'AttachCenChildInstance', { ChildInstanceOwnerId: '12ab' }, 'ChildInstanceOwnerId', /account ID/],
  ['account id negative', 'GrantInstanceToCen', { CenOwnerId: -5 }, 'CenOwnerId', /CenOwnerId/],
  // names and descriptions
  ['CEN name too long', 'CreateCen', { Name: long(129) }, 'Name', /Name must be at most 128 characters/],
  ['CEN name URL', 'ModifyCenAttribute', { Name: 'https://x' }, 'Name', /must not start with http/],
  ['description too long', 'CreateCen', { Description: long(257) }, 'Description', /at most 256/],
  ['package name must start with a letter', 'CreateCenBandwidthPackage', { Name: '1pkg' }, 'Name', /start with a letter/],
  ['package name too short', 'CreateCenBandwidthPackage', { Name: 'a' }, 'Name', /2–128/],
  ['package rename URL', 'ModifyCenBandwidthPackageAttribute', { Name: 'http://x' }, 'Name', /http/],
  ['health check description', 'EnableCenVbrHealthCheck', { Description: long(300) }, 'Description', /256/],
  ['ClientToken not ASCII', 'CreateCen', { ClientToken: 'tök' }, 'ClientToken', /printable ASCII/],
  ['ClientToken too long', 'GrantInstanceToCen', { ClientToken: long(65) }, 'ClientToken', /1–64/],
  // bandwidth
  ['bandwidth below 2', 'CreateCenBandwidthPackage', { Bandwidth: 1 }, 'Bandwidth', /between 2 and 10000/],
  ['bandwidth above 10000', 'ModifyCenBandwidthPackageSpec', { Bandwidth: 10001 }, 'Bandwidth', /between 2 and 10000/],
  ['bandwidth fraction', 'CreateCenBandwidthPackage', { Bandwidth: 2.5 }, 'Bandwidth', /whole number/],
  ['limit negative', 'SetCenInterRegionBandwidthLimit', { BandwidthLimit: -1 }, 'BandwidthLimit', /0 or more/],
  ['limit same region', 'SetCenInterRegionBandwidthLimit', { OppositeRegionId: 'cn-hangzhou' }, 'OppositeRegionId', /must differ from LocalRegionId/],
  // page sizes
  ['PageSize over 50', 'DescribeCens', { PageSize: 51 }, 'PageSize', /^PageSize must be at most 50$/],
  ['PageSize 0', 'DescribeVpcs', { PageSize: 0 }, 'PageSize', /at least 1/],
  ['PageSize over 500 (route entries)', 'DescribeCenRegionDomainRouteEntries', { PageSize: 501 }, 'PageSize', /at most 500/],
  ['PageSize over 500 (published routes)', 'DescribePublishedRouteEntries', { PageSize: 501 }, 'PageSize', /at most 500/],
  // enums
  ['ChildInstanceType lower case', 'AttachCenChildInstance', { ChildInstanceType: 'vpc' }, 'ChildInstanceType', /must be one of VPC, VBR, CCN/],
  ['Grant type CCN', 'GrantInstanceToCen', { InstanceType: 'CCN' }, 'InstanceType', /one of VPC, VBR/],
  ['area lower case in request', 'CreateCenBandwidthPackage', { GeographicRegionAId: 'china' }, 'GeographicRegionAId', /China/],
  ['area B unknown', 'DescribeCenGeographicSpanRemainingBandwidth', { GeographicRegionBId: 'Africa' }, 'GeographicRegionBId', /North-America/],
  ['membership area capitalised', 'DescribeGeographicRegionMembership', { GeographicRegionId: 'China' }, 'GeographicRegionId', /china/],
  ['PricingCycle', 'CreateCenBandwidthPackage', { PricingCycle: 'Week' }, 'PricingCycle', /Month, Year/],
  ['charge type', 'CreateCenBandwidthPackage', { BandwidthPackageChargeType: 'PREPAID' }, 'BandwidthPackageChargeType', /PREPAY, POSTPAY/],
  ['route entry status', 'DescribeCenRegionDomainRouteEntries', { Status: 'active' }, 'Status', /Active, Candidate, Rejected, Prohibited, All/],
  ['ProductType', 'DescribeChildInstanceRegions', { ProductType: 'VPN' }, 'ProductType', /VPC, VBR, CCN/],
  ['AcceptLanguage', 'DescribeChildInstanceRegions', { AcceptLanguage: 'fr' }, 'AcceptLanguage', /zh-CN, en-US, ja/],
  ['ProtectionLevel', 'CreateCen', { ProtectionLevel: 'FULL' }, 'ProtectionLevel', /REDUCED/],
  ['RouterType', 'DescribeRouteTables', { RouterType: 'vbr' }, 'RouterType', /VRouter, VBR/],
  ['publish CCN', 'PublishRouteEntries', { ChildInstanceType: 'CCN' }, 'ChildInstanceType', /VPC, VBR/],
  // period by pricing cycle
  ['Period 6 years', 'CreateCenBandwidthPackage', { PricingCycle: 'Year', Period: 6 }, 'Period', /one of 1, 2, 3 when PricingCycle is Year/],
  ['Period 4 months', 'CreateCenBandwidthPackage', { PricingCycle: 'Month', Period: 4 }, 'Period', /one of 1, 2, 3, 6 when PricingCycle is Month/],
  ['Period 5 by default cycle', 'CreateCenBandwidthPackage', { Period: 5 }, 'Period', /Month/],
  // health check
  ['interval 1', 'EnableCenVbrHealthCheck', { HealthCheckInterval: 1 }, 'HealthCheckInterval', /from 2 to 3 seconds/],
  ['interval 4', 'EnableCenVbrHealthCheck', { HealthCheckInterval: 4 }, 'HealthCheckInterval', /from 2 to 3/],
  ['threshold 2', 'EnableCenVbrHealthCheck', { HealthyThreshold: 2 }, 'HealthyThreshold', /from 3 to 8/],
  ['threshold 9', 'EnableCenVbrHealthCheck', { HealthyThreshold: 9 }, 'HealthyThreshold', /from 3 to 8/],
  ['source IP public', 'EnableCenVbrHealthCheck', { HealthCheckSourceIp: '8.8.8.8' }, 'HealthCheckSourceIp', /private address/],
  ['source IP garbage', 'EnableCenVbrHealthCheck', { HealthCheckSourceIp: '10.0.0' }, 'HealthCheckSourceIp', /IPv4/],
  ['target IP not IPv4', 'EnableCenVbrHealthCheck', { HealthCheckTargetIp: '300.1.1.1' }, 'HealthCheckTargetIp', /IPv4 address/],
  ['CIDR', 'PublishRouteEntries', { DestinationCidrBlock: '10.0.0.0/33' }, 'DestinationCidrBlock', /CIDR/],
  // filters
  ['DescribeCens filter key', 'DescribeCens', { Filter: [{ Key: 'Status', Value: ['Active'] }] }, 'Filter[0].Key', /one of CenId, Name \(FilterKey.NotSupport\)/],
  ['package filter key', 'DescribeCenBandwidthPackages', { Filter: [{ Key: 'Bandwidth', Value: ['2'] }] }, 'Filter[0].Key', /CenId, Status, CenBandwidthPackageId, Name/],
  ['VBR filter key', 'DescribeVirtualBorderRouters', { Filter: [{ Key: 'CenId', Value: ['x'] }] }, 'Filter[0].Key', /VbrId/],
  ['filter without values', 'DescribeCens', { Filter: [{ Key: 'Name', Value: [] }] }, 'Filter[0].Value', /at least 1 item/],
  ['too many filter values', 'DescribeCens', { Filter: [{ Key: 'Name', Value: ['1', '2', '3', '4', '5', '6'] }] }, 'Filter[0].Value', /at most 5 items/],
  ['too many filters', 'DescribeCens', { Filter: Array.from({ length: 6 }, () => ({ Key: 'Name', Value: ['x'] })) }, 'Filter', /at most 5 items/],
  ['empty filter value', 'DescribeCens', { Filter: [{ Key: 'Name', Value: ['ok', ''] }] }, 'Filter[0].Value[1]', /must not be empty/],
  // VPC
  ['too many VPC ids', 'DescribeVpcs', { VpcId: Array.from({ length: 21 }, (_, i) => `vpc-${i}`).join(',') }, 'VpcId', /up to 20/],
  ['route tables without a selector', 'DescribeRouteTables', { VRouterId: undefined }, 'VRouterId', /One of VRouterId, RouteTableId, RouterId or RouteTableName is required/],
  ['route tables with both routers', 'DescribeRouteTables', { RouterId: 'vrt-abc' }, 'RouterId', /together with VRouterId/],
  ['tags over 20', 'CreateCen', { Tag: Array.from({ length: 21 }, (_, i) => ({ Key: `k${i}` })) }, 'Tag', /at most 20 items/],
];

const ACCEPTED: [label: string, action: ActionName, patch: Record<string, unknown>][] = [
  ['full CreateCen', 'CreateCen', { Name: 'prod', Description: '', ProtectionLevel: 'REDUCED', ClientToken: 'abc-123', Tag: [{ Key: 'env', Value: 'prod' }] }],
  ['empty name is allowed', 'ModifyCenAttribute', { Name: '' }],
  ['Period 6 months', 'CreateCenBandwidthPackage', { PricingCycle: 'Month', Period: 6, BandwidthPackageChargeType: 'PREPAY', AutoPay: true, Name: 'bwp_1-a' }],
  ['Period 3 years', 'CreateCenBandwidthPackage', { PricingCycle: 'Year', Period: 3, AutoRenew: true, AutoRenewDuration: 1 }],
  ['edge bandwidth', 'ModifyCenBandwidthPackageSpec', { Bandwidth: 10000 }],
  ['limit 0 removes', 'SetCenInterRegionBandwidthLimit', { BandwidthLimit: 0, BandwidthType: 'BandwidthPackage' }],
  ['health check full', 'EnableCenVbrHealthCheck', { HealthCheckSourceIp: '172.16.1.1', HealthCheckInterval: 3, HealthyThreshold: 3, HealthCheckOnly: true, VbrInstanceOwnerId: '1688000000000000' }],
  ['health check 100.96 source', 'EnableCenVbrHealthCheck', { HealthCheckSourceIp: '100.96.0.5' }],
  ['filters', 'DescribeCenBandwidthPackages', { Filter: [{ Key: 'Status', Value: ['Idle', 'InUse'] }, { Key: 'CenId', Value: ['cen-a'] }], IsOrKey: true, IncludeReservationData: false }],
  ['route entries 500', 'DescribeCenRegionDomainRouteEntries', { Status: 'All', PageSize: 500, PageNumber: 2 }],
  ['CCN region id', 'AttachCenChildInstance', { ChildInstanceId: 'ccn-abc', ChildInstanceType: 'CCN', ChildInstanceRegionId: 'ccn-cn-shanghai' }],
  ['VBR route table', 'DescribeRouteTables', { VRouterId: 'vbr-abc', RouterType: 'VBR' }],
  ['twenty VPC ids', 'DescribeVpcs', { VpcId: Array.from({ length: 20 }, (_, i) => `vpc-${i}`).join(','), IsDefault: false }],
  ['VBR filter', 'DescribeVirtualBorderRouters', { Filter: [{ Key: 'Status', Value: ['active'] }] }],
  ['regions in English', 'DescribeChildInstanceRegions', { ProductType: 'VBR', AcceptLanguage: 'en-US' }],
];

const apply = (action: ActionName, patch: Record<string, unknown>) => {
  const body: Record<string, unknown> = { ...minimalRequest(action), ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete body[k];
  return body;
};

describe('validateRequest', () => {
  it.each(REJECTED)('rejects %s', (_label, action, patch, path, message) => {
    const r = validateRequest(catalog[action] as unknown as ActionSpec, apply(action, patch));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.issues.find((i) => i.path === path);
    expect(hit, JSON.stringify(r.issues)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it.each(ACCEPTED)('accepts %s', (_label, action, patch) => {
    const r = validateRequest(catalog[action] as unknown as ActionSpec, apply(action, patch));
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it.each(ACTION_NAMES)('accepts the minimal request of %s', (action) => {
    const r = validateRequest(catalog[action] as unknown as ActionSpec, minimalRequest(action));
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('returns the parsed parameters, account IDs as given', () => {
    const r = validateRequest(catalog.RevokeInstanceFromCen, minimalRequest('RevokeInstanceFromCen'));
    expect(r).toEqual({ ok: true, data: minimalRequest('RevokeInstanceFromCen') });
    if (r.ok) expect(r.data.CenOwnerId).toBe('1688000000000000');
  });

  it('reports every issue at once, not just the first', () => {
    const r = validateRequest(catalog.CreateCenBandwidthPackage, { Bandwidth: 0, GeographicRegionAId: 'Mars', Period: 9, Extra: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(['Bandwidth', 'Extra', 'GeographicRegionAId', 'GeographicRegionBId', 'Period']);
  });

  it('refuses a body that is not an object, at the root path', () => {
    for (const body of [null, [], 'x', 3]) {
      const r = validateRequest(catalog.DescribeCens, body);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.issues[0]!.path).toBe('');
        expect(r.issues[0]!.message).toMatch(/^the parameters must be an object/);
      }
    }
  });
});

describe('wireIssuePath', () => {
  it('turns JSON paths into 1-based wire names', () => {
    expect(wireIssuePath('Filter[0].Key')).toBe('Filter.1.Key');
    expect(wireIssuePath('Filter[1].Value[4]')).toBe('Filter.2.Value.5');
    expect(wireIssuePath(['Tag', 0, 'Value'])).toBe('Tag.1.Value');
    expect(wireIssuePath('PageSize')).toBe('PageSize');
    expect(wireIssuePath('')).toBe('');
  });
});
