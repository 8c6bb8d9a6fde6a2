import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import * as fc from 'fast-check';
import {
  buildRequest,
  canonicalQuery,
  hmacSha1Base64,
  readWireParams,
  rpcTimestamp,
  signature,
  signRequest,
  stringToSign,
  verifySignature,
  type HttpMethod,
  type WireParams,
} from './index.js';
import { flattenParams } from './flatten.js';
import { percentEncode } from './encode.js';
import { nestedParams, popCoreParams, text, wireParams } from './test-arbitraries.js';

const require = createRequire(import.meta.url);
type OfficialUtil = {
  getRPCSignature(params: Record<string, unknown>, method: string, secret: string): string;
  query(params: Record<string, unknown>): Record<string, string>;
};
const OpenApiUtil = (require('@alicloud/openapi-util') as { default: OfficialUtil }).default;

const NONCE = '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf';
const TS = '2016-02-23T12:46:24Z';
const common = { AccessKeyId: 'testid', SignatureMethod: 'HMAC-SHA1', SignatureNonce: NONCE, SignatureVersion: '1.0', Timestamp: TS };
const V1 = { ...common, Action: 'DescribeRegions', Format: 'XML', Version: '2014-05-26' };
const method = fc.constantFrom<HttpMethod>('GET', 'POST');

describe('official vectors (cen-api.md §3.2)', () => {
  test('V1: ECS DescribeRegions, GET', async () => {
    expect(stringToSign('GET', V1)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(await signature('GET', V1, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  test('V1 through signRequest with the injected clock and nonce', async () => {
    const signed = await signRequest({
      method: 'GET',
      Action: 'DescribeRegions',
      Version: '2014-05-26',
      Format: 'XML',
      params: {},
      credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      now: () => new Date('2016-02-23T12:46:24.789Z'),
      nonce: () => NONCE,
    });
    expect(signed).toEqual({ ...V1, Signature: 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=' });
    // The URL form of the signature, as the documentation prints it.
    expect(buildRequest('https://ecs.aliyuncs.com', 'GET', signed).url).toContain('Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D');
  });

  test('V2: the older TimeStamp spelling', async () => {
    const { Timestamp, ...rest } = V1;
    expect(await signature('GET', { ...rest, TimeStamp: Timestamp }, 'testsecret')).toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=');
  });

  test('D2: the same parameters over POST sign differently', async () => {
    expect(stringToSign('POST', V1)).toBe(stringToSign('GET', V1).replace(/^GET/, 'POST'));
    expect(await signature('POST', V1, 'testsecret')).toBe('MxbnVAM4w6sft9xjVpe/GCKueuk=');
  });

  test('V3: Darabonba {query, body}', async () => {
    const p = { query: 'test', body: 'test' };
    expect(stringToSign('GET', p)).toBe('GET&%2F&body%3Dtest%26query%3Dtest');
    expect(await signature('GET', p, 'secret')).toBe('XlUyV4sXjOuX5FnjUz9IF9tm5rU=');
  });

  test('V4: Darabonba {test: ok} with an empty method', async () => {
    expect(stringToSign('', { test: 'ok' })).toBe('&%2F&test%3Dok');
    expect(await signature('', { test: 'ok' }, 'accessKeySecret')).toBe('jHx/oHoHNrbVfhncHEvPdHXZwHU=');
  });

  test('V5: the raw HMAC, key used as given', async () => {
    expect(await hmacSha1Base64('secret', 'source')).toBe('Jv4yi8SobFhg5t1C7nWLbhBSFZQ=');
    expect(await hmacSha1Base64('secret', '中文unicode')).toBe('szlfHs3WVaO/HgY3Cg7/uyXDaRw=');
  });

  test('Go SDK: a URL value is encoded twice', () => {
    expect(stringToSign('GET', { q: 'http://domain/?q=value&q2=value2', key: 'value' })).toBe(
      'GET&%2F&key%3Dvalue%26q%3Dhttp%253A%252F%252Fdomain%252F%253Fq%253Dvalue%2526q2%253Dvalue2',
    );
  });
});

describe('derived CEN vectors (cen-api.md §3.3, not official)', () => {
  test('D1: DescribeCens, XML, GET', async () => {
    expect(await signature('GET', { ...V1, Action: 'DescribeCens', Version: '2017-09-12' }, 'testsecret')).toBe('xNhvU18Qhbzlelrhr9HNW5CCGAY=');
  });

  test('D3: DescribeCens with a filter and asterisks', async () => {
    const p = { ...common, Action: 'DescribeCens', Format: 'JSON', Version: '2017-09-12', PageNumber: '1', PageSize: '50', 'Filter.1.Key': 'CenId', 'Filter.1.Value.1': 'cen-7qthudw0ll6jmc****' };
    expect(stringToSign('GET', p)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeCens%26Filter.1.Key%3DCenId%26Filter.1.Value.1%3Dcen-7qthudw0ll6jmc%252A%252A%252A%252A%26Format%3DJSON%26PageNumber%3D1%26PageSize%3D50%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2017-09-12',
    );
    expect(await signature('GET', p, 'testsecret')).toBe('bqtQbkh46jkL701x92GOfq6PQAU=');
  });

  test('D4: CreateCen with Chinese, a space and reserved characters, POST', async () => {
    const p = { ...common, Action: 'CreateCen', Format: 'JSON', Version: '2017-09-12', Name: '测试 CEN*~', Description: "a+b/c!'()" };
    expect(canonicalQuery(p)).toBe(
      'AccessKeyId=testid&Action=CreateCen&Description=a%2Bb%2Fc%21%27%28%29&Format=JSON&Name=%E6%B5%8B%E8%AF%95%20CEN%2A~&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2017-09-12',
    );
    expect(stringToSign('POST', p)).toBe(
      'POST&%2F&AccessKeyId%3Dtestid%26Action%3DCreateCen%26Description%3Da%252Bb%252Fc%2521%2527%2528%2529%26Format%3DJSON%26Name%3D%25E6%25B5%258B%25E8%25AF%2595%2520CEN%252A~%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2017-09-12',
    );
    expect(await signature('POST', p, 'testsecret')).toBe('YDKP17DJKCF3sOUWikxXYBbgIRo=');
  });
});

describe('canonical query', () => {
  test('sorts by name in code-unit order, so Filter.10 comes before Filter.2', () => {
    const q = canonicalQuery({ 'Filter.2.Key': 'b', 'Filter.10.Key': 'j', 'Filter.1.Value.1': 'v', 'Filter.1.Key': 'a', a: 'lower' });
    expect(q).toBe('Filter.1.Key=a&Filter.1.Value.1=v&Filter.10.Key=j&Filter.2.Key=b&a=lower');
  });

  test('leaves out a stale Signature, so re-signing gives the same signature', async () => {
    const p = { ...V1, Signature: 'stale' };
    expect(await signature('GET', p, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  test('a lone surrogate is refused with the parameter name', () => {
    expect(() => canonicalQuery({ Name: 'a\uDC00' })).toThrow(/parameter "Name": .*lone UTF-16 surrogate/);
  });
});

describe('differential against @alicloud/openapi-util 0.3.3', () => {
  test('same signature for 1,000 generated parameter sets, GET and POST, flattened by us', async () => {
    await fc.assert(
      fc.asyncProperty(nestedParams, method, fc.string({ minLength: 1, maxLength: 30 }), async (params, m, secret) => {
        const ours = await signature(m, flattenParams(params), secret);
        expect(ours).toBe(OpenApiUtil.getRPCSignature(params, m, secret));
      }),
      { numRuns: 1000 },
    );
  });

  test('our flattening equals OpenApiUtil.query', () => {
    fc.assert(
      fc.property(nestedParams, (params) => {
        expect(flattenParams(params)).toEqual({ ...OpenApiUtil.query(params) });
      }),
      { numRuns: 1000 },
    );
  });

  test('the HMAC key cache stays right beyond its size (40 different secrets)', async () => {
    for (let i = 0; i < 40; i++) {
      const secret = `secret-${i}`;
      expect(await signature('GET', V1, secret)).toBe(OpenApiUtil.getRPCSignature(V1, 'GET', secret));
    }
    expect(await signature('GET', V1, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });
});

describe('signRequest against @alicloud/pop-core 1.8.0 (signed URL captured without network)', () => {
  const RPCClient = require('@alicloud/pop-core') as new (cfg: Record<string, string>) => {
    request(action: string, params: Record<string, unknown>, opts: Record<string, unknown>): Promise<unknown>;
  };
  const httpx = require(require.resolve('httpx', { paths: [require.resolve('@alicloud/pop-core')] })) as {
    request: (url: string, opts: { data?: string }) => Promise<unknown>;
  };

  /** The wire parameters pop-core would send (query for GET, form body for POST). */
  async function popCoreWire(cfg: Record<string, string>, action: string, params: Record<string, unknown>, m: HttpMethod): Promise<WireParams> {
    const orig = httpx.request;
    let sent: string | undefined;
    httpx.request = async (url, opts) => {
      sent = m === 'POST' ? opts.data : new URL(url).search.slice(1);
      throw new Error('no-network');
    };
    try {
      await new RPCClient(cfg).request(action, params, { method: m }).catch((e: Error) => {
        if (e.message !== 'no-network') throw e;
      });
    } finally {
      httpx.request = orig;
    }
    if (sent === undefined) throw new Error('pop-core did not reach httpx.request');
    return Object.fromEntries(new URLSearchParams(sent));
  }

  const cfg = { accessKeyId: 'testid', accessKeySecret: 'testsecret', endpoint: 'https://cbn.aliyuncs.com', apiVersion: '2017-09-12' };

  test('the feasibility example: DescribeCens, GET', async () => {
    const pop = await popCoreWire(cfg, 'DescribeCens', { Timestamp: TS, SignatureNonce: NONCE }, 'GET');
    const ours = await signRequest({
      method: 'GET',
      Action: 'DescribeCens',
      Version: '2017-09-12',
      params: {},
      credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      now: () => new Date(TS),
      nonce: () => NONCE,
    });
    expect(pop.Signature).toBe('WK2k0V/j5c1mixshWC7JUjBFkXA=');
    expect(ours).toEqual(pop);
  });

  test('identical wire parameters and signature for generated requests, GET and POST, with an STS token', async () => {
    await fc.assert(
      fc.asyncProperty(
        popCoreParams,
        method,
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.uuid(),
        fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{1,40}$/), { nil: undefined }),
        async (params, m, date, nonce, securityToken) => {
          const credentials = { accessKeyId: 'LTAI-test', accessKeySecret: 'secret/+=', ...(securityToken ? { securityToken } : {}) };
          const pop = await popCoreWire(
            { ...cfg, ...credentials },
            'DescribeCens',
            { ...params, Timestamp: rpcTimestamp(date), SignatureNonce: nonce },
            m,
          );
          const ours = await signRequest({
            method: m,
            Action: 'DescribeCens',
            Version: '2017-09-12',
            params: flattenParams(params),
            credentials,
            now: () => date,
            nonce: () => nonce,
          });
          expect(ours).toEqual(pop);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('every call makes a new nonce, so a retry is a new request', async () => {
    const opts = { method: 'GET' as const, Action: 'DescribeCens', Version: '2017-09-12', params: {}, credentials: { accessKeyId: 'a', accessKeySecret: 'b' } };
    const [a, b] = await Promise.all([signRequest(opts), signRequest(opts)]);
    expect(a.SignatureNonce).not.toBe(b.SignatureNonce);
    expect(a.Signature).not.toBe(b.Signature);
    expect(a.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  test('action parameters cannot override the common parameters', async () => {
    const signed = await signRequest({
      method: 'GET',
      Action: 'DescribeCens',
      Version: '2017-09-12',
      params: { Action: 'DeleteCen', AccessKeyId: 'other', Signature: 'x', PageSize: '10' },
      credentials: { accessKeyId: 'mine', accessKeySecret: 's' },
    });
    expect(signed).toMatchObject({ Action: 'DescribeCens', AccessKeyId: 'mine', PageSize: '10' });
    expect(await verifySignature('GET', signed, 's')).toEqual({ ok: true });
  });
});

describe('verifySignature', () => {
  const creds = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
  const sign = (m: HttpMethod, params: WireParams, securityToken?: string) =>
    signRequest({ method: m, Action: 'DescribeCens', Version: '2017-09-12', params, credentials: { ...creds, ...(securityToken ? { securityToken } : {}) } });

  test('accepts what signRequest produced', async () => {
    await fc.assert(
      fc.asyncProperty(wireParams, method, fc.option(text, { nil: undefined }), async (params, m, token) => {
        expect(await verifySignature(m, await sign(m, params, token || undefined), 'testsecret')).toEqual({ ok: true });
      }),
      { numRuns: 200 },
    );
  });

  test('rejects any changed, added or removed parameter and returns the server string-to-sign', async () => {
    const tamper = fc.oneof(
      fc.record({ kind: fc.constant('change' as const), pick: fc.nat(), value: text }),
      fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), value: text }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat(), value: fc.constant('') }),
    );
    await fc.assert(
      fc.asyncProperty(wireParams, method, tamper, async (params, m, t) => {
        const signed = await sign(m, params);
        const names = Object.keys(signed).filter((k) => k !== 'Signature' && k !== 'SignatureMethod' && k !== 'SignatureVersion');
        const target = names[t.pick % names.length]!;
        const bad: WireParams = { ...signed };
        if (t.kind === 'change') {
          fc.pre(bad[target] !== t.value);
          bad[target] = t.value;
        } else if (t.kind === 'add') {
          fc.pre(!('Extra' in bad));
          bad.Extra = t.value;
        } else delete bad[target];
        const r = await verifySignature(m, bad, 'testsecret');
        expect(r).toEqual({ ok: false, code: 'SignatureDoesNotMatch', stringToSign: stringToSign(m, bad) });
        // The changed pair appears, encoded twice, in what the server says it signed.
        if (t.kind === 'change' && !r.ok) expect(r.stringToSign).toContain(percentEncode(`${percentEncode(target)}=${percentEncode(t.value)}`));
      }),
      { numRuns: 300 },
    );
  });

  test('the other method, another secret or a changed signature do not match', async () => {
    const signed = await sign('GET', { PageSize: '10' });
    const wrongMethod = await verifySignature('POST', signed, 'testsecret');
    expect(wrongMethod).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(wrongMethod.ok || wrongMethod.stringToSign.startsWith('POST&%2F&AccessKeyId%3Dtestid%26')).toBe(true);
    // Same string-to-sign with a wrong secret: the hint that the secret, not the encoding, is wrong.
    expect(await verifySignature('GET', signed, 'other')).toEqual({ ok: false, code: 'SignatureDoesNotMatch', stringToSign: stringToSign('GET', signed) });
    const sig = signed.Signature!;
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
    for (const s of [flipped, sig.slice(0, -1), sig + '=', sig.toLowerCase()]) {
      expect(await verifySignature('GET', { ...signed, Signature: s }, 'testsecret')).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    }
  });

  test('a missing signature or another signature method is named as such', async () => {
    const signed = await sign('GET', {});
    const { Signature: _, ...unsigned } = signed;
    expect(await verifySignature('GET', unsigned, 'testsecret')).toMatchObject({ ok: false, code: 'IncompleteSignature' });
    expect(await verifySignature('GET', { ...signed, SignatureMethod: 'HMAC-SHA256' }, 'testsecret')).toMatchObject({ ok: false, code: 'UnsupportedSignatureMethod' });
    expect(await verifySignature('GET', { ...signed, SignatureVersion: '2.0' }, 'testsecret')).toMatchObject({ ok: false, code: 'UnsupportedSignatureMethod' });
  });
});

describe('buildRequest and readWireParams', () => {
  test('round trip: what the server reads is what was signed, and it verifies (GET query, POST form)', async () => {
    await fc.assert(
      fc.asyncProperty(wireParams, method, async (params, m) => {
        const signed = await signRequest({ method: m, Action: 'DescribeCens', Version: '2017-09-12', params, credentials: { accessKeyId: 'id', accessKeySecret: 'sk' } });
        const req = buildRequest('https://cbn.aliyuncs.com', m, signed);
        expect(req.method).toBe(m);
        const read = await readWireParams(req);
        expect(read).toEqual(signed);
        expect(await verifySignature(req.method, read, 'sk')).toEqual({ ok: true });
      }),
      { numRuns: 200 },
    );
  });

  test('GET puts everything in the query; POST sends a form body to the endpoint root', async () => {
    const get = buildRequest('https://cbn.aliyuncs.com', 'GET', { A: 'x y', B: '+' });
    expect(get.url).toBe('https://cbn.aliyuncs.com/?A=x%20y&B=%2B');
    expect(get.body).toBeNull();
    const post = buildRequest('https://cbn.aliyuncs.com/', 'POST', { A: 'x y', B: '+' });
    expect(post.url).toBe('https://cbn.aliyuncs.com/');
    expect(post.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(await post.text()).toBe('A=x%20y&B=%2B');
  });

  test("the caller's headers and init are kept", async () => {
    const ctl = new AbortController();
    const post = buildRequest('https://cbn.aliyuncs.com', 'POST', { A: '1' }, { headers: { 'x-acs-test': '1', accept: 'application/xml' }, signal: ctl.signal });
    expect(post.headers.get('x-acs-test')).toBe('1');
    expect(post.headers.get('accept')).toBe('application/xml');
    expect(post.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    ctl.abort();
    expect(post.signal.aborted).toBe(true);
    expect(buildRequest('https://x.test', 'GET', {}, { headers: { 'x-a': 'b' } }).headers.get('x-a')).toBe('b');
  });

  test('a POST form with a charset is read, query and body are merged, a JSON body is not a form', async () => {
    const form = new Request('https://x.test/?Action=DescribeCens', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body: 'Name=%E6%B5%8B%E8%AF%95+CEN&Empty=',
    });
    expect(await readWireParams(form)).toEqual({ Action: 'DescribeCens', Name: '测试 CEN', Empty: '' });
    const json = new Request('https://x.test/?Action=DescribeCens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"Name":"x"}' });
    expect(await readWireParams(json)).toEqual({ Action: 'DescribeCens' });
  });
});
