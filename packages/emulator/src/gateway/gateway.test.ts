/**
 * The RPC gateway: methods, paths, formats, timestamps, nonces, and one call
 * at a time.
 */
import { buildRequest, signRequest } from '@cen-kit/rpc';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { A, call, emulator, ok } from '../test-helpers.js';

describe('gateway', () => {
  it('answers GET with a query and POST with a form, on any path, also when mounted', async () => {
    const host = new Hono();
    host.route('/emulator', emulator());
    for (const [method, url] of [
      ['GET', 'http://h/emulator/'],
      ['POST', 'http://h/emulator/some/deeper/path'],
    ] as const) {
      const signed = await signRequest({ method, Action: 'DescribeCens', Version: '2017-09-12', params: { PageSize: '5' }, credentials: A });
      const res = await host.request(buildRequest(url, method, signed));
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ PageSize: 5, TotalCount: 1 });
      expect(res.headers.get('x-acs-request-id')).toBe(body.RequestId);
    }
  });

  it('verifies the signature with the method used: a GET signature sent as POST fails', async () => {
    const app = emulator();
    const signed = await signRequest({ method: 'GET', Action: 'DescribeCens', Version: '2017-09-12', params: {}, credentials: A });
    const res = await app.request(buildRequest('http://h/', 'POST', signed));
    expect(((await res.json()) as Record<string, string>).Code).toBe('SignatureDoesNotMatch');
  });

  it('JSON by default; XML when Format is xml in any case', async () => {
    const app = emulator();
    const signed = await signRequest({ method: 'GET', Action: 'DescribeCens', Version: '2017-09-12', params: {}, credentials: A });
    delete signed.Format;
    // Re-sign without Format: the signer always adds it, so build the parameters by hand.
    const { signature } = await import('@cen-kit/rpc');
    delete signed.Signature;
    signed.Signature = await signature('GET', signed, A.accessKeySecret);
    const res = await app.request(buildRequest('http://h/', 'GET', signed));
    expect(res.headers.get('content-type')).toContain('application/json');

    const xml = await call(app, 'DescribeCens', {}, { tamper: () => undefined, format: 'XML' });
    expect(xml.text.startsWith('<?xml')).toBe(true);
    const lower = await signRequest({ method: 'GET', Action: 'DescribeCens', Version: '2017-09-12', params: { }, credentials: A, Format: 'xml' as 'XML' });
    const r2 = await app.request(buildRequest('http://h/', 'GET', lower));
    expect(await r2.text()).toContain('<DescribeCensResponse>');
  });

  it('refuses other methods and timestamps far in the future', async () => {
    const app = emulator();
    const put = await app.request('http://h/', { method: 'PUT' });
    expect([put.status, ((await put.json()) as Record<string, string>).Code]).toEqual([404, 'InvalidAction.NotFound']);
    const r = await call(app, 'DescribeCens', {}, { at: Date.now() + 20 * 60_000 });
    expect([r.status, r.body.Code]).toEqual([400, 'InvalidTimeStamp.Expired']);
    // 14 minutes off is still inside the window.
    expect((await call(app, 'DescribeCens', {}, { at: Date.now() - 14 * 60_000 })).status).toBe(200);
  });

  it('tolerates the parameters official SDKs add (RegionId, OwnerId) on Cbn actions', async () => {
    const app = emulator();
    const r = await call(app, 'DescribeCens', { RegionId: 'cn-hangzhou', OwnerId: '123' });
    expect(r.status).toBe(200);
  });

  it('handles concurrent calls one at a time, keeping the world consistent', async () => {
    const app = emulator();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => call(app, 'CreateCen', { Name: `c${i}` })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(new Set(results.map((r) => r.body.CenId)).size).toBe(12);
    const all = (await ok(app, 'DescribeCens', { PageSize: 50 })) as { TotalCount: number };
    expect(all.TotalCount).toBe(13);
  });
});
