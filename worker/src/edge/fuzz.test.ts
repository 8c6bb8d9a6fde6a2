/**
 * Property-based fuzz of the edge: thousands of malformed requests (paths,
 * methods, bodies, types, headers, huge and deeply nested values), each with
 * at least one certain defect. Every one must get a 4xx Alibaba-shaped JSON
 * error, none a 5xx, and none may reach the upstream (counted at the
 * instrumented fetch that stands in for Alibaba).
 */
import { ACTION_NAMES, apiIndexActions } from '@cen-kit/catalog';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { minimalRequest } from '../../../packages/catalog/src/testing/samples.js';
import { TEST_PORTAL_TOKEN, TEST_PORTAL_TOKEN_SHA256, fullAccessTokens } from '../auth/testing.js';
import { createApp } from '../app.js';
import { registerTestSecret } from '../audit/test-secrets.js';
import { baseEnv } from './testing.js';

const RUNS = 5000;
const SECRET = 'fuzz-secret-value-0123456789';
registerTestSecret(SECRET);
const upstream: Request[] = [];
const app = createApp({
  fetch: async (r) => {
    upstream.push(r);
    return new Response('{"Code":"ShouldNotHappen","Message":"reached upstream"}', { status: 500 });
  },
  random: () => 0.5,
  sleep: async () => {},
});
const always = { limit: async () => ({ success: true }) };
const env = {
  ...baseEnv(),
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI-fuzz',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
  PORTAL_TOKENS: fullAccessTokens('fuzzer'),
  ALLOWED_ORIGINS: 'https://portal.example.com',
  // Rate limits are tested elsewhere; here every request must reach validation.
  RATE_LIMIT_READ: always,
  RATE_LIMIT_WRITE: always,
};

const actions = apiIndexActions();
const writes = actions.filter((a) => a.access === 'write').map((a) => a.Action);
const withRequired = actions.filter((a) => ((a.parameters as { required?: string[] }).required ?? []).length > 0).map((a) => a.Action);
const propsOf = (name: string) => Object.keys((actions.find((a) => a.Action === name)!.parameters as { properties?: object }).properties ?? {});

interface Fuzz {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const action = fc.constantFrom(...ACTION_NAMES);
const headerText = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 40 });
const isJson = (t: string) => {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
};
const deep = fc.integer({ min: 1, max: 400 }).map((d) => {
  let v: unknown = fc.sample(fc.jsonValue(), 1)[0];
  for (let i = 0; i < d; i++) v = { k: v };
  return v;
});
const post = (kind: string, name: string, body: string, headers: Record<string, string> = {}): Fuzz => ({
  kind,
  method: 'POST',
  path: `/api/${name}`,
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

const malformed: fc.Arbitrary<Fuzz> = fc.oneof(
  // An action the catalogue does not know (or a path below one).
  fc.tuple(fc.string({ minLength: 1, maxLength: 80 }), fc.boolean()).filter(([s]) => !ACTION_NAMES.includes(s as never)).map(([s, nested]) =>
    post('unknown-action', nested ? `${encodeURIComponent(s)}/${encodeURIComponent(s)}` : encodeURIComponent(s), '{}'),
  ),
  // Raw paths: malformed %-escapes, dot segments, odd characters.
  fc.tuple(fc.constantFrom('%', '%E0%A4%A', '%ZZ', '..%2F..%2F', '%00', 'Describe%Cens', '%F0%9F', '..', '.', '%2e%2e', 'a%2Fb', '%C0%AF'), fc.string({ maxLength: 10 }).map(encodeURIComponent)).map(([raw, tail]) =>
    post('raw-path', `${raw}${tail}`, '{}'),
  ),
  // A JSON body that is not an object.
  fc.tuple(action, fc.oneof(fc.array(fc.jsonValue(), { maxLength: 5 }), fc.string(), fc.double(), fc.boolean(), fc.constant(null))).map(([a, v]) => post('not-an-object', a, JSON.stringify(v) ?? 'null')),
  // A parameter the action does not have, next to anything else.
  fc.tuple(action, fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })).map(([a, k, v, rest]) =>
    post('unknown-parameter', a, JSON.stringify({ ...rest, [`Zz_${k}`]: v })),
  ),
  // A known parameter with a deeply nested object for a value.
  fc.tuple(action, deep).filter(([a]) => propsOf(a).length > 0).chain(([a, v]) => fc.constantFrom(...propsOf(a)).map((p) => post('nested-value', a, JSON.stringify({ ...minimalRequest(a as never), [p]: v })))),
  // Wrongly typed scalars and lists.
  fc.tuple(action, fc.oneof(fc.constant([[[]]]), fc.constant({}), fc.constant([{}, [1]]))).filter(([a]) => propsOf(a).length > 0).chain(([a, v]) =>
    fc.constantFrom(...propsOf(a)).map((p) => post('wrong-type', a, JSON.stringify({ ...minimalRequest(a as never), [p]: v }))),
  ),
  // Required parameters missing.
  fc.constantFrom(...withRequired).map((a) => post('missing-required', a, '{}')),
  // Text that is not JSON.
  fc.tuple(action, fc.string({ maxLength: 60 })).map(([a, s]) => post('invalid-json', a, `{"${s}`)).filter((f) => !isJson(f.body!)),
  fc.tuple(action, fc.constantFrom('{', '[', '{"a":1,}', "{'a':1}", 'NaN', '{"a":undefined}', '\u0000', '{"a":1}}', 'nul')).map(([a, t]) => post('invalid-json', a, t)),
  // Too big: one long value, many keys, or deep arrays.
  fc.tuple(action, fc.integer({ min: 16 * 1024 + 1, max: 64 * 1024 })).map(([a, n]) => post('huge', a, JSON.stringify({ Name: 'x'.repeat(n) }))),
  fc.tuple(action, fc.integer({ min: 1200, max: 3000 })).map(([a, n]) => post('huge', a, JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`K${i}`, i * 1000]))))),
  fc.tuple(action, fc.integer({ min: 8200, max: 20000 })).map(([a, n]) => post('huge', a, '['.repeat(n) + ']'.repeat(n))),
  // Not JSON at all, by type.
  fc.tuple(action, fc.oneof(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'application/json-patch+json', 'json', 'application/xml'), headerText.filter((t) => !/^application\/json\s*(;|$)/i.test(t)))).map(([a, type]) =>
    post('content-type', a, '{}', { 'content-type': type }),
  ),
  // Wrong method on an action.
  fc.tuple(action, fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH')).map(([a, method]) => ({ kind: 'method', method, path: `/api/${a}`, headers: {} as Record<string, string>, ...(method === 'GET' ? {} : { body: '{}' }) })),
  // A valid call with one bad header.
  fc.tuple(fc.constantFrom(...writes), fc.oneof(fc.constant(''), fc.integer({ min: 256, max: 400 }).map((n) => 'k'.repeat(n)))).map(([a, key]) =>
    post('idempotency-key', a, JSON.stringify(minimalRequest(a as never)), { 'Idempotency-Key': key }),
  ),
  fc.tuple(action, headerText.filter((t) => t !== 'default')).map(([a, p]) => post('profile', a, JSON.stringify(minimalRequest(a as never)), { 'X-Cen-Profile': p })),
  fc.tuple(action, fc.oneof(fc.constant('null'), fc.constant('https://evil.example.com'), headerText.map((h) => `https://${h}.example.org`))).map(([a, origin]) =>
    post('origin', a, JSON.stringify(minimalRequest(a as never)), { origin }),
  ),
  fc.tuple(action, fc.oneof(headerText.map((t) => `Bearer ${t}`), headerText.map((t) => `Basic ${t}`), fc.constant('Bearer'))).filter(([, h]) => h !== `Bearer ${TEST_PORTAL_TOKEN}`).map(([a, authorization]) =>
    post('authorization', a, JSON.stringify(minimalRequest(a as never)), { authorization }),
  ),
);

const seen = new Map<string, number>();
const statuses = new Map<number, number>();

afterAll(() => {
  // What the fuzz covered, for the test log.
  console.info(JSON.stringify({ fuzz: Object.fromEntries(seen), statuses: Object.fromEntries(statuses) }));
});

describe('malformed requests', () => {
  it(`${RUNS} of them each get a 4xx JSON error, and none reaches Alibaba`, async () => {
    const logs: string[] = [];
    for (const level of ['log', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation((...a: unknown[]) => void logs.push(a.map(String).join(' ')));
    try {
      await fc.assert(
        fc.asyncProperty(malformed, async (f) => {
          seen.set(f.kind, (seen.get(f.kind) ?? 0) + 1);
          const headers = new Headers(f.headers);
          if (!headers.has('authorization') && f.kind !== 'authorization') headers.set('authorization', `Bearer ${TEST_PORTAL_TOKEN}`);
          const res = await app.request(`https://worker.test${f.path}`, { method: f.method, headers, ...(f.body !== undefined ? { body: f.body } : {}) }, env);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const text = await res.text();
          if (res.status < 400 || res.status >= 500) throw new Error(`${f.kind}: ${f.method} ${f.path.slice(0, 80)} → ${res.status} ${text.slice(0, 300)}`);
          const body = JSON.parse(text) as { Code?: unknown; Message?: unknown; RequestId?: unknown };
          if (typeof body.Code !== 'string' || typeof body.Message !== 'string' || body.RequestId !== res.headers.get('X-Request-Id')) throw new Error(`${f.kind}: not an Alibaba-shaped error: ${text.slice(0, 200)}`);
          if (upstream.length) throw new Error(`${f.kind}: reached the upstream`);
          if (text.includes(SECRET) || text.includes(TEST_PORTAL_TOKEN)) throw new Error(`${f.kind}: a secret in the answer`);
        }),
        { numRuns: RUNS },
      );
    } finally {
      vi.restoreAllMocks();
    }
    expect(upstream).toHaveLength(0);
    expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
    // Every kind of defect was tried many times.
    expect(seen.size).toBe(15);
    for (const [kind, n] of seen) expect(n, kind).toBeGreaterThan(50);
    const logText = logs.join('\n');
    for (const secret of [SECRET, TEST_PORTAL_TOKEN, TEST_PORTAL_TOKEN_SHA256]) expect(logText).not.toContain(secret);
  }, 120_000);
});
