/**
 * A caller sees its own resources: CENs and packages of its account, its own
 * networks; another account's network only through an attachment to its CEN.
 */
import { describe, expect, it } from 'vitest';
import { A, B, emulator, err, ok } from '../test-helpers.js';
import { SEED } from '../world/seed.js';

type Obj = Record<string, any>;

describe('visibility', () => {
  it('accounts see only their own CENs, packages, limits, VPCs and VBRs', async () => {
    const app = emulator();
    expect(((await ok(app, 'DescribeCens', {}, { account: B })) as Obj).TotalCount).toBe(0);
    expect(((await ok(app, 'DescribeCenBandwidthPackages', {}, { account: B })) as Obj).TotalCount).toBe(0);
    expect(((await ok(app, 'DescribeCenInterRegionBandwidthLimits', {}, { account: B })) as Obj).TotalCount).toBe(0);
    expect(((await ok(app, 'DescribeCenInterRegionBandwidthLimits', {})) as Obj).TotalCount).toBe(1);
    const aVpcs = ((await ok(app, 'DescribeVpcs', { RegionId: 'cn-hangzhou' })) as Obj).Vpcs.Vpc.map((v: Obj) => v.VpcId);
    const bVpcs = ((await ok(app, 'DescribeVpcs', { RegionId: 'cn-hangzhou' }, { account: B })) as Obj).Vpcs.Vpc.map((v: Obj) => v.VpcId);
    expect(aVpcs).toEqual([SEED.vpcHangzhou]);
    expect(bVpcs).toEqual([SEED.vpcB]);
    expect(((await ok(app, 'DescribeVirtualBorderRouters', { RegionId: 'cn-hangzhou' }, { account: B })) as Obj).TotalCount).toBe(0);
    const vbr = ((await ok(app, 'DescribeVirtualBorderRouters', { RegionId: 'cn-hangzhou' })) as Obj).VirtualBorderRouterSet.VirtualBorderRouterType[0];
    expect(vbr).toMatchObject({ VbrId: SEED.vbrHangzhou, RouteTableId: SEED.routeTableVbr, Status: 'active' });
    expect(vbr.AssociatedCens.AssociatedCen).toEqual([{ CenId: SEED.cenId, CenOwnerId: Number(A.accountId), CenStatus: 'Attached' }]);
    expect((await err(app, 'DescribeCenAttachedChildInstances', { CenId: SEED.cenId }, { account: B })).Code).toBe('ParameterCenInstanceId');
    expect((await err(app, 'DescribeGrantRulesToCen', { RegionId: 'cn-shanghai', InstanceId: SEED.vpcBGranted, InstanceType: 'VPC' })).Code).toBe('InvalidInstanceId.NotFound');
  });

  it("the CEN owner sees another account's attached network through the attachment only", async () => {
    const app = emulator();
    const args = { CenId: SEED.cenId, ChildInstanceId: SEED.vpcBGranted, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-shanghai', ChildInstanceOwnerId: B.accountId };
    await ok(app, 'AttachCenChildInstance', args);
    const { ChildInstanceOwnerId: _o, ...which } = args;
    const attr = (await ok(app, 'DescribeCenAttachedChildInstanceAttribute', which)) as Obj;
    expect(attr).toMatchObject({ ChildInstanceName: 'partner-shanghai', ChildInstanceOwnerId: B.accountId, ChildInstanceAttributes: { CidrBlock: '172.21.0.0/16' } });
    // Not in A's VPC list: it is B's.
    const aVpcs = ((await ok(app, 'DescribeVpcs', { RegionId: 'cn-shanghai' })) as Obj).Vpcs.Vpc.map((v: Obj) => v.VpcId);
    expect(aVpcs).not.toContain(SEED.vpcBGranted);
    // B can detach its own network from A's CEN by naming the CEN's owner.
    await ok(app, 'DetachCenChildInstance', { ...args, ChildInstanceOwnerId: undefined, CenOwnerId: A.accountId }, { account: B });
    expect(((await ok(app, 'DescribeCenAttachedChildInstances', { CenId: SEED.cenId, ChildInstanceRegionId: 'cn-shanghai' })) as Obj).ChildInstances.ChildInstance.map((a: Obj) => a.ChildInstanceId)).toEqual([
      SEED.vpcShanghai,
    ]);
  });

  it('a grant names the CEN and its owner: a grant to another CEN does not open this one', async () => {
    const app = emulator();
    const { CenId } = (await ok(app, 'CreateCen', {})) as Obj;
    const args = { CenId, ChildInstanceId: SEED.vpcBGranted, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-shanghai', ChildInstanceOwnerId: B.accountId };
    expect((await err(app, 'AttachCenChildInstance', args)).Code).toBe('InvalidOperation.NoGrantRule');
    // Granting to a CEN with the wrong owner is refused.
    expect((await err(app, 'GrantInstanceToCen', { RegionId: 'cn-shanghai', InstanceId: SEED.vpcBGranted, InstanceType: 'VPC', CenId, CenOwnerId: B.accountId }, { account: B })).Code).toBe(
      'ParameterCenInstanceId',
    );
  });
});
