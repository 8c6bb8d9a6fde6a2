import { ACTION_NAMES, actionSpec, type ActionName } from '@cen-kit/catalog';
import { flattenParams } from '@cen-kit/rpc';
import { describe, expect, test } from 'vitest';
import { minimalRequest, RESPONSE_SAMPLES } from '../../../packages/catalog/src/testing/samples.js';
import { harness, TEST_KEY } from '../testing/setup.js';
import { TEST_PORTAL_TOKEN } from '../auth/testing.js';

const COMMON = ['AccessKeyId', 'Action', 'Format', 'Signature', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp', 'Version'];

/** The action's own parameters as they arrived upstream (common parameters removed). */
function ownParams(p: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(p).filter(([k]) => !COMMON.includes(k)));
}

describe('every catalogue action through a stand-in Alibaba', () => {
  for (const format of ['JSON', 'XML'] as const) {
    test.each(ACTION_NAMES.map((n) => [n]))(`%s answers the official JSON (upstream ${format})`, async (name: ActionName) => {
      const spec = actionSpec(name)!;
      const sample = RESPONSE_SAMPLES[name];
      const h = harness(() => ({ body: sample }), { env: { UPSTREAM_FORMAT: format } });
      const request = minimalRequest(name);
      const res = await h.call(name, request);
      const text = await res.text();
      expect(res.status, text).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(text)).toEqual(sample);

      // Exactly one signed call, to the product's host, with only the action's validated parameters.
      expect(h.upstream.calls).toHaveLength(1);
      expect(h.upstream.officialMismatches).toEqual([]);
      const got = h.upstream.calls[0]!;
      expect(got.method).toBe('POST');
      expect(got.contentType).toMatch(/application\/x-www-form-urlencoded/);
      expect(got.url.hostname).toBe(spec.product === 'Cbn' ? 'cbn.aliyuncs.com' : 'vpc.aliyuncs.com');
      expect(got.params).toMatchObject({ Action: name, Version: spec.Version, Format: format, AccessKeyId: TEST_KEY.id, SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0' });
      expect(got.params.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const own = ownParams(got.params);
      if (spec.ClientToken && spec.access === 'write') {
        expect(own.ClientToken).toMatch(/^[\w-]{8,64}$/);
        delete own.ClientToken;
      }
      expect(own).toEqual(flattenParams(request));
    });
  }

  test('JSON and XML upstreams give identical answers, lists of one included', async () => {
    for (const name of ACTION_NAMES) {
      const [json, xml] = await Promise.all(
        (['JSON', 'XML'] as const).map(async (f) => {
          const h = harness(() => ({ body: RESPONSE_SAMPLES[name] }), { env: { UPSTREAM_FORMAT: f } });
          return (await h.call(name, minimalRequest(name))).json();
        }),
      );
      expect(xml, name).toEqual(json);
    }
  });

  test('repeat lists are flattened 1-based and signed as sent', async () => {
    const h = harness(() => ({ body: RESPONSE_SAMPLES.DescribeCens }));
    const res = await h.call('DescribeCens', {
      Filter: [
        { Key: 'Name', Value: ['prod 1', 'test*~'] },
        { Key: 'CenId', Value: ['cen-abc'] },
      ],
      PageSize: 50,
    });
    expect(res.status).toBe(200);
    expect(ownParams(h.upstream.calls[0]!.params)).toEqual({
      'Filter.1.Key': 'Name',
      'Filter.1.Value.1': 'prod 1',
      'Filter.1.Value.2': 'test*~',
      'Filter.2.Key': 'CenId',
      'Filter.2.Value.1': 'cen-abc',
      PageSize: '50',
    });
    expect(h.upstream.officialMismatches).toEqual([]);
  });

  test('non-ASCII and reserved characters are encoded so the signature holds', async () => {
    const h = harness(() => ({ body: RESPONSE_SAMPLES.CreateCen }));
    const res = await h.call('CreateCen', { Name: '测试 CEN*~', Description: "a+b/c!'()" });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(h.upstream.calls[0]!.params.Name).toBe('测试 CEN*~');
    expect(h.upstream.officialMismatches).toEqual([]);
  });
});

describe('what a caller may not send', () => {
  const reserved = ['Action', 'Version', 'AccessKeyId', 'Signature', 'SignatureNonce', 'SignatureMethod', 'Timestamp', 'SecurityToken', 'Format', 'RegionIdx', 'Foo', 'OwnerId'];
  test.each(reserved.map((k) => [k]))('%s is refused with 400 and nothing goes upstream', async (key) => {
    const h = harness(() => ({ body: RESPONSE_SAMPLES.DescribeCens }));
    const res = await h.call('DescribeCens', { [key]: 'x' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { Code: string; Issues: { path: string; message: string }[] };
    expect(body.Code).toBe('InvalidParameter');
    expect(body.Issues).toContainEqual(expect.objectContaining({ path: key }));
    expect(h.upstream.calls).toHaveLength(0);
  });

  test('reserved names nested in a list item are refused too', async () => {
    const h = harness(() => ({ body: RESPONSE_SAMPLES.DescribeCens }));
    const res = await h.call('DescribeCens', { Filter: [{ Key: 'Name', Value: ['a'], Signature: 'x' }] });
    expect(res.status).toBe(400);
    expect(h.upstream.calls).toHaveLength(0);
  });

  test('invalid parameters get 400 with every issue, and no upstream call', async () => {
    const h = harness(() => ({ body: RESPONSE_SAMPLES.DescribeCens }));
    const res = await h.call('DescribeCens', { PageSize: 500, Filter: [{ Key: 'Status', Value: ['Active'] }] });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { Code: string; Message: string; RequestId: string; Issues: { path: string; message: string }[] };
    expect(body.Code).toBe('InvalidParameter');
    expect(body.Issues.map((i) => i.path).sort()).toEqual(['Filter[0].Key', 'PageSize']);
    expect(body.Message).toMatch(/PageSize/);
    expect(body.RequestId).toBe(res.headers.get('X-Request-Id'));
    expect(h.upstream.calls).toHaveLength(0);
  });

  test('a required parameter that is missing is named', async () => {
    const h = harness(() => ({ body: {} }));
    const res = await h.call('DeleteCen', {});
    expect(res.status).toBe(400);
    const body = (await res.json()) as { Issues: { path: string; message: string }[] };
    expect(body.Issues).toContainEqual(expect.objectContaining({ path: 'CenId' }));
    expect(h.upstream.calls).toHaveLength(0);
  });

  test('a body that is not JSON, or not an object, is a 400 InvalidParameter', async () => {
    const h = harness(() => ({ body: {} }));
    for (const body of ['{"PageSize":', '[1,2]', 'null', '"text"', '42']) {
      const res = await h.call('DescribeCens', body);
      expect(res.status, body).toBe(400);
      const json = (await res.json()) as { Code: string; Issues: unknown[] };
      expect(json.Code).toBe('InvalidParameter');
      expect(json.Issues).toHaveLength(1);
    }
    expect(h.upstream.calls).toHaveLength(0);
  });

  test('a body that is not application/json is 415', async () => {
    const h = harness(() => ({ body: {} }));
    const res = await h.call('DescribeCens', 'PageSize=10', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { Code: string }).Code).toBe('UnsupportedMediaType');
    expect(h.upstream.calls).toHaveLength(0);
  });

  test('an empty body means no parameters', async () => {
    const h = harness(() => ({ body: RESPONSE_SAMPLES.DescribeCens }));
    const res = await h.app.request('https://worker.test/api/DescribeCens', { method: 'POST', headers: { authorization: `Bearer ${TEST_PORTAL_TOKEN}` } }, h.env);
    expect(res.status).toBe(200);
    expect(ownParams(h.upstream.calls[0]!.params)).toEqual({});
  });

  test('a body over 64 KiB is 413, declared or streamed', async () => {
    const h = harness(() => ({ body: {} }));
    const big = JSON.stringify({ Name: 'x'.repeat(70 * 1024) });
    const res = await h.call('CreateCen', big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { Code: string }).Code).toBe('PayloadTooLarge');
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 80; i++) c.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        c.close();
      },
    });
    const res2 = await h.app.request('https://worker.test/api/CreateCen', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit, h.env);
    expect(res2.status).toBe(413);
    expect(h.upstream.calls).toHaveLength(0);
  });

  test('an unknown action is 404 UnknownAction; prototype names too', async () => {
    const h = harness(() => ({ body: {} }));
    for (const name of ['DescribeEverything', 'constructor', '__proto__', 'describecens']) {
      const res = await h.call(name, {});
      expect(res.status, name).toBe(404);
      const body = (await res.json()) as { Code: string; RequestId: string };
      expect(body.Code).toBe('UnknownAction');
      expect(res.headers.get('X-Request-Id')).toBe(body.RequestId);
    }
    expect(h.upstream.calls).toHaveLength(0);
  });

  test('GET on an action is 405 with Allow: POST', async () => {
    const h = harness(() => ({ body: {} }));
    const res = await h.app.request('https://worker.test/api/DescribeCens', { headers: { authorization: `Bearer ${TEST_PORTAL_TOKEN}` } }, h.env);
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('POST');
  });
});

describe('Alibaba errors', () => {
  test.each([['JSON'], ['XML']])('pass through with Code, Message, RequestId, HostId, Recommend and status (%s)', async (format) => {
    const err = {
      RequestId: '9823FD72-9A5D-4D3F-BA2C-F8238696A81C',
      HostId: 'cbn.aliyuncs.com',
      Code: 'ParameterCenInstanceId',
      Message: 'The specified CEN instance does not exist.',
      Recommend: 'https://api.aliyun.com/troubleshoot?q=ParameterCenInstanceId&product=Cbn',
    };
    const h = harness(() => ({ status: 404, body: err }), { env: { UPSTREAM_FORMAT: format } });
    const res = await h.call('DeleteCen', { CenId: 'cen-doesnotexist' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(err);
    const ours = res.headers.get('X-Request-Id');
    expect(ours).toMatch(/^[0-9a-f-]{36}$/);
    expect(ours).not.toBe(err.RequestId);
    expect(h.upstream.calls).toHaveLength(1);
  });

  test('business 4xx on a read is not retried', async () => {
    const h = harness(() => ({ status: 400, body: { RequestId: 'R', Code: 'InvalidParameter', Message: 'bad' } }));
    const res = await h.call('DescribeCens', {});
    expect(res.status).toBe(400);
    expect(h.upstream.calls).toHaveLength(1);
  });

  test('SignatureDoesNotMatch with the same string to sign says: check the secret; no nonce leaks', async () => {
    const h = harness(() => ({ body: {} }), { env: { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'not-the-secret' } });
    const res = await h.call('DescribeCens', {});
    const text = await res.text();
    expect(res.status).toBe(400);
    const body = JSON.parse(text) as { Code: string; Hint: string; Message: string };
    expect(body.Code).toBe('SignatureDoesNotMatch');
    expect(body.Hint).toMatch(/check the AccessKey secret/);
    expect(body.Message).toMatch(/server string to sign is:POST&%2F&/);
    const nonce = h.upstream.calls[0]!.params.SignatureNonce!;
    expect(text).not.toContain(nonce);
    expect(text).not.toContain('not-the-secret');
    expect(text).not.toContain(h.upstream.calls[0]!.params.Signature!);
    expect(h.upstream.calls).toHaveLength(1);
  });

  test('SignatureDoesNotMatch with a different string to sign says: encoding problem', async () => {
    const h = harness(() => ({ body: {} }), { mock: { tamperStringToSign: (s) => s.replace('PageSize%3D10', 'PageSize%3D11') } });
    const res = await h.call('DescribeCens', { PageSize: 10 });
    const body = (await res.json()) as { Code: string; Hint: string };
    expect(body.Code).toBe('SignatureDoesNotMatch');
    expect(body.Hint).toMatch(/encod/);
    expect(body.Hint).not.toMatch(/check the AccessKey secret/);
  });

  test('an STS SecurityToken is signed and sent, and never echoed', async () => {
    const token = 'CAIS-sts-token-value-1234567890';
    const h = harness(() => ({ status: 400, body: { RequestId: 'R', Code: 'SignatureDoesNotMatch', Message: `server string to sign is:POST&%2F&SecurityToken%3D${token}%26SignatureNonce%3Dabc%26X` } }), {
      env: { ALIBABA_CLOUD_SECURITY_TOKEN: token },
    });
    const res = await h.call('DescribeCens', {});
    expect(h.upstream.calls[0]!.params.SecurityToken).toBe(token);
    expect(h.upstream.officialMismatches).toEqual([]);
    const text = await res.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain('SignatureNonce%3Dabc');
  });
});

describe('retries', () => {
  test('a throttled read (HTTP 400 Throttling.User) is retried, re-signed with a new nonce', async () => {
    const h = harness((_c, n) =>
      n === 0 ? { status: 400, body: { RequestId: 'T', Code: 'Throttling.User', Message: 'Request was denied due to user flow control.' } } : { body: RESPONSE_SAMPLES.DescribeCens },
    );
    const res = await h.call('DescribeCens', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(RESPONSE_SAMPLES.DescribeCens);
    expect(h.upstream.calls).toHaveLength(2);
    const [a, b] = h.upstream.calls;
    expect(a!.params.SignatureNonce).not.toBe(b!.params.SignatureNonce);
    expect(a!.params.Signature).not.toBe(b!.params.Signature);
    // Full jitter with random() = 0.5: half of min(cap, 100 ms).
    expect(h.sleeps).toEqual([50]);
  });

  test('x-acs-retry-after (ms) sets the wait', async () => {
    const h = harness((_c, n) =>
      n === 0 ? { status: 400, headers: { 'x-acs-retry-after': '750' }, body: { RequestId: 'T', Code: 'Throttling', Message: 'throttled' } } : { body: RESPONSE_SAMPLES.DescribeCens },
    );
    expect((await h.call('DescribeCens', {})).status).toBe(200);
    expect(h.sleeps).toEqual([750]);
  });

  test('reads stop after 3 attempts and return the last Alibaba error', async () => {
    const h = harness(() => ({ status: 503, body: { RequestId: 'U', Code: 'ServiceUnavailable', Message: 'try later' } }));
    const res = await h.call('DescribeCens', {});
    expect(res.status).toBe(503);
    expect(((await res.json()) as { Code: string }).Code).toBe('ServiceUnavailable');
    expect(h.upstream.calls).toHaveLength(3);
    expect(h.sleeps).toEqual([50, 100]);
  });

  test('a write without ClientToken gets one, and the retry reuses it', async () => {
    const h = harness((_c, n) => (n === 0 ? { status: 500, body: { RequestId: 'E', Code: 'InternalError', Message: 'oops' } } : { body: RESPONSE_SAMPLES.CreateCen }));
    const res = await h.call('CreateCen', { Name: 'prod' });
    expect(res.status).toBe(200);
    expect(h.upstream.calls).toHaveLength(2);
    const [a, b] = h.upstream.calls;
    expect(a!.params.ClientToken).toMatch(/^[\w-]{8,64}$/);
    expect(b!.params.ClientToken).toBe(a!.params.ClientToken);
    expect(b!.params.SignatureNonce).not.toBe(a!.params.SignatureNonce);
  });

  test("a caller's own ClientToken is kept", async () => {
    const h = harness(() => ({ body: RESPONSE_SAMPLES.CreateCen }));
    await h.call('CreateCen', { ClientToken: 'my-token-123' });
    expect(h.upstream.calls[0]!.params.ClientToken).toBe('my-token-123');
  });

  test('each call gets its own generated ClientToken', async () => {
    const h = harness(() => ({ body: RESPONSE_SAMPLES.CreateCen }));
    await h.call('CreateCen', {});
    await h.call('CreateCen', {});
    expect(h.upstream.calls[0]!.params.ClientToken).not.toBe(h.upstream.calls[1]!.params.ClientToken);
  });

  test('a write without ClientToken support is never retried', async () => {
    const h = harness(() => ({ status: 503, body: { RequestId: 'U', Code: 'ServiceUnavailable', Message: 'try later' } }));
    const res = await h.call('DeleteCen', { CenId: 'cen-abc' });
    expect(res.status).toBe(503);
    expect(h.upstream.calls).toHaveLength(1);
    expect(h.upstream.calls[0]!.params.ClientToken).toBeUndefined();
  });

  test('network errors are retried for reads, then 502 UpstreamUnavailable', async () => {
    const h = harness(() => ({ networkError: true }));
    const res = await h.call('DescribeCens', {});
    expect(res.status).toBe(502);
    const body = (await res.json()) as { Code: string; RequestId: string };
    expect(body.Code).toBe('UpstreamUnavailable');
    expect(body.RequestId).toBe(res.headers.get('X-Request-Id'));
    expect(h.upstream.calls).toHaveLength(3);
  });

  test('a hung upstream gives 504 UpstreamTimeout within the deadline', async () => {
    const h = harness(() => ({ hang: true }), { env: { UPSTREAM_ATTEMPT_TIMEOUT_MS: '150', UPSTREAM_DEADLINE_MS: '400' }, realSleep: true });
    const t0 = Date.now();
    const res = await h.call('DescribeCens', {});
    const ms = Date.now() - t0;
    expect(res.status).toBe(504);
    expect(((await res.json()) as { Code: string }).Code).toBe('UpstreamTimeout');
    expect(ms).toBeLessThan(400 + 250);
    expect(h.upstream.calls.length).toBeGreaterThanOrEqual(2);
    // Every attempt was cancelled, none left waiting.
    expect(h.upstream.calls.every((c) => c.signal.aborted)).toBe(true);
  });

  test('a hung write without ClientToken support times out after one attempt', async () => {
    const h = harness(() => ({ hang: true }), { env: { UPSTREAM_ATTEMPT_TIMEOUT_MS: '100', UPSTREAM_DEADLINE_MS: '1000' } });
    const res = await h.call('DeleteCen', { CenId: 'cen-abc' });
    expect(res.status).toBe(504);
    expect(h.upstream.calls).toHaveLength(1);
  });
});

describe('endpoints, profiles and the index', () => {
  test('VPC actions go to the central or the regional VPC host', async () => {
    const h = harness(() => ({ body: RESPONSE_SAMPLES.GrantInstanceToCen }));
    const base = minimalRequest('GrantInstanceToCen');
    await h.call('GrantInstanceToCen', { ...base, RegionId: 'cn-hangzhou' });
    await h.call('GrantInstanceToCen', { ...base, RegionId: 'eu-central-1' });
    expect(h.upstream.calls.map((c) => c.url.hostname)).toEqual(['vpc.aliyuncs.com', 'vpc.eu-central-1.aliyuncs.com']);
  });

  test('endpoint vars replace the hosts', async () => {
    const h = harness(() => ({ body: { RequestId: 'R', TotalCount: 0, PageNumber: 1, PageSize: 10, Cens: { Cen: [] } } }), {
      env: { ALIBABA_CLOUD_ENDPOINT_CBN: 'http://127.0.0.1:8791/cbn', ALIBABA_CLOUD_ENDPOINT_VPC: 'http://127.0.0.1:8791/vpc' },
    });
    await h.call('DescribeCens', {});
    await h.call('DescribeVpcs', { RegionId: 'eu-central-1' });
    expect(h.upstream.calls.map((c) => c.url.href)).toEqual(['http://127.0.0.1:8791/cbn/', 'http://127.0.0.1:8791/vpc/']);
  });

  test('an unknown X-Cen-Profile is a 400 that names it', async () => {
    const h = harness(() => ({ body: {} }));
    const res = await h.call('DescribeCens', {}, { headers: { 'X-Cen-Profile': 'B' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { Code: string; Message: string; Issues: { path: string; message: string }[] };
    expect(body.Code).toBe('InvalidParameter');
    expect(body.Issues[0]!.message).toMatch(/"B"/);
    expect(body.Issues[0]!.message).toMatch(/default/);
    expect(h.upstream.calls).toHaveLength(0);
  });

  test('GET /api lists every action with its JSON Schema, the backend and read-only state', async () => {
    const h = harness(() => ({ body: {} }));
    const res = await h.app.request('https://worker.test/api', { headers: { authorization: `Bearer ${TEST_PORTAL_TOKEN}` } }, h.env);
    expect(res.status).toBe(200);
    const index = (await res.json()) as { backend: string; readOnly: boolean; caller: { profiles: string[] }; actions: { Action: string; access: string; ClientToken: boolean; allowed: boolean; parameters: { type?: string } }[] };
    expect(index.backend).toBe('alibaba');
    expect(index.readOnly).toBe(false);
    expect(index.caller.profiles).toEqual(['default']);
    expect(index.actions.map((a) => a.Action).sort()).toEqual([...ACTION_NAMES].sort());
    const create = index.actions.find((a) => a.Action === 'CreateCen')!;
    expect(create).toMatchObject({ access: 'write', ClientToken: true, allowed: true });
    expect(create.parameters.type).toBe('object');
    expect(JSON.stringify(index)).not.toContain(TEST_KEY.secret);
  });

  test('the Worker never answers with the AccessKey secret, whatever happens', async () => {
    const h = harness((_c, n) => (n % 2 ? { status: 500, body: 'internal <b>error</b>' } : { body: 'not json at all' }));
    for (const action of ['DescribeCens', 'CreateCen', 'DeleteCen']) {
      const res = await h.call(action, action === 'DeleteCen' ? { CenId: 'cen-x' } : {});
      const text = await res.text();
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(text).not.toContain(TEST_KEY.secret);
      expect(JSON.parse(text)).toHaveProperty('Code');
    }
  });
});

describe('the stand-in checks signatures for real', () => {
  test('a request signed with another secret is refused by both checks', async () => {
    const { env } = await import('cloudflare:workers');
    const { mockAlibaba, signLikeOfficialClient, formEncode } = await import('../testing/mock-alibaba.js');
    const official = (env as unknown as { OFFICIAL_SIGNER: Fetcher }).OFFICIAL_SIGNER;
    const good = await signLikeOfficialClient('POST', { Action: 'DescribeCens', Version: '2017-09-12', Format: 'JSON' }, { accessKeyId: TEST_KEY.id, accessKeySecret: TEST_KEY.secret });
    const bad = await signLikeOfficialClient('POST', { Action: 'DescribeCens', Version: '2017-09-12', Format: 'JSON' }, { accessKeyId: TEST_KEY.id, accessKeySecret: 'other' });
    const verdict = async (p: Record<string, string>) =>
      ((await (await official.fetch('http://official/', { method: 'POST', headers: { 'x-test-secret': TEST_KEY.secret }, body: formEncode(p) })).json()) as { match: boolean }).match;
    expect(await verdict(good)).toBe(true);
    expect(await verdict(bad)).toBe(false);
    const upstream = mockAlibaba({ secrets: { [TEST_KEY.id]: TEST_KEY.secret }, answer: () => ({ body: { RequestId: 'R' } }) });
    const send = (p: Record<string, string>) =>
      upstream.fetch(new Request('https://cbn.aliyuncs.com/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: formEncode(p) }));
    expect((await send(good)).status).toBe(200);
    const refused = await send(bad);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { Code: string }).Code).toBe('SignatureDoesNotMatch');
  });
});

describe("the Worker's own failures", () => {
  test('a bug inside the Worker is a 500 InternalError without details', async () => {
    const { createApp } = await import('../app.js');
    const { mockAlibaba } = await import('../testing/mock-alibaba.js');
    const upstream = mockAlibaba({ secrets: { [TEST_KEY.id]: TEST_KEY.secret }, answer: () => ({ status: 503, body: { RequestId: 'U', Code: 'ServiceUnavailable', Message: 'x' } }) });
    const app = createApp({
      fetch: upstream.fetch,
      random: () => {
        throw new Error(`bug holding ${TEST_KEY.secret}`);
      },
    });
    const h = harness(() => ({ body: {} }));
    const res = await app.request('https://worker.test/api/DescribeCens', { method: 'POST', headers: { authorization: `Bearer ${TEST_PORTAL_TOKEN}` } }, h.env);
    expect(res.status).toBe(500);
    const text = await res.text();
    const body = JSON.parse(text) as { Code: string; RequestId: string };
    expect(body.Code).toBe('InternalError');
    expect(body.RequestId).toBe(res.headers.get('X-Request-Id'));
    expect(text).not.toContain('bug holding');
    expect(text).not.toContain(TEST_KEY.secret);
    expect(text).not.toMatch(/at .*\.ts/);
  });
});

describe('text that cannot be encoded', () => {
  test('a lone surrogate is a 400 naming the parameter, and nothing goes upstream', async () => {
    const h = harness(() => ({ body: RESPONSE_SAMPLES.DescribeCens }));
    const res = await h.call('DescribeCens', '{"Filter":[{"Key":"Name","Value":["ok","bad\\ud800"]}]}');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { Code: string; Issues: { path: string; message: string }[] };
    expect(body.Code).toBe('InvalidParameter');
    expect(body.Issues[0]!.path).toBe('Filter[0].Value[1]');
    expect(body.Issues[0]!.message).toMatch(/surrogate/);
    expect(h.upstream.calls).toHaveLength(0);
  });
});
