/**
 * Idempotency-Key end to end on the emulator backend (20 concurrent creates
 * make one package), the derived ClientToken against a stand-in Alibaba, and
 * the Durable Object's record life cycle.
 */
import { env } from 'cloudflare:workers';
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allow, appUnderTest, json, newToken, policy, resetEmulator, type Json } from '../edge/testing.js';
import { harness } from '../testing/setup.js';
import { clientTokenFor } from './key.js';
import type { IdempotencyObject, StoredOutcome } from './object.js';

const { api } = appUnderTest();
const PACKAGE = { Bandwidth: 10, GeographicRegionAId: 'China', GeographicRegionBId: 'North-America', BandwidthPackageChargeType: 'POSTPAY', Name: 'idem-pkg' };

let logs: string[] = [];
beforeEach(async () => {
  logs = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.map(String).join(' ')));
  await resetEmulator();
});
afterEach(() => vi.restoreAllMocks());

/** Calls that reached the upstream (the route logs one line per upstream call). */
const upstreamCalls = (action: string) => logs.filter((l) => l.includes('"msg":"api call"') && l.includes(`"action":"${action}"`)).length;

async function packageIds(): Promise<string[]> {
  const body = await json(await api('DescribeCenBandwidthPackages', { PageSize: 50 }));
  return (body.CenBandwidthPackages.CenBandwidthPackage as Json[]).map((p) => p.CenBandwidthPackageId as string);
}

describe('Idempotency-Key', () => {
  it('makes 20 concurrent identical CreateCenBandwidthPackage calls create exactly one package', async () => {
    const before = await packageIds();
    const key = `order-${crypto.randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 20 }, () => api('CreateCenBandwidthPackage', PACKAGE, { headers: { 'Idempotency-Key': key } })));
    const bodies = await Promise.all(answers.map((r) => json(r)));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
    const ids = new Set(bodies.map((b) => b.CenBandwidthPackageId as string));
    expect(ids.size).toBe(1);
    expect(answers.filter((r) => r.headers.get('Idempotent-Replayed') === 'true')).toHaveLength(19);
    expect(upstreamCalls('CreateCenBandwidthPackage')).toBe(1);

    const after = await packageIds();
    expect(after.filter((id) => !before.includes(id))).toEqual([...ids]);

    // A reload an hour later still gets the same answer, replayed.
    const again = await api('CreateCenBandwidthPackage', PACKAGE, { headers: { 'Idempotency-Key': key } });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await json(again)).CenBandwidthPackageId).toBe([...ids][0]);
    expect((await packageIds()).length).toBe(after.length);
  });

  it('creates twice without a key (the control experiment)', async () => {
    const before = (await packageIds()).length;
    await api('CreateCenBandwidthPackage', PACKAGE);
    await api('CreateCenBandwidthPackage', PACKAGE);
    expect((await packageIds()).length).toBe(before + 2);
  });

  it('treats JSON key order and spacing as the same request', async () => {
    const key = crypto.randomUUID();
    const first = await api('CreateCenBandwidthPackage', PACKAGE, { headers: { 'Idempotency-Key': key } });
    const reordered = Object.fromEntries(Object.entries(PACKAGE).reverse());
    const second = await api('CreateCenBandwidthPackage', JSON.stringify(reordered, null, 2), { headers: { 'Idempotency-Key': key } });
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await json(second)).CenBandwidthPackageId).toBe((await json(first)).CenBandwidthPackageId);
  });

  it('refuses the same key for another body, action or profile with 422', async () => {
    const key = crypto.randomUUID();
    expect((await api('CreateCenBandwidthPackage', PACKAGE, { headers: { 'Idempotency-Key': key } })).status).toBe(200);
    const before = (await packageIds()).length;
    for (const [action, body, profile] of [
      ['CreateCenBandwidthPackage', { ...PACKAGE, Bandwidth: 20 }, 'A'],
      ['CreateCen', { Name: 'other' }, 'A'],
      ['CreateCenBandwidthPackage', PACKAGE, 'B'],
    ] as const) {
      const res = await api(action, body, { headers: { 'Idempotency-Key': key, 'X-Cen-Profile': profile } });
      expect(res.status, `${action} ${profile}`).toBe(422);
      expect((await json(res)).Code).toBe('IdempotenceParam.NotMatch');
    }
    expect((await packageIds()).length).toBe(before);
  });

  it('keeps keys apart between callers', async () => {
    const a = await newToken(policy(allow('*')));
    const b = await newToken(policy(allow('*')));
    const envAB = { PORTAL_TOKENS: JSON.stringify([a.entry, b.entry]) };
    const key = crypto.randomUUID();
    const byA = await json(await api('CreateCenBandwidthPackage', PACKAGE, { env: envAB, headers: { authorization: `Bearer ${a.token}`, 'Idempotency-Key': key } }));
    const byB = await json(await api('CreateCenBandwidthPackage', PACKAGE, { env: envAB, headers: { authorization: `Bearer ${b.token}`, 'Idempotency-Key': key } }));
    expect(byA.CenBandwidthPackageId).not.toBe(byB.CenBandwidthPackageId);
  });

  it('refuses a key that is not 1–255 printable ASCII characters', async () => {
    for (const key of ['', 'x'.repeat(256), 'tab\there']) {
      const res = await api('CreateCen', { Name: 'k' }, { headers: { 'Idempotency-Key': key } });
      expect(res.status, JSON.stringify(key)).toBe(400);
      expect((await json(res)).Issues).toEqual([{ path: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters' }]);
    }
  });
});

describe('the ClientToken sent to Alibaba', () => {
  it('is derived from caller and key, the same for every retry, and frees the key after an error', async () => {
    let n = 0;
    const h = harness(() =>
      n++ === 0
        ? { status: 400, body: { RequestId: 'R-err', Code: 'InvalidParameter', Message: 'first attempt refused' } }
        : { body: { RequestId: 'R-ok', CenId: 'cen-fromalibaba0000001' } },
    );
    // The harness' own caller (a fresh full-access token) makes the call.
    const tokens = JSON.parse(h.env.PORTAL_TOKENS!) as Json[];
    const callerKey = `token:${tokens[0]!.name}`;
    const key = 'click-42';
    const first = await h.call('CreateCen', { Name: 'x' }, { headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(400);
    const second = await h.call('CreateCen', { Name: 'x' }, { headers: { 'Idempotency-Key': key } });
    expect(second.status).toBe(200);
    expect(second.headers.get('Idempotent-Replayed')).toBeNull();
    const tokensSent = h.upstream.calls.map((c) => c.params.ClientToken);
    expect(tokensSent).toEqual([await clientTokenFor(callerKey, key), await clientTokenFor(callerKey, key)]);
    expect(tokensSent[0]).toMatch(/^[\w-]{43}$/);
    const third = await h.call('CreateCen', { Name: 'x' }, { headers: { 'Idempotency-Key': key } });
    expect(third.headers.get('Idempotent-Replayed')).toBe('true');
    expect(h.upstream.calls).toHaveLength(2);
  });
});

describe('IdempotencyObject', () => {
  const stubFor = () => {
    const ns = env.IDEMPOTENCY as DurableObjectNamespace<IdempotencyObject>;
    return ns.get(ns.idFromName(`unit-${crypto.randomUUID()}`));
  };
  const outcome: StoredOutcome = { status: 200, body: '{"ok":1}', headers: { 'content-type': 'application/json' } };

  it('lets one request proceed; a duplicate waits and gets its outcome, or gives up with busy', async () => {
    const stub = stubFor();
    const first = await stub.begin('fp', 0);
    expect(first.kind).toBe('proceed');
    expect(await stub.begin('fp', 20)).toEqual({ kind: 'busy' });
    expect(await stub.begin('other', 0)).toEqual({ kind: 'mismatch' });
    const waiting = stub.begin('fp', 5000);
    await stub.finish((first as { lease: string }).lease, outcome);
    expect(await waiting).toEqual({ kind: 'replay', outcome });
  });

  it('hands the key to a waiting duplicate when the first call fails', async () => {
    const stub = stubFor();
    const first = (await stub.begin('fp', 0)) as { lease: string };
    const waiting = stub.begin('fp', 5000);
    await stub.finish(first.lease, null);
    const next = await waiting;
    expect(next.kind).toBe('proceed');
    // The stale lease can no longer write.
    await stub.finish(first.lease, outcome);
    expect(await stub.begin('fp', 0)).toEqual({ kind: 'busy' });
  });

  it('forgets outcomes after 24 hours (alarm or lazily on read)', async () => {
    const stub = stubFor();
    const first = (await stub.begin('fp', 0)) as { lease: string };
    await stub.finish(first.lease, outcome);
    const expires = await runInDurableObject(stub, (_o, state) => state.storage.sql.exec<{ expires: number }>('SELECT expires FROM record').one().expires);
    expect(expires - Date.now()).toBeGreaterThan(24 * 3600_000 - 60_000);
    await runInDurableObject(stub, (_o, state) => void state.storage.sql.exec('UPDATE record SET expires = ?', Date.now() - 1));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await runInDurableObject(stub, (_o, state) => state.storage.sql.exec('SELECT * FROM record').toArray().length)).toBe(0);

    const again = (await stub.begin('fp', 0)) as { lease: string };
    await stub.finish(again.lease, outcome);
    await runInDurableObject(stub, (_o, state) => void state.storage.sql.exec('UPDATE record SET expires = ?', Date.now() - 1));
    expect((await stub.begin('other-request', 0)).kind).toBe('proceed');
  });
});
