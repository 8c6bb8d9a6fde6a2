/**
 * The Worker on its default backend, the built-in emulator (a Durable Object),
 * through the deployed entry point: signed for real, verified by the emulator.
 * Walks the three scenarios of the CEN API reference through `/api`.
 */
import { env, exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, test } from 'vitest';
import { SEED } from '@cen-kit/emulator';
import { createApp } from './app.js';
import type { Bindings } from './env.js';
import { formEncode, signLikeOfficialClient } from './testing/mock-alibaba.js';
import { alibabaEnv } from './testing/setup.js';
import { profilesOf } from './upstream/profiles.js';

type Json = Record<string, any>;

const [A, B] = profilesOf({});

async function api(action: string, body: Json = {}, profile?: 'A' | 'B'): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await exports.default.fetch(`http://127.0.0.1:8787/api/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(profile ? { 'X-Cen-Profile': profile } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

/** Calls and insists on 200, showing the error body otherwise. */
async function ok(action: string, body: Json = {}, profile?: 'A' | 'B'): Promise<Json> {
  const r = await api(action, body, profile);
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}

const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'cn-hongkong', 'ap-southeast-1', 'us-west-1', 'us-east-1', 'eu-central-1'];

/** Every VPC an account owns, across the regions the seed uses. */
async function vpcsOf(profile: 'A' | 'B'): Promise<Json[]> {
  const out: Json[] = [];
  for (const RegionId of REGIONS) out.push(...((await ok('DescribeVpcs', { RegionId, PageSize: 50 }, profile)).Vpcs.Vpc as Json[]));
  return out;
}

const attached = async (CenId: string): Promise<Json[]> =>
  (await ok('DescribeCenAttachedChildInstances', { CenId, PageSize: 50 })).ChildInstances.ChildInstance as Json[];

const cenById = async (CenId: string): Promise<Json | undefined> =>
  ((await ok('DescribeCens', { Filter: [{ Key: 'CenId', Value: [CenId] }] })).Cens.Cen as Json[])[0];

/** Back to the seed world, through the emulator's control API (on only without real credentials). */
async function resetWorld(): Promise<void> {
  const res = await exports.default.fetch('http://127.0.0.1:8787/emulator/_control/reset', { method: 'POST' });
  expect(res.status).toBe(200);
}

describe('the emulator backend', () => {
  beforeEach(resetWorld);

  test('GET /api says the backend is the emulator, with profiles A and B', async () => {
    const res = await exports.default.fetch('http://127.0.0.1:8787/api');
    const index = (await res.json()) as Json;
    expect(index.backend).toBe('emulator');
    expect(index.caller.profiles).toEqual(['A', 'B']);
    expect(index.caller.defaultProfile).toBe('A');
  });

  test('DescribeCens shows the seed; CreateCen then DescribeCens shows the new one', async () => {
    const before = await ok('DescribeCens', { PageSize: 50 });
    expect(before.TotalCount).toBeGreaterThan(0);
    expect(before.Cens.Cen.length).toBe(Math.min(50, before.TotalCount));
    for (const c of before.Cens.Cen) expect(c.CenId).toMatch(/^cen-/);

    const created = await ok('CreateCen', { Name: 'from-the-worker-test', Description: 'made through /api' });
    expect(created.CenId).toMatch(/^cen-/);
    expect(created.RequestId).toBeTruthy();

    const after = await ok('DescribeCens', { PageSize: 50 });
    expect(after.TotalCount).toBe(before.TotalCount + 1);
    const mine = await cenById(created.CenId);
    expect(mine).toMatchObject({ CenId: created.CenId, Name: 'from-the-worker-test', Description: 'made through /api', Status: 'Active' });
  });

  test("account B does not see account A's CENs", async () => {
    const created = await ok('CreateCen', { Name: 'a-only' });
    const seenByB = await ok('DescribeCens', { Filter: [{ Key: 'CenId', Value: [created.CenId] }] }, 'B');
    expect(seenByB.Cens.Cen).toEqual([]);
  });

  test('emulator errors pass through like Alibaba errors, with the Worker request id beside them', async () => {
    const r = await api('DeleteCen', { CenId: 'cen-doesnotexist0000' });
    expect(r.status).toBe(404);
    expect(r.body.Code).toBe('ParameterCenInstanceId');
    expect(r.body.RequestId).toBeTruthy();
    expect(r.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get('X-Request-Id')).not.toBe(r.body.RequestId);
  });

  test('scenario 1: networks in the same region, same account', async () => {
    const vpcs = (await vpcsOf('A')).filter((v) => v.CenStatus !== 'Attached');
    const byRegion = new Map<string, Json[]>();
    for (const v of vpcs) byRegion.set(v.RegionId, [...(byRegion.get(v.RegionId) ?? []), v]);
    const [region, pair] = [...byRegion].sort((a, b) => b[1].length - a[1].length)[0]!;
    const networks = pair.slice(0, 2);

    const { CenId } = await ok('CreateCen', { Name: 'scenario-1' });
    expect((await cenById(CenId))!.Status).toBe('Active');
    for (const v of networks) {
      await ok('AttachCenChildInstance', { CenId, ChildInstanceId: v.VpcId, ChildInstanceType: 'VPC', ChildInstanceRegionId: region });
    }
    const children = await attached(CenId);
    expect(children.map((c) => c.ChildInstanceId).sort()).toEqual(networks.map((v) => v.VpcId).sort());
    for (const c of children) expect(c).toMatchObject({ CenId, ChildInstanceType: 'VPC', ChildInstanceRegionId: region, Status: 'Attached' });
    // The VPC API sees the attachment too.
    const after = (await ok('DescribeVpcs', { RegionId: region, VpcId: networks[0]!.VpcId })).Vpcs.Vpc as Json[];
    expect(after[0]!.CenStatus).toBe('Attached');
    // Attaching the same network again is refused and changes nothing.
    const again = await api('AttachCenChildInstance', { CenId, ChildInstanceId: networks[0]!.VpcId, ChildInstanceType: 'VPC', ChildInstanceRegionId: region });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(await attached(CenId)).toHaveLength(networks.length);
  });

  test('scenario 2: across regions, with a bandwidth package and an inter-region limit', async () => {
    const vpcs = (await vpcsOf('A')).filter((v) => v.CenStatus !== 'Attached');
    const china = vpcs.find((v) => String(v.RegionId).startsWith('cn-') && v.RegionId !== 'cn-hongkong');
    const other = vpcs.find((v) => !String(v.RegionId).startsWith('cn-') || v.RegionId === 'cn-hongkong');
    expect(china, 'a free VPC of A in the Chinese mainland').toBeDefined();
    expect(other, 'a free VPC of A outside the Chinese mainland').toBeDefined();
    const areaOf = (r: string) =>
      r.startsWith('cn-') && r !== 'cn-hongkong' ? 'China' : r.startsWith('us-') ? 'North-America' : r.startsWith('eu-') ? 'Europe' : 'Asia-Pacific';

    const { CenId } = await ok('CreateCen', { Name: 'scenario-2' });
    for (const v of [china!, other!]) {
      await ok('AttachCenChildInstance', { CenId, ChildInstanceId: v.VpcId, ChildInstanceType: 'VPC', ChildInstanceRegionId: v.RegionId });
    }
    // Without a package, no limit can be set.
    const early = await api('SetCenInterRegionBandwidthLimit', { CenId, LocalRegionId: china!.RegionId, OppositeRegionId: other!.RegionId, BandwidthLimit: 5 });
    expect(early.status).toBeGreaterThanOrEqual(400);

    const pkg = await ok('CreateCenBandwidthPackage', {
      Bandwidth: 10,
      GeographicRegionAId: 'China',
      GeographicRegionBId: areaOf(other!.RegionId),
      BandwidthPackageChargeType: 'POSTPAY',
      Name: 'scenario-2-package',
    });
    expect(pkg.CenBandwidthPackageId).toMatch(/^cenbwp-/);
    await ok('AssociateCenBandwidthPackage', { CenId, CenBandwidthPackageId: pkg.CenBandwidthPackageId });
    const pkgs = (
      await ok('DescribeCenBandwidthPackages', { Filter: [{ Key: 'CenBandwidthPackageId', Value: [pkg.CenBandwidthPackageId] }] })
    ).CenBandwidthPackages.CenBandwidthPackage as Json[];
    expect(pkgs).toHaveLength(1);
    expect(pkgs[0]!.CenIds.CenId).toEqual([CenId]);
    expect(pkgs[0]!.Bandwidth).toBe(10);
    expect((await cenById(CenId))!.CenBandwidthPackageIds.CenBandwidthPackageId).toEqual([pkg.CenBandwidthPackageId]);

    // More than the package holds is refused; within it is set.
    const tooMuch = await api('SetCenInterRegionBandwidthLimit', { CenId, LocalRegionId: china!.RegionId, OppositeRegionId: other!.RegionId, BandwidthLimit: 11 });
    expect(tooMuch.status).toBeGreaterThanOrEqual(400);
    await ok('SetCenInterRegionBandwidthLimit', { CenId, LocalRegionId: china!.RegionId, OppositeRegionId: other!.RegionId, BandwidthLimit: 5 });
    const limits = (await ok('DescribeCenInterRegionBandwidthLimits', { CenId })).CenInterRegionBandwidthLimits.CenInterRegionBandwidthLimit as Json[];
    expect(limits).toHaveLength(1);
    expect(limits[0]).toMatchObject({ CenId, BandwidthLimit: 5 });
    expect([limits[0]!.LocalRegionId, limits[0]!.OppositeRegionId].sort()).toEqual([china!.RegionId, other!.RegionId].sort());
  });

  test('scenario 3: across accounts, B grants its VPC to A’s CEN (X-Cen-Profile: B)', async () => {
    const vpc1 = (await vpcsOf('A')).find((v) => v.CenStatus !== 'Attached');
    const vpc2 = (await vpcsOf('B')).find((v) => v.CenStatus !== 'Attached');
    expect(vpc1, 'a free VPC of A').toBeDefined();
    expect(vpc2, 'a free VPC of B').toBeDefined();
    expect(String(vpc2!.OwnerId)).toBe(B!.accountId);

    // 1–2: A creates a CEN and attaches its own VPC.
    const { CenId } = await ok('CreateCen', { Name: 'scenario-3' });
    await ok('AttachCenChildInstance', { CenId, ChildInstanceId: vpc1!.VpcId, ChildInstanceType: 'VPC', ChildInstanceRegionId: vpc1!.RegionId });

    const vpc2Attach = {
      CenId,
      ChildInstanceId: vpc2!.VpcId,
      ChildInstanceType: 'VPC',
      ChildInstanceRegionId: vpc2!.RegionId,
      ChildInstanceOwnerId: B!.accountId,
    };
    // Without B's grant, A cannot attach B's VPC, and nothing changes.
    const refused = await api('AttachCenChildInstance', vpc2Attach);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.body.Code).toMatch(/NoGrantRule|ChildInstanceUid|Forbidden/);
    expect(await attached(CenId)).toHaveLength(1);

    // 3: B grants A's CEN.
    const grant = { RegionId: vpc2!.RegionId, InstanceId: vpc2!.VpcId, InstanceType: 'VPC', CenId, CenOwnerId: A!.accountId };
    await ok('GrantInstanceToCen', grant, 'B');
    const rules = (await ok('DescribeGrantRulesToCen', { RegionId: vpc2!.RegionId, InstanceId: vpc2!.VpcId, InstanceType: 'VPC' }, 'B')).CenGrantRules
      .CbnGrantRule as Json[];
    expect(rules.map((r) => r.CenInstanceId)).toContain(CenId);
    // A cannot grant B's VPC itself.
    expect((await api('GrantInstanceToCen', grant, 'A')).status).toBeGreaterThanOrEqual(400);

    // 4: A attaches B's VPC.
    await ok('AttachCenChildInstance', vpc2Attach);
    const children = await attached(CenId);
    expect(children.map((c) => c.ChildInstanceId).sort()).toEqual([vpc1!.VpcId, vpc2!.VpcId].sort());
    const theirs = children.find((c) => c.ChildInstanceId === vpc2!.VpcId)!;
    // B's account ID stays exact end to end (it is above 2^53).
    expect(String(theirs.ChildInstanceOwnerId)).toBe(B!.accountId);
    expect(theirs.Status).toBe('Attached');

    // 5–7: a package for the two regions' areas and a limit between them, when they differ.
    if (vpc1!.RegionId !== vpc2!.RegionId) {
      const areaOf = (r: string) =>
        r.startsWith('cn-') && r !== 'cn-hongkong' ? 'China' : r.startsWith('us-') ? 'North-America' : r.startsWith('eu-') ? 'Europe' : 'Asia-Pacific';
      const pkg = await ok('CreateCenBandwidthPackage', {
        Bandwidth: 20,
        GeographicRegionAId: areaOf(vpc1!.RegionId),
        GeographicRegionBId: areaOf(vpc2!.RegionId),
        BandwidthPackageChargeType: 'POSTPAY',
      });
      await ok('AssociateCenBandwidthPackage', { CenId, CenBandwidthPackageId: pkg.CenBandwidthPackageId });
      await ok('SetCenInterRegionBandwidthLimit', { CenId, LocalRegionId: vpc1!.RegionId, OppositeRegionId: vpc2!.RegionId, BandwidthLimit: 20 });
      const limits = (await ok('DescribeCenInterRegionBandwidthLimits', { CenId })).CenInterRegionBandwidthLimits.CenInterRegionBandwidthLimit as Json[];
      expect(limits.map((l) => l.BandwidthLimit)).toEqual([20]);
    }
  });
});

describe('/emulator/ for official clients', () => {
  test('a signed POST form request (as the official SDKs send) works', async () => {
    const params = await signLikeOfficialClient('POST', { Action: 'DescribeCens', Version: '2017-09-12', Format: 'JSON', PageSize: '5' }, A!.credentials);
    const res = await exports.default.fetch('http://127.0.0.1:8787/emulator/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formEncode(params),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.RequestId).toBeTruthy();
    expect(body.PageSize).toBe(5);
    expect(Array.isArray(body.Cens.Cen)).toBe(true);
    expect(res.headers.get('X-Request-Id')).toBeTruthy();
  });

  test('a signed GET query request for the VPC product, answered in XML', async () => {
    const params = await signLikeOfficialClient('GET', { Action: 'DescribeVpcs', Version: '2016-04-28', Format: 'XML', RegionId: 'cn-hangzhou' }, A!.credentials);
    const res = await exports.default.fetch(`http://127.0.0.1:8787/emulator/?${formEncode(params)}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('<DescribeVpcsResponse>');
  });

  test('the same signed request twice: the second is refused (SignatureNonceUsed); the answer keeps its headers', async () => {
    const params = await signLikeOfficialClient('POST', { Action: 'DescribeCens', Version: '2017-09-12', Format: 'JSON' }, A!.credentials);
    const send = () =>
      exports.default.fetch('http://127.0.0.1:8787/emulator/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: formEncode(params),
      });
    const first = await send();
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(first.headers.get('x-acs-request-id')).toBe(((await first.json()) as Json).RequestId);
    const again = await send();
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(((await again.json()) as Json).Code).toBe('SignatureNonceUsed');
  });

  test('a bad signature is refused with SignatureDoesNotMatch', async () => {
    const params = await signLikeOfficialClient('POST', { Action: 'DescribeCens', Version: '2017-09-12', Format: 'JSON' }, { ...A!.credentials, accessKeySecret: 'wrong' });
    const res = await exports.default.fetch('http://127.0.0.1:8787/emulator', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formEncode(params),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(((await res.json()) as Json).Code).toBe('SignatureDoesNotMatch');
  });
});

describe('the built-in home page', () => {
  test('/ says the backend and links to /api while dist/site has no page', async () => {
    const res = await exports.default.fetch('http://127.0.0.1:8787/');
    // With a built demo, the asset wins; this covers the empty case only.
    if (res.headers.get('content-type')?.includes('text/html') && !(await res.clone().text()).includes('data-backend')) return;
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-backend="emulator"');
    expect(html).toContain('href="/api"');
  });

  test('unknown paths get a JSON 404 with the request id', async () => {
    const res = await exports.default.fetch('http://127.0.0.1:8787/no/such/thing');
    expect(res.status).toBe(404);
    const body = (await res.json()) as Json;
    expect(body.Code).toBe('NotFound');
    expect(body.RequestId).toBe(res.headers.get('X-Request-Id'));
  });
});

describe('JSON and XML from the emulator', () => {
  test('every read gives the same answer whichever Format the Worker asks for', async () => {
    await resetWorld();
    const app = createApp();
    const call = async (format: string, action: string, body: Json) => {
      const res = await app.request(
        `http://127.0.0.1:8787/api/${action}`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
        { ...(env as unknown as Bindings), UPSTREAM_FORMAT: format },
      );
      expect(res.status, action).toBe(200);
      const out = (await res.json()) as Json;
      delete out.RequestId;
      return out;
    };
    const reads: [string, Json][] = [
      ['DescribeCens', {}],
      ['DescribeCenAttachedChildInstances', { CenId: SEED.cenId }],
      ['DescribeCenBandwidthPackages', {}],
      ['DescribeCenInterRegionBandwidthLimits', { CenId: SEED.cenId }],
      ['DescribeVpcs', { RegionId: 'cn-hangzhou' }],
      ['DescribeGeographicRegionMembership', { GeographicRegionId: 'china' }],
      ['DescribeCenGeographicSpans', {}],
      ['DescribeChildInstanceRegions', {}],
    ];
    for (const [action, body] of reads) {
      const json = await call('JSON', action, body);
      expect(await call('XML', action, body), action).toEqual(json);
    }
  });
});

describe('with real credentials', () => {
  test('/emulator is off (404) and nothing reaches the emulator', async () => {
    const app = createApp({ fetch: async () => new Response('unexpected', { status: 599 }) });
    for (const path of ['/emulator', '/emulator/', '/emulator/_control/reset']) {
      const res = await app.request(`http://127.0.0.1:8787${path}`, { method: 'POST' }, alibabaEnv());
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as Json).Code).toBe('NotFound');
    }
  });
});

describe('faults injected into the emulator (control API)', () => {
  const setFaults = async (faults: Json) => {
    const res = await exports.default.fetch('http://127.0.0.1:8787/emulator/_control/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(faults),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  beforeEach(async () => {
    await resetWorld();
    await setFaults({});
  });

  test('a throttled read is retried by the Worker and succeeds', async () => {
    await setFaults({ failNext: [{ Action: 'DescribeCens', Code: 'Throttling.User', count: 2 }] });
    const r = await api('DescribeCens', {});
    expect(r.status).toBe(200);
    expect(r.body.Cens.Cen.length).toBeGreaterThan(0);
  });

  test('a write that meets ServiceUnavailable is retried with its ClientToken and happens once', async () => {
    const before = (await ok('DescribeCens', { PageSize: 50 })).TotalCount;
    await setFaults({ failNext: [{ Action: 'CreateCen', Code: 'ServiceUnavailable', count: 1 }] });
    const created = await ok('CreateCen', { Name: 'retried-once' });
    expect(created.CenId).toMatch(/^cen-/);
    expect((await ok('DescribeCens', { PageSize: 50 })).TotalCount).toBe(before + 1);
  });

  test('a write without ClientToken support is not retried: the error comes back', async () => {
    const { CenId } = await ok('CreateCen', { Name: 'to-delete' });
    await setFaults({ failNext: [{ Action: 'DeleteCen', Code: 'ServiceUnavailable', count: 1 }] });
    const r = await api('DeleteCen', { CenId });
    expect(r.status).toBe(503);
    expect(r.body.Code).toBe('ServiceUnavailable');
    expect(await cenById(CenId)).toBeDefined();
  });

  test('a slow emulator gives 504 UpstreamTimeout within the deadline', async () => {
    await setFaults({ latencyMs: 3000, actions: ['DescribeCens'] });
    const app = createApp();
    const t0 = Date.now();
    const res = await app.request(
      'http://127.0.0.1:8787/api/DescribeCens',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      { ...(env as unknown as Bindings), UPSTREAM_ATTEMPT_TIMEOUT_MS: '150', UPSTREAM_DEADLINE_MS: '500' },
    );
    expect(res.status).toBe(504);
    expect(((await res.json()) as Json).Code).toBe('UpstreamTimeout');
    expect(Date.now() - t0).toBeLessThan(900);
  });
});
