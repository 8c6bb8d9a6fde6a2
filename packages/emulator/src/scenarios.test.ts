/**
 * The three scenarios of the API reference (section 3), at the emulator
 * level: each step's answer and the state after it.
 */
import { describe, expect, it } from 'vitest';
import { A, B, call, emulator, err, ok } from './test-helpers.js';
import { SEED } from './world/seed.js';

type Obj = Record<string, any>;
const attached = async (app: ReturnType<typeof emulator>, CenId: string) =>
  ((await ok(app, 'DescribeCenAttachedChildInstances', { CenId, PageSize: 50 })) as Obj).ChildInstances.ChildInstance as Obj[];

describe('scenario 1: same region, same account', () => {
  it('creates a CEN and attaches two VPCs of one region; each learns the other', async () => {
    const app = emulator();
    const created = (await ok(app, 'CreateCen', { Name: 'same-region', Description: 'two VPCs in Beijing' })) as Obj;
    expect(created.CenId).toMatch(/^cen-[a-z0-9]{18}$/);
    const CenId = created.CenId as string;
    const cens = (await ok(app, 'DescribeCens', { Filter: [{ Key: 'CenId', Value: [CenId] }] })) as Obj;
    expect(cens.TotalCount).toBe(1);
    expect(cens.Cens.Cen[0]).toMatchObject({ CenId, Name: 'same-region', Status: 'Active', ProtectionLevel: 'REDUCED' });

    await ok(app, 'AttachCenChildInstance', { CenId, ChildInstanceId: SEED.vpcBeijing, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-beijing' });
    expect((await attached(app, CenId)).map((a) => [a.ChildInstanceId, a.Status])).toEqual([[SEED.vpcBeijing, 'Attached']]);
    await ok(app, 'AttachCenChildInstance', { CenId, ChildInstanceId: SEED.vpcBeijing2, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-beijing' });
    const list = await attached(app, CenId);
    expect(list.map((a) => a.ChildInstanceId).sort()).toEqual([SEED.vpcBeijing, SEED.vpcBeijing2].sort());
    expect(list[0]).toMatchObject({ CenId, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-beijing', ChildInstanceOwnerId: Number(A.accountId) });

    const routes = (await ok(app, 'DescribeCenRegionDomainRouteEntries', { CenId, CenRegionId: 'cn-beijing' })) as Obj;
    const entries = routes.CenRouteEntries.CenRouteEntry as Obj[];
    expect(entries.map((e) => [e.DestinationCidrBlock, e.NextHopInstanceId, e.Type, e.NextHopRegionId, e.Status]).sort()).toEqual([
      ['172.16.1.0/24', SEED.vpcBeijing, 'System', 'cn-beijing', 'Active'],
      ['172.17.1.0/24', SEED.vpcBeijing2, 'System', 'cn-beijing', 'Active'],
    ]);
  });
});

describe('scenario 2: cross region, same account', () => {
  it('needs a package for the area pair and a limit within it', async () => {
    const app = emulator();
    const { CenId } = (await ok(app, 'CreateCen', { Name: 'cross-region' })) as Obj;
    await ok(app, 'AttachCenChildInstance', { CenId, ChildInstanceId: SEED.vpcBeijing, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-beijing' });
    await ok(app, 'AttachCenChildInstance', { CenId, ChildInstanceId: SEED.vpcSiliconValley, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'us-west-1' });

    // Without a package the limit is refused.
    const noPkg = await err(app, 'SetCenInterRegionBandwidthLimit', { CenId, LocalRegionId: 'cn-beijing', OppositeRegionId: 'us-west-1', BandwidthLimit: 5 });
    expect([noPkg.Code, noPkg.status]).toEqual(['InvalidOperation.BwpNotAssociated', 409]);

    const bought = (await ok(app, 'CreateCenBandwidthPackage', {
      Bandwidth: 10, GeographicRegionAId: 'China', GeographicRegionBId: 'North-America', BandwidthPackageChargeType: 'PREPAY', PricingCycle: 'Month', Period: 1, AutoPay: true,
    })) as Obj;
    expect(bought.CenBandwidthPackageId).toMatch(/^cenbwp-/);
    expect(bought.CenBandwidthPackageOrderId).toMatch(/^\d{15}$/);
    const pkgId = bought.CenBandwidthPackageId as string;
    const filter = { Filter: [{ Key: 'CenBandwidthPackageId', Value: [pkgId] }] };
    let pkg = ((await ok(app, 'DescribeCenBandwidthPackages', filter)) as Obj).CenBandwidthPackages.CenBandwidthPackage[0];
    expect(pkg).toMatchObject({ Status: 'Idle', Bandwidth: 10, GeographicRegionAId: 'china', GeographicRegionBId: 'north-america', GeographicSpanId: 'north-america_china', IsCrossBorder: true });
    expect(pkg.CenIds.CenId).toEqual([]);

    await ok(app, 'AssociateCenBandwidthPackage', { CenId, CenBandwidthPackageId: pkgId });
    pkg = ((await ok(app, 'DescribeCenBandwidthPackages', filter)) as Obj).CenBandwidthPackages.CenBandwidthPackage[0];
    expect(pkg.Status).toBe('InUse');
    expect(pkg.CenIds.CenId).toEqual([CenId]);
    const cen = ((await ok(app, 'DescribeCens', { Filter: [{ Key: 'CenId', Value: [CenId] }] })) as Obj).Cens.Cen[0];
    expect(cen.CenBandwidthPackageIds.CenBandwidthPackageId).toEqual([pkgId]);

    await ok(app, 'SetCenInterRegionBandwidthLimit', { CenId, LocalRegionId: 'cn-beijing', OppositeRegionId: 'us-west-1', BandwidthLimit: 6 });
    const limits = ((await ok(app, 'DescribeCenInterRegionBandwidthLimits', { CenId })) as Obj).CenInterRegionBandwidthLimits.CenInterRegionBandwidthLimit;
    expect(limits).toEqual([
      expect.objectContaining({ CenId, LocalRegionId: 'cn-beijing', OppositeRegionId: 'us-west-1', BandwidthLimit: 6, Status: 'Active', BandwidthPackageId: pkgId, GeographicSpanId: 'north-america_china' }),
    ]);
    const remaining = (await ok(app, 'DescribeCenGeographicSpanRemainingBandwidth', { CenId, GeographicRegionAId: 'North-America', GeographicRegionBId: 'China' })) as Obj;
    expect(remaining.RemainingBandwidth).toBe(4);
    pkg = ((await ok(app, 'DescribeCenBandwidthPackages', filter)) as Obj).CenBandwidthPackages.CenBandwidthPackage[0];
    expect(pkg.OrginInterRegionBandwidthLimits.OrginInterRegionBandwidthLimit).toEqual([
      { BandwidthLimit: '6', GeographicSpanId: 'north-america_china', LocalRegionId: 'cn-beijing', OppositeRegionId: 'us-west-1' },
    ]);

    // The same pair named the other way round is the same limit; more than the package is refused.
    const over = await err(app, 'SetCenInterRegionBandwidthLimit', { CenId, LocalRegionId: 'us-west-1', OppositeRegionId: 'cn-beijing', BandwidthLimit: 11 });
    expect([over.Code, over.status]).toEqual(['InvalidOperation.BwpBandwidthExceeded', 409]);
    await ok(app, 'SetCenInterRegionBandwidthLimit', { CenId, LocalRegionId: 'us-west-1', OppositeRegionId: 'cn-beijing', BandwidthLimit: 10 });
    const after = ((await ok(app, 'DescribeCenInterRegionBandwidthLimits', { CenId })) as Obj).CenInterRegionBandwidthLimits.CenInterRegionBandwidthLimit;
    expect(after.map((l: Obj) => l.BandwidthLimit)).toEqual([10]);
    expect(((await ok(app, 'DescribeCenGeographicSpanRemainingBandwidth', { CenId, GeographicRegionAId: 'China', GeographicRegionBId: 'North-America' })) as Obj).RemainingBandwidth).toBe(0);

    // Each region learns the other's routes through CEN.
    const west = ((await ok(app, 'DescribeCenRegionDomainRouteEntries', { CenId, CenRegionId: 'us-west-1' })) as Obj).CenRouteEntries.CenRouteEntry as Obj[];
    expect(west.find((e) => e.DestinationCidrBlock === '172.16.1.0/24')).toMatchObject({ Type: 'CEN', NextHopInstanceId: SEED.vpcBeijing, NextHopType: 'VPC', NextHopRegionId: 'cn-beijing', Status: 'Active' });
    expect(west.find((e) => e.DestinationCidrBlock === '10.30.1.0/24')).toMatchObject({ Type: 'System', NextHopRegionId: 'us-west-1' });

    // Tear down in the documented order.
    expect((await err(app, 'UnassociateCenBandwidthPackage', { CenId, CenBandwidthPackageId: pkgId })).Code).toBe('InvalidOperation.CenBandwidthLimitsNotZero');
    await ok(app, 'SetCenInterRegionBandwidthLimit', { CenId, LocalRegionId: 'cn-beijing', OppositeRegionId: 'us-west-1', BandwidthLimit: 0 });
    expect(((await ok(app, 'DescribeCenInterRegionBandwidthLimits', { CenId })) as Obj).TotalCount).toBe(0);
    await ok(app, 'UnassociateCenBandwidthPackage', { CenId, CenBandwidthPackageId: pkgId });
    await ok(app, 'DeleteCenBandwidthPackage', { CenBandwidthPackageId: pkgId });
    expect((await err(app, 'DeleteCen', { CenId })).Code).toBe('InvalidOperation.AttachedChildInstanceExist');
    await ok(app, 'DetachCenChildInstance', { CenId, ChildInstanceId: SEED.vpcBeijing, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-beijing' });
    await ok(app, 'DetachCenChildInstance', { CenId, ChildInstanceId: SEED.vpcSiliconValley, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'us-west-1' });
    await ok(app, 'DeleteCen', { CenId });
    expect(((await ok(app, 'DescribeCens', { Filter: [{ Key: 'CenId', Value: [CenId] }] })) as Obj).TotalCount).toBe(0);
  });
});

describe('scenario 3: cross account', () => {
  it("attaches account B's VPC only after B grants it, and keeps B's account ID exact", async () => {
    const app = emulator();
    // 1. A creates a CEN; 2. A attaches VPC1.
    const { CenId } = (await ok(app, 'CreateCen', { Name: 'cross-account' })) as Obj;
    await ok(app, 'AttachCenChildInstance', { CenId, ChildInstanceId: SEED.vpcBeijing, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-beijing' });
    const vpc2 = { CenId, ChildInstanceId: SEED.vpcB, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-hangzhou', ChildInstanceOwnerId: B.accountId };

    // Before the grant: refused, and B's network is invisible to A.
    const refused = await err(app, 'AttachCenChildInstance', vpc2);
    expect([refused.Code, refused.status]).toEqual(['InvalidOperation.NoGrantRule', 409]);
    expect(((await ok(app, 'DescribeVpcs', { RegionId: 'cn-hangzhou', VpcId: SEED.vpcB })) as Obj).TotalCount).toBe(0);
    // B cannot see A's CEN.
    expect(((await ok(app, 'DescribeCens', {}, { account: B })) as Obj).TotalCount).toBe(0);

    // 3. B grants VPC2 to A's CEN.
    const grant = { RegionId: 'cn-hangzhou', InstanceId: SEED.vpcB, InstanceType: 'VPC', CenId, CenOwnerId: A.accountId };
    await ok(app, 'GrantInstanceToCen', grant, { account: B });
    const rules = await ok(app, 'DescribeGrantRulesToCen', { RegionId: 'cn-hangzhou', InstanceId: SEED.vpcB, InstanceType: 'VPC' }, { account: B });
    expect((rules as Obj).CenGrantRules.CbnGrantRule).toEqual([expect.objectContaining({ CenInstanceId: CenId, CenOwnerId: Number(A.accountId) })]);
    // Only the owner may grant its network.
    expect((await err(app, 'GrantInstanceToCen', grant, { account: A })).Code).toBe('InvalidInstanceId.NotFound');

    // 4. A attaches VPC2.
    await ok(app, 'AttachCenChildInstance', vpc2);
    const list = await attached(app, CenId);
    const b = list.find((a) => a.ChildInstanceId === SEED.vpcB)!;
    expect(b).toMatchObject({ Status: 'Attached', ChildInstanceRegionId: 'cn-hangzhou' });
    // Above 2^53: the JSON carries the exact digits as a number literal; the lossless reader keeps them as text.
    expect(b.ChildInstanceOwnerId).toBe('9188000000000002');
    const raw = await call(app, 'DescribeCenAttachedChildInstances', { CenId });
    expect(raw.text).toContain('"ChildInstanceOwnerId":9188000000000002');
    expect(raw.text).toContain('"ChildInstanceOwnerId":1688000000000001');
    // B sees its VPC as attached.
    const bVpc = ((await ok(app, 'DescribeVpcs', { RegionId: 'cn-hangzhou', VpcId: SEED.vpcB }, { account: B })) as Obj).Vpcs.Vpc[0];
    expect(bVpc.CenStatus).toBe('Attached');

    // 5.–7. Package for the regions of VPC1 and VPC2 (both in the Chinese mainland), associate, limit.
    const { CenBandwidthPackageId } = (await ok(app, 'CreateCenBandwidthPackage', { Bandwidth: 5, GeographicRegionAId: 'China', GeographicRegionBId: 'China', Period: 1 })) as Obj;
    await ok(app, 'AssociateCenBandwidthPackage', { CenId, CenBandwidthPackageId });
    await ok(app, 'SetCenInterRegionBandwidthLimit', { CenId, LocalRegionId: 'cn-beijing', OppositeRegionId: 'cn-hangzhou', BandwidthLimit: 5 });
    const limits = ((await ok(app, 'DescribeCenInterRegionBandwidthLimits', { CenId })) as Obj).CenInterRegionBandwidthLimits.CenInterRegionBandwidthLimit;
    expect(limits).toEqual([expect.objectContaining({ LocalRegionId: 'cn-beijing', OppositeRegionId: 'cn-hangzhou', BandwidthLimit: 5, GeographicSpanId: 'china_china' })]);

    // After a revoke, a detached VPC2 cannot come back.
    await ok(app, 'RevokeInstanceFromCen', grant, { account: B });
    expect(((await ok(app, 'DescribeGrantRulesToCen', { RegionId: 'cn-hangzhou', InstanceId: SEED.vpcB, InstanceType: 'VPC' }, { account: B })) as Obj).TotalCount).toBe(0);
    await ok(app, 'DetachCenChildInstance', vpc2);
    expect((await err(app, 'AttachCenChildInstance', vpc2)).Code).toBe('InvalidOperation.NoGrantRule');
  });
});
