/**
 * Fault injection and the control endpoints.
 */
import { describe, expect, it } from 'vitest';
import { call, emulator, ENDPOINT, ok } from './test-helpers.js';

describe('faults', () => {
  it('are off by default', async () => {
    const app = emulator();
    for (let i = 0; i < 5; i++) expect((await call(app, 'DescribeCens')).status).toBe(200);
  });

  it('fail the next N calls of an action with a code, then stop', async () => {
    const app = emulator({ faults: { failNext: [{ Action: 'DescribeCens', Code: 'Throttling.User', count: 2 }] } });
    expect((await call(app, 'DescribeCenGeographicSpans')).status).toBe(200);
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await call(app, 'DescribeCens')).body.Code ?? 'OK');
    expect(codes).toEqual(['Throttling.User', 'Throttling.User', 'OK']);
  });

  it('throttle with x-acs-retry-after when asked', async () => {
    const app = emulator({ faults: { rate: 1, kinds: ['throttling'], retryAfterMs: 1500 } });
    const r = await call(app, 'DescribeCens');
    expect([r.status, r.body.Code, r.headers.get('x-acs-retry-after')]).toEqual([400, 'Throttling.User', '1500']);
  });

  it('apply a rate only to the listed actions, and the rate is a probability', async () => {
    const seq = [0.1, 0.0, 0.9, 0.6, 0.2, 0.99];
    let i = 0;
    const app = emulator({ faults: { rate: 0.5, kinds: ['unavailable', 'internal'], actions: ['DescribeCens'] }, random: () => seq[i++ % seq.length]! });
    expect((await call(app, 'DescribeCenGeographicSpans')).status).toBe(200);
    const got = [];
    for (let k = 0; k < 3; k++) {
      const r = await call(app, 'DescribeCens');
      got.push([r.status, r.body.Code ?? 'OK']);
    }
    // 0.1 < 0.5 → fault, kind index floor(0.0*2)=0 (unavailable); 0.9 → none; 0.6 → none.
    expect(got).toEqual([[503, 'ServiceUnavailable'], [200, 'OK'], [200, 'OK']]);
  });

  it('drop the connection: reading the body fails like a network error', async () => {
    const app = emulator({ faults: { failNext: [{ Action: '*', Code: 'drop', count: 1 }] } });
    const { buildRequest, signRequest } = await import('@cen-kit/rpc');
    const { A } = await import('./test-helpers.js');
    const signed = await signRequest({ method: 'POST', Action: 'DescribeCens', Version: '2017-09-12', params: {}, credentials: A });
    const res = await app.request(buildRequest(ENDPOINT, 'POST', signed));
    await expect(res.text()).rejects.toThrow(/dropped/);
    expect((await call(app, 'DescribeCens')).status).toBe(200);
  });

  it('add latency', async () => {
    const app = emulator({ faults: { latencyMs: 60 } });
    const t0 = Date.now();
    await call(app, 'DescribeCens');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(55);
  });
});

describe('control endpoints', () => {
  const base = 'http://emulator.test/emulator/_control';

  it('are off unless the host turns them on (the path is then just an RPC path)', async () => {
    const app = emulator();
    const r = await app.request(`${base}/world`);
    expect(r.status).toBe(400);
    expect(((await r.json()) as Record<string, string>).Code).toBe('MissingParameter');
  });

  it('set and read faults, refusing a bad config', async () => {
    const app = emulator({ control: true });
    const bad = await app.request(`${base}/faults`, { method: 'POST', body: JSON.stringify({ rate: 2 }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Record<string, string>).Message).toMatch(/rate must be a number from 0 to 1/);
    const set = await app.request(`${base}/faults`, { method: 'POST', body: JSON.stringify({ failNext: [{ Action: 'DescribeCens', Code: 'ServiceUnavailable', count: 1 }] }) });
    expect(set.status).toBe(200);
    expect(await (await app.request(`${base}/faults`)).json()).toEqual({ failNext: [{ Action: 'DescribeCens', Code: 'ServiceUnavailable', count: 1 }] });
    expect((await call(app, 'DescribeCens')).body.Code).toBe('ServiceUnavailable');
    expect(await (await app.request(`${base}/faults`)).json()).toEqual({ failNext: [] });
  });

  it('reset reseeds, and the world dump has no secrets', async () => {
    const app = emulator({ control: true });
    await ok(app, 'CreateCen', { Name: 'temp' });
    const dump = await (await app.request(`${base}/world`)).text();
    expect(dump).toContain('"temp"');
    expect(dump).not.toMatch(/secret/i);
    expect(dump).toContain('LTAI-emulator-account-a');
    expect((await app.request(`${base}/reset`, { method: 'POST' })).status).toBe(200);
    const names = ((await ok(app, 'DescribeCens', { PageSize: 50 })) as any).Cens.Cen.map((c: any) => c.Name);
    expect(names).toEqual(['demo-cen']);
  });
});
