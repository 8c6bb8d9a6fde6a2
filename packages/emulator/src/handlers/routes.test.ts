/**
 * Routes on the seeded CEN: what each region learns, the seeded conflict,
 * and publishing/withdrawing Custom routes.
 */
import { describe, expect, it } from 'vitest';
import { emulator, err, ok } from '../test-helpers.js';
import { SEED } from '../world/seed.js';

type Obj = Record<string, any>;
const entries = async (app: any, region: string, Status = 'All') =>
  ((await ok(app, 'DescribeCenRegionDomainRouteEntries', { CenId: SEED.cenId, CenRegionId: region, Status, PageSize: 500 })) as Obj).CenRouteEntries.CenRouteEntry as Obj[];
const hz = { CenId: SEED.cenId, ChildInstanceId: SEED.vpcHangzhou, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-hangzhou' };
const custom = { ...hz, ChildInstanceRouteTableId: SEED.routeTableHangzhou, DestinationCidrBlock: SEED.customRouteHangzhou };

describe('CEN routes', () => {
  it('each region sees local routes as System/Custom and other regions\' as CEN, with next hops', async () => {
    const app = emulator();
    const sg = await entries(app, 'ap-southeast-1');
    expect(sg.find((e) => e.DestinationCidrBlock === '10.10.1.0/24')).toMatchObject({ Type: 'System', NextHopInstanceId: SEED.vpcSingapore, NextHopRegionId: 'ap-southeast-1', Status: 'Active', Preference: 50, ToOtherRegionStatus: 'Active' });
    expect(sg.find((e) => e.DestinationCidrBlock === '192.168.2.0/24')).toMatchObject({ Type: 'CEN', NextHopInstanceId: SEED.vpcHangzhou, NextHopType: 'VPC', NextHopRegionId: 'cn-hangzhou' });
    expect(sg.find((e) => e.DestinationCidrBlock === '10.200.0.0/16')).toMatchObject({ Type: 'CEN', NextHopInstanceId: SEED.vbrHangzhou, NextHopType: 'VBR' });
    // Regions without networks on the CEN have no CEN routes.
    expect(await entries(app, 'eu-central-1')).toEqual([]);
  });

  it('the same CIDR from two networks is a conflict: the later route is Rejected and not propagated', async () => {
    const app = emulator();
    const sh = await entries(app, 'cn-shanghai');
    const same = sh.filter((e) => e.DestinationCidrBlock === SEED.conflictingCidr);
    expect(same.map((e) => [e.NextHopInstanceId, e.Type, e.Status]).sort()).toEqual(
      [
        [SEED.vpcHangzhou, 'CEN', 'Active'],
        [SEED.vpcShanghai, 'System', 'Rejected'],
      ].sort(),
    );
    // The default Status filter is Active.
    const active = ((await ok(app, 'DescribeCenRegionDomainRouteEntries', { CenId: SEED.cenId, CenRegionId: 'cn-shanghai' })) as Obj).CenRouteEntries.CenRouteEntry as Obj[];
    expect(active.every((e) => e.Status === 'Active')).toBe(true);
    // Elsewhere only the winner is seen.
    const sg = (await entries(app, 'ap-southeast-1')).filter((e) => e.DestinationCidrBlock === SEED.conflictingCidr);
    expect(sg.map((e) => e.NextHopInstanceId)).toEqual([SEED.vpcHangzhou]);

    const conflicts = (await ok(app, 'DescribeRouteConflict', {
      ChildInstanceId: SEED.vpcShanghai, ChildInstanceRegionId: 'cn-shanghai', ChildInstanceType: 'VPC', ChildInstanceRouteTableId: SEED.routeTableShanghai,
    })) as Obj;
    expect(conflicts.RouteConflicts.RouteConflict).toEqual([
      { DestinationCidrBlock: SEED.conflictingCidr, InstanceId: SEED.vpcHangzhou, InstanceType: 'VPC', RegionId: 'cn-hangzhou', Status: 'conflict' },
    ]);
    const published = (await ok(app, 'DescribePublishedRouteEntries', { ...hz, ChildInstanceId: SEED.vpcShanghai, ChildInstanceRegionId: 'cn-shanghai' })) as Obj;
    const row = published.PublishedRouteEntries.PublishedRouteEntry.find((r: Obj) => r.DestinationCidrBlock === SEED.conflictingCidr);
    expect(row).toMatchObject({ RouteType: 'System', PublishStatus: 'Published', OperationalMode: false, ChildInstanceRouteTableId: SEED.routeTableShanghai });
    expect(row.Conflicts.Conflict.map((c: Obj) => c.InstanceId)).toEqual([SEED.vpcHangzhou]);
  });

  it('publishing a Custom route propagates it; withdrawing takes it back', async () => {
    const app = emulator();
    const row = async () =>
      ((await ok(app, 'DescribePublishedRouteEntries', { ...hz, DestinationCidrBlock: SEED.customRouteHangzhou })) as Obj).PublishedRouteEntries.PublishedRouteEntry[0] as Obj;
    expect(await row()).toMatchObject({ RouteType: 'Custom', PublishStatus: 'NonPublished', OperationalMode: true, NextHopType: 'Instance' });
    expect((await entries(app, 'ap-southeast-1')).map((e) => e.DestinationCidrBlock)).not.toContain(SEED.customRouteHangzhou);

    await ok(app, 'PublishRouteEntries', custom);
    expect((await row()).PublishStatus).toBe('Published');
    expect((await entries(app, 'ap-southeast-1')).find((e) => e.DestinationCidrBlock === SEED.customRouteHangzhou)).toMatchObject({ Type: 'CEN', NextHopRegionId: 'cn-hangzhou' });
    expect((await entries(app, 'cn-hangzhou')).find((e) => e.DestinationCidrBlock === SEED.customRouteHangzhou)).toMatchObject({ Type: 'Custom' });

    await ok(app, 'WithdrawPublishedRouteEntries', custom);
    expect((await row()).PublishStatus).toBe('NonPublished');
    expect((await entries(app, 'ap-southeast-1')).map((e) => e.DestinationCidrBlock)).not.toContain(SEED.customRouteHangzhou);

    expect((await err(app, 'PublishRouteEntries', { ...custom, DestinationCidrBlock: '10.0.0.0/8' })).Code).toBe('InvalidOperation.NotFoundRoute');
    expect((await err(app, 'PublishRouteEntries', { ...custom, ChildInstanceRouteTableId: 'vtb-otherTable0001' })).Code).toBe('InvalidOperation.NotFoundRoute');
    expect((await err(app, 'PublishRouteEntries', { ...custom, DestinationCidrBlock: '192.168.1.0/24' })).Code).toBe('InvalidOperation.RouteNotPublishable');
  });

  it('detaching a network removes its routes from every region', async () => {
    const app = emulator();
    await ok(app, 'DetachCenChildInstance', { ...hz, ChildInstanceId: SEED.vpcShanghai, ChildInstanceRegionId: 'cn-shanghai' });
    const sg = await entries(app, 'ap-southeast-1');
    expect(sg.map((e) => e.DestinationCidrBlock)).not.toContain('192.168.20.0/24');
    expect(sg.filter((e) => e.DestinationCidrBlock === SEED.conflictingCidr)).toHaveLength(1);
  });
});
