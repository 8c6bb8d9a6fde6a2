/**
 * The RPC gateway: methods, paths, formats, timestamps, nonces, and one call
 * at a time.
 */
import { buildRequest, signRequest } from '@cen-kit/rpc';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { A, call, emulator, ok } from '../test-helpers.js';
import { SEED } from '../world/seed.js';

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

describe('parameters an action does not know', () => {
  it('are ignored, as Alibaba ignores them, while known ones are still checked', async () => {
    const app = emulator();
    const r = await call(app, 'DescribeCens', { Pagesize: 5, Foo: 'bar', 'X.1.Y': 'z', Filter: [{ Key: 'CenId', Value: [SEED.cenId], Extra: '1' }] });
    expect(r.status).toBe(200);
    // Pagesize is not PageSize: the default page size applies.
    expect(r.body).toMatchObject({ PageSize: 10, TotalCount: 1 });
    const bad = await call(app, 'DescribeCens', { Foo: 'bar', PageSize: 51 });
    expect([bad.status, bad.body.Code]).toEqual([400, 'InvalidParameter']);
  });

  it('are ignored on writes too: nothing unknown reaches the stored resource', async () => {
    const app = emulator();
    const created = (await ok(app, 'CreateCen', { Name: 'extra', Unknown: 'x', OwnerAccount: 'someone', ResourceOwnerId: '1', ResourceOwnerAccount: 'r' })) as { CenId: string };
    const listed = (await ok(app, 'DescribeCens', { Filter: [{ Key: 'CenId', Value: [created.CenId] }] })) as { Cens: { Cen: Record<string, unknown>[] } };
    expect(listed.Cens.Cen[0]).not.toHaveProperty('Unknown');
    expect(listed.Cens.Cen[0]).toMatchObject({ Name: 'extra' });
  });
});

describe('the Darabonba (@alicloud/openapi-client) way of sending RPC calls', () => {
  /** Common parameters in the query, action parameters in a form body, `Format=json`, one signature over both. */
  async function daraRequest(action: string, body: Record<string, string>, o: { bodyIn?: 'form' | 'query'; extra?: Record<string, string> } = {}) {
    const { signature, encodeForm } = await import('@cen-kit/rpc');
    const query: Record<string, string> = {
      Action: action,
      Format: 'json',
      Version: '2017-09-12',
      Timestamp: new Date().toISOString(), // with milliseconds, as Date gives it
      SignatureNonce: crypto.randomUUID(),
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      AccessKeyId: A.accessKeyId,
      ...o.extra,
    };
    const all = { ...query, ...body };
    const sig = await signature('POST', all, A.accessKeySecret);
    if (o.bodyIn === 'query') {
      return new Request(`http://h/?${encodeForm({ ...all, Signature: sig })}`, { method: 'POST' });
    }
    return new Request(`http://h/?${encodeForm({ ...query, Signature: sig })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body: encodeForm(body),
    });
  }

  it('signs query and body together; answers JSON for Format=json', async () => {
    const app = emulator();
    const res = await app.request(await daraRequest('DescribeCens', { PageSize: '3', 'Filter.1.Key': 'CenId', 'Filter.1.Value.1': SEED.cenId }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toMatchObject({ PageSize: 3, TotalCount: 1 });
  });

  it('also takes every parameter in the query of a POST with no body (newer generated SDKs)', async () => {
    const app = emulator();
    const res = await app.request(await daraRequest('CreateCen', { Name: 'from-query' }, { bodyIn: 'query' }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { CenId: string }).CenId).toMatch(/^cen-/);
  });

  it('accepts an STS SecurityToken and the hidden owner parameters every SDK model has', async () => {
    const app = emulator();
    const res = await app.request(
      await daraRequest('DescribeCens', { OwnerId: '1', OwnerAccount: 'x', ResourceOwnerId: '2', ResourceOwnerAccount: 'y', RegionId: 'cn-hangzhou' }, { extra: { SecurityToken: 'sts-token-for-test' } }),
    );
    expect(res.status).toBe(200);
    // The token is never echoed back.
    expect(await res.text()).not.toContain('sts-token-for-test');
  });

  it('a body parameter changed after signing breaks the signature', async () => {
    const app = emulator();
    const req = await daraRequest('DescribeCens', { PageSize: '3' });
    const tampered = new Request(req.url, { method: 'POST', headers: req.headers, body: 'PageSize=4' });
    const res = await app.request(tampered);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { Code: string }).Code).toBe('SignatureDoesNotMatch');
  });
});
