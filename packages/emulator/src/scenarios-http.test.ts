/**
 * The three scenarios of the API reference (section 3) driven end to end over
 * HTTP by the official Node RPC core (@alicloud/pop-core), with GET and with
 * POST, against an emulator whose changes take time. The client behaves as
 * Terraform's provider does: it retries the transient status codes and polls
 * Describe calls until the target state (Active, Attached, Idle, InUse) shows.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A, B, emulator } from './test-helpers.js';
import { serveOnSocket, type Bridge } from './test-node-bridge.js';
import { SEED } from './world/seed.js';

const require = createRequire(import.meta.url);
type Obj = Record<string, any>;
type PopClient = { request<T = Obj>(action: string, params: object, opts?: object): Promise<T> };
const RPCClient = require('@alicloud/pop-core') as new (c: Record<string, string>) => PopClient;

/** How long each change takes in the emulator. Short, but long enough to be seen pending. */
const DELAY = 60;
/** Codes Terraform retries on these actions (section 5 of cen-api.md). */
const TRANSIENT = new Set([
  'Operation.Blocking',
  'InvalidOperation.CenInstanceStatus',
  'InvalidOperation.ChildInstanceStatus',
  'InvalidOperation.BwpInstanceStatus',
  'InvalidOperation.CenBandwidthLimitsNotZero',
]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh emulator behind a real HTTP server for each describe block. */
function served(delayMs = DELAY): { bridge: () => Bridge } {
  let bridge: Bridge | undefined;
  beforeAll(async () => {
    bridge = await serveOnSocket(emulator({ delayMs }));
  });
  afterAll(() => bridge?.close());
  return { bridge: () => bridge! };
}

function sdk(method: 'GET' | 'POST', bridge: Bridge) {
  const clients = new Map<string, PopClient>();
  const client = (account: typeof A, version: string) => {
    const key = `${account.accessKeyId} ${version}`;
    if (!clients.has(key)) {
      clients.set(key, new RPCClient({ endpoint: 'http://emulator.local/emulator', apiVersion: version, accessKeyId: account.accessKeyId, accessKeySecret: account.accessKeySecret }));
    }
    return clients.get(key)!;
  };
  const opts = { method, agent: bridge.agent, timeout: 5000 };
  const seen: string[] = [];
  /** One call; VPC actions go to version 2016-04-28 with RegionId, as the Go SDK and Terraform send them. */
  const call = (action: string, params: Obj, account = A, version = '2017-09-12') => client(account, version).request<Obj>(action, params, opts);
  /** Retries the transient codes, as Terraform does (short fixed waits, bounded). */
  const retry = async (action: string, params: Obj, account = A, version = '2017-09-12'): Promise<Obj> => {
    for (let i = 0; ; i++) {
      try {
        return await call(action, params, account, version);
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        if (!TRANSIENT.has(code) || i > 100) throw e;
        seen.push(code);
        await sleep(20);
      }
    }
  };
  /** Polls until `done` returns something truthy. */
  const poll = async <T>(what: string, read: () => Promise<T | undefined | false>): Promise<T> => {
    for (let i = 0; i < 150; i++) {
      const v = await read();
      if (v) return v;
      await sleep(20);
    }
    throw new Error(`gave up waiting for ${what}`);
  };
  return { call, retry, poll, seen };
}

for (const method of ['GET', 'POST'] as const) {
  describe(`section 3 scenarios with pop-core over HTTP (${method})`, () => {
    const server = served();
    it('1. same region, same account: CreateCen then AttachCenChildInstance', async () => {
      const { call, retry, poll } = sdk(method, server.bridge());
      const { CenId } = await retry('CreateCen', { Name: `same-region-${method}`, ClientToken: `tf-create-${method}-1` });
      expect(CenId).toMatch(/^cen-/);
      // Right after creation the CEN is still Creating.
      const first = await call('DescribeCens', { Filter: [{ Key: 'CenId', Value: [CenId] }] });
      expect(first).toMatchObject({ TotalCount: 1, PageNumber: 1, PageSize: 10 });
      expect(['Creating', 'Active']).toContain(first.Cens.Cen[0].Status);
      await poll('CEN Active', async () => (await call('DescribeCens', { Filter: [{ Key: 'CenId', Value: [CenId] }] })).Cens.Cen[0]?.Status === 'Active');

      const child = { CenId, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-beijing' };
      for (const id of [SEED.vpcBeijing, SEED.vpcBeijing2]) {
        await retry('AttachCenChildInstance', { ...child, ChildInstanceId: id });
        const attr = await poll('Attached', async () => {
          const a = await call('DescribeCenAttachedChildInstanceAttribute', { ...child, ChildInstanceId: id });
          return a.Status === 'Attached' && a;
        });
        expect(attr.ChildInstanceId).toBe(id);
        // json-bigint hands 16-digit numbers over as BigNumber objects; their text is the exact ID.
        expect(String(attr.ChildInstanceOwnerId)).toBe(A.accountId);
      }
      const list = await call('DescribeCenAttachedChildInstances', { CenId });
      expect(list.ChildInstances.ChildInstance.map((a: Obj) => a.ChildInstanceId).sort()).toEqual([SEED.vpcBeijing, SEED.vpcBeijing2].sort());

      // Tear down the way Terraform does: detach, wait until gone, delete, wait until gone.
      for (const id of [SEED.vpcBeijing, SEED.vpcBeijing2]) await retry('DetachCenChildInstance', { ...child, ChildInstanceId: id });
      await poll('detached', async () => (await call('DescribeCenAttachedChildInstances', { CenId })).TotalCount === 0);
      await retry('DeleteCen', { CenId });
      await poll('CEN gone', async () => (await call('DescribeCens', { Filter: [{ Key: 'CenId', Value: [CenId] }] })).TotalCount === 0);
      // Deleting again is "not found", which Terraform counts as done.
      await expect(call('DeleteCen', { CenId })).rejects.toMatchObject({ code: 'ParameterCenInstanceId' });
    });

    it('2. cross region, same account: package, association and a limit', async () => {
      const { call, retry, poll } = sdk(method, server.bridge());
      const { CenId } = await retry('CreateCen', { Name: `cross-region-${method}` });
      await poll('CEN Active', async () => (await call('DescribeCens', { Filter: [{ Key: 'CenId', Value: [CenId] }] })).Cens.Cen[0]?.Status === 'Active');
      for (const [id, region] of [[SEED.vpcBeijing, 'cn-beijing'], [SEED.vpcSiliconValley, 'us-west-1']] as const) {
        const child = { CenId, ChildInstanceId: id, ChildInstanceType: 'VPC', ChildInstanceRegionId: region };
        await retry('AttachCenChildInstance', child);
        await poll('Attached', async () => (await call('DescribeCenAttachedChildInstanceAttribute', child)).Status === 'Attached');
      }
      const bought = await retry('CreateCenBandwidthPackage', {
        Bandwidth: 10, GeographicRegionAId: 'China', GeographicRegionBId: 'North-America',
        BandwidthPackageChargeType: 'PREPAY', PricingCycle: 'Month', Period: 1, AutoPay: true,
      });
      expect(bought.CenBandwidthPackageOrderId).toMatch(/^\d+$/);
      const pkgId = bought.CenBandwidthPackageId as string;
      const readPkg = async () =>
        (await call('DescribeCenBandwidthPackages', { Filter: [{ Key: 'CenBandwidthPackageId', Value: [pkgId] }] })).CenBandwidthPackages.CenBandwidthPackage[0] as Obj;
      expect(await poll('Idle', async () => (await readPkg()).Status === 'Idle')).toBe(true);

      await retry('AssociateCenBandwidthPackage', { CenId, CenBandwidthPackageId: pkgId });
      const inUse = await poll('InUse', async () => {
        const p = await readPkg();
        return p.Status === 'InUse' && p;
      });
      expect(inUse.CenIds.CenId).toEqual([CenId]);
      expect(inUse).toMatchObject({ GeographicRegionAId: 'china', GeographicRegionBId: 'north-america', IsCrossBorder: true, HasReservationData: 'false' });

      const limit = { CenId, LocalRegionId: 'cn-beijing', OppositeRegionId: 'us-west-1' };
      await retry('SetCenInterRegionBandwidthLimit', { ...limit, BandwidthLimit: 6 });
      const active = await poll('limit Active', async () => {
        const l = (await call('DescribeCenInterRegionBandwidthLimits', { CenId, PageSize: 50 })).CenInterRegionBandwidthLimits.CenInterRegionBandwidthLimit[0] as Obj | undefined;
        return l?.Status === 'Active' && l;
      });
      expect(active).toMatchObject({ ...limit, BandwidthLimit: 6, BandwidthPackageId: pkgId });
      expect((await readPkg()).OrginInterRegionBandwidthLimits.OrginInterRegionBandwidthLimit).toEqual([
        { BandwidthLimit: '6', GeographicSpanId: 'north-america_china', LocalRegionId: 'cn-beijing', OppositeRegionId: 'us-west-1' },
      ]);
      const left = await call('DescribeCenGeographicSpanRemainingBandwidth', { CenId, GeographicRegionAId: 'China', GeographicRegionBId: 'North-America' });
      expect(left.RemainingBandwidth).toBe(4);
      // More than the package holds is refused; a spec change is seen once it has taken effect.
      await expect(call('SetCenInterRegionBandwidthLimit', { ...limit, BandwidthLimit: 11 })).rejects.toMatchObject({ code: 'InvalidOperation.BwpBandwidthExceeded' });
      await retry('ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: pkgId, Bandwidth: 20 });
      await poll('Bandwidth 20', async () => (await readPkg()).Bandwidth === 20);

      // Tear down: limit to 0 (Terraform's delete), unassociate, delete the package.
      await retry('SetCenInterRegionBandwidthLimit', { ...limit, BandwidthLimit: 0 });
      await poll('limit gone', async () => (await call('DescribeCenInterRegionBandwidthLimits', { CenId })).TotalCount === 0);
      await retry('UnassociateCenBandwidthPackage', { CenId, CenBandwidthPackageId: pkgId });
      await poll('Idle again', async () => (await readPkg()).Status === 'Idle');
      await retry('DeleteCenBandwidthPackage', { CenBandwidthPackageId: pkgId });
      await expect(call('DeleteCenBandwidthPackage', { CenBandwidthPackageId: pkgId })).rejects.toMatchObject({ code: 'ParameterBwpInstanceId' });
    });

    it('3. cross account: B grants its VPC to A\'s CEN, A attaches it and buys bandwidth', async () => {
      const { call, retry, poll } = sdk(method, server.bridge());
      const { CenId } = await retry('CreateCen', { Name: `cross-account-${method}` });
      await poll('CEN Active', async () => (await call('DescribeCens', { Filter: [{ Key: 'CenId', Value: [CenId] }] })).Cens.Cen[0]?.Status === 'Active');
      const vpc1 = { CenId, ChildInstanceId: SEED.vpcHongkong, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-hongkong' };
      await retry('AttachCenChildInstance', vpc1);
      await poll('VPC1 Attached', async () => (await call('DescribeCenAttachedChildInstanceAttribute', vpc1)).Status === 'Attached');

      const vpc2 = { CenId, ChildInstanceId: SEED.vpcB, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-hangzhou', ChildInstanceOwnerId: B.accountId };
      // Before B's grant, A may not attach B's VPC.
      await expect(call('AttachCenChildInstance', vpc2)).rejects.toMatchObject({ code: 'InvalidOperation.NoGrantRule' });
      await retry('GrantInstanceToCen', { RegionId: 'cn-hangzhou', InstanceId: SEED.vpcB, InstanceType: 'VPC', CenId, CenOwnerId: A.accountId }, B, '2016-04-28');
      const rules = await call('DescribeGrantRulesToCen', { RegionId: 'cn-hangzhou', InstanceId: SEED.vpcB, InstanceType: 'VPC' }, B, '2016-04-28');
      expect(rules.CenGrantRules.CbnGrantRule).toEqual([expect.objectContaining({ CenInstanceId: CenId })]);
      expect(String(rules.CenGrantRules.CbnGrantRule[0].CenOwnerId)).toBe(A.accountId);

      await retry('AttachCenChildInstance', vpc2);
      const { ChildInstanceOwnerId: _owner, ...which } = vpc2;
      const attr = await poll('VPC2 Attached', async () => {
        const a = await call('DescribeCenAttachedChildInstanceAttribute', which);
        return a.Status === 'Attached' && a;
      });
      // Account B's ID is above 2^53: pop-core's json-bigint keeps every digit.
      expect(String(attr.ChildInstanceOwnerId)).toBe(B.accountId);

      const { CenBandwidthPackageId } = await retry('CreateCenBandwidthPackage', { Bandwidth: 4, GeographicRegionAId: 'China', GeographicRegionBId: 'Asia-Pacific', AutoPay: true });
      await retry('AssociateCenBandwidthPackage', { CenId, CenBandwidthPackageId });
      await poll('InUse', async () =>
        (await call('DescribeCenBandwidthPackages', { Filter: [{ Key: 'CenId', Value: [CenId] }] })).CenBandwidthPackages.CenBandwidthPackage[0]?.Status === 'InUse');
      await retry('SetCenInterRegionBandwidthLimit', { CenId, LocalRegionId: 'cn-hongkong', OppositeRegionId: 'cn-hangzhou', BandwidthLimit: 4 });
      const l = await poll('limit Active', async () => {
        const x = (await call('DescribeCenInterRegionBandwidthLimits', { CenId })).CenInterRegionBandwidthLimits.CenInterRegionBandwidthLimit[0] as Obj | undefined;
        return x?.Status === 'Active' && x;
      });
      expect(l).toMatchObject({ LocalRegionId: 'cn-hongkong', OppositeRegionId: 'cn-hangzhou', BandwidthLimit: 4, GeographicSpanId: 'asia-pacific_china' });
    });
  });
}

describe('Terraform-like retries', () => {
  // Long enough that the calls below surely land while the earlier change is pending, even on a busy machine.
  const server = served(500);
  it('a second attach while the first is still Attaching is refused with a code Terraform retries, then succeeds', async () => {
    const { call, retry, seen } = sdk('POST', server.bridge());
    const { CenId } = await retry('CreateCen', {});
    await retry('AttachCenChildInstance', { CenId, ChildInstanceId: SEED.vpcFrankfurt, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'eu-central-1' });
    await retry('AttachCenChildInstance', { CenId, ChildInstanceId: SEED.vpcHongkong, ChildInstanceType: 'VPC', ChildInstanceRegionId: 'cn-hongkong' });
    // The CEN was Creating, then the first VPC Attaching: both answered with codes Terraform retries.
    expect(seen).toContain('InvalidOperation.CenInstanceStatus');
    expect(seen).toContain('Operation.Blocking');
    expect(seen.every((c) => TRANSIENT.has(c))).toBe(true);
    expect((await call('DescribeCenAttachedChildInstances', { CenId })).TotalCount).toBe(2);
  });
});
