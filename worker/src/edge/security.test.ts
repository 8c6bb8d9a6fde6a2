/**
 * The security layer through the real app on the emulator backend: callers
 * (portal tokens, Cloudflare Access, anonymous, the local emulator caller),
 * the origin gate and CORS, headers, body limits, policies, the read-only
 * switch and credential profiles.
 */
import { SEED } from '@cen-kit/emulator';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearJwksCache } from '../auth/access-jwt.js';
import { accessClaims, hs256Jwt, jwksServer, makeKey, signJwt, unsignedJwt, type TestKey } from '../auth/testing.js';
import { registerTestSecret } from '../audit/test-secrets.js';
import { ALLOW_HEADERS } from './origin.js';
import { LIMITS } from './rate-limit.js';
import { allow, appUnderTest, baseEnv, deny, json, newToken, policy, resetEmulator, type Json } from './testing.js';

const TEAM = 'https://acme.cloudflareaccess.com';
const AUD = 'cen-kit-aud-0123456789';
let clock = Date.UTC(2026, 3, 1, 12, 0, 0);
let key: TestKey;
let rogue: TestKey;
const jwks = jwksServer(TEAM, () => [key]);
const { call, api } = appUnderTest({ security: { fetch: jwks.fetch, now: () => clock } });

const PORTAL = 'https://portal.example.com';
const OTHER = 'https://other.example.com';
const cenArn = (id: string) => `acs:cen:*:*:ceninstance/${id}`;

let logs: string[] = [];
beforeAll(async () => {
  key = await makeKey('team-key-1');
  rogue = await makeKey('team-key-1');
});
beforeEach(async () => {
  clearJwksCache();
  logs = [];
  for (const level of ['log', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation((...a: unknown[]) => void logs.push(a.map(String).join(' ')));
  await resetEmulator();
});
afterEach(() => vi.restoreAllMocks());

describe('the local emulator caller (no caller configuration, no credentials)', () => {
  it('may do everything, so `npm start` works out of the box', async () => {
    const index = await json(await call('/api'));
    expect(index.caller).toEqual({ kind: 'emulator', name: 'emulator', profiles: ['A', 'B'], defaultProfile: 'A' });
    expect(index.actions.every((a: Json) => a.allowed)).toBe(true);
    const res = await api('ModifyCenAttribute', { CenId: SEED.cenId, Name: 'renamed' });
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it('gives way as soon as callers are configured', async () => {
    const t = await newToken(policy(allow('cen:Describe*')));
    const res = await api('DescribeCens', {}, { env: { PORTAL_TOKENS: JSON.stringify([t.entry]) } });
    expect(res.status).toBe(401);
    expect((await json(res)).Code).toBe('Unauthorized');
    expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
  });
});

describe('portal tokens', () => {
  it('accept a valid token and refuse a missing, wrong or malformed one', async () => {
    const t = await newToken(policy(allow('cen:Describe*')));
    const env = { PORTAL_TOKENS: JSON.stringify([t.entry]) };
    const ok = await api('DescribeCens', {}, { env, headers: { authorization: `Bearer ${t.token}` } });
    expect(ok.status).toBe(200);
    expect((await json(ok)).Cens.Cen.map((c: Json) => c.CenId)).toContain(SEED.cenId);

    for (const [authorization, code] of [
      [undefined, 'Unauthorized'],
      [`Bearer ${t.token}x`, 'InvalidToken'],
      [`Bearer ${t.token.slice(0, -1)}`, 'InvalidToken'],
      [`Basic ${btoa(`user:${t.token}`)}`, 'InvalidToken'],
      ['Bearer', 'InvalidToken'],
      [`Bearer ${'a'.repeat(600)}`, 'InvalidToken'],
    ] as const) {
      const res = await api('DescribeCens', {}, { env, headers: authorization ? { authorization } : {} });
      expect(res.status, authorization).toBe(401);
      expect((await json(res)).Code).toBe(code);
    }
  });

  it('name the caller in GET /api', async () => {
    const t = await newToken(policy(allow('cen:Describe*')));
    const index = await json(await call('/api', { env: { PORTAL_TOKENS: JSON.stringify([t.entry]) }, headers: { authorization: `Bearer ${t.token}` } }));
    expect(index.caller).toEqual({ kind: 'token', name: t.name, profiles: ['A', 'B'], defaultProfile: 'A' });
  });

  it('are refused from an origin they are not listed for, even an origin the Worker allows', async () => {
    const t = await newToken(policy(allow('*')), { origins: [PORTAL] });
    const env = { PORTAL_TOKENS: JSON.stringify([t.entry]), ALLOWED_ORIGINS: `${PORTAL}, ${OTHER}` };
    const auth = { authorization: `Bearer ${t.token}` };
    const other = await api('ModifyCenAttribute', { CenId: SEED.cenId, Name: 'from-other' }, { env, headers: { ...auth, origin: OTHER } });
    expect(other.status).toBe(403);
    expect((await json(other)).Message).toContain(t.name);
    expect((await json(await api('DescribeCens', {}, { env, headers: { ...auth, origin: PORTAL } }))).Cens).toBeDefined();
    // Server to server (no Origin) is fine.
    expect((await api('DescribeCens', {}, { env, headers: auth })).status).toBe(200);
    // Nothing changed through the refused call.
    const cens = await json(await api('DescribeCens', { Filter: [{ Key: 'CenId', Value: [SEED.cenId] }] }, { env, headers: auth }));
    expect(cens.Cens.Cen[0].Name).not.toBe('from-other');
  });

  it('turn a malformed PORTAL_TOKENS into a 500 that names the place, not the value', async () => {
    const res = await api('DescribeCens', {}, { env: { PORTAL_TOKENS: '[{"name":"x","sha256":"sekrit-not-hex","policy":{"Statement":[]}}]' } });
    expect(res.status).toBe(500);
    const body = await json(res);
    expect(body.Code).toBe('InvalidConfiguration');
    expect(body.Message).toContain('PORTAL_TOKENS[0].sha256');
    expect(body.Message).not.toContain('sekrit');
  });
});

describe('Cloudflare Access', () => {
  const accessEnv = (policies: unknown[]) => ({ ACCESS_TEAM_DOMAIN: 'acme', ACCESS_AUD: AUD, ACCESS_POLICIES: JSON.stringify(policies) });
  const env = accessEnv([
    { emails: ['ana@example.com'], policy: policy(allow('cen:*')) },
    { emailDomains: ['readers.example.com'], policy: policy(allow('cen:Describe*')), profiles: ['B'] },
    { groups: ['net-admins'], policy: policy(allow('vpc:Describe*')) },
  ]);
  const now = () => clock / 1000;
  const jwt = (email: string, extra: Json = {}, k = key) => signJwt(k, accessClaims(TEAM, AUD, email, now(), extra));
  const viaHeader = async (token: string, action = 'DescribeCens', body: Json = {}) => api(action, body, { env, headers: { 'Cf-Access-Jwt-Assertion': token } });

  it('accepts a valid assertion in the header or the CF_Authorization cookie, and maps e-mail, domain and groups to policies', async () => {
    expect((await viaHeader(await jwt('Ana@Example.com'), 'ModifyCenAttribute', { CenId: SEED.cenId, Name: 'by-ana' })).status).toBe(200);
    const cookie = await api('DescribeCens', {}, { env, headers: { cookie: `other=1; CF_Authorization=${await jwt('bo@readers.example.com')}` } });
    expect(cookie.status).toBe(200);

    const reader = await json(await call('/api', { env, headers: { 'Cf-Access-Jwt-Assertion': await jwt('bo@readers.example.com') } }));
    expect(reader.caller).toEqual({ kind: 'access', name: 'bo@readers.example.com', profiles: ['B'], defaultProfile: 'B' });
    const allowed = (i: Json, a: string) => i.actions.find((x: Json) => x.Action === a).allowed;
    expect(allowed(reader, 'DescribeCens')).toBe(true);
    expect(allowed(reader, 'CreateCen')).toBe(false);
    expect(allowed(reader, 'DescribeVpcs')).toBe(false);

    const admin = await json(await call('/api', { env, headers: { 'Cf-Access-Jwt-Assertion': await jwt('cy@example.org', { groups: ['net-admins'] }) } }));
    expect(allowed(admin, 'DescribeVpcs')).toBe(true);
    expect(allowed(admin, 'DescribeCens')).toBe(false);
    expect(jwks.hits()).toBe(1);
  });

  it('refuses forged, expired, misaddressed and unsigned assertions with 401', async () => {
    const cases: [string, string][] = [
      ['wrong key', await jwt('ana@example.com', {}, rogue)],
      ['expired', await jwt('ana@example.com', { exp: now() - 3600 })],
      ['not yet valid', await jwt('ana@example.com', { nbf: now() + 3600 })],
      ['wrong aud', await jwt('ana@example.com', { aud: ['another-app'] })],
      ['wrong iss', await jwt('ana@example.com', { iss: 'https://evil.cloudflareaccess.com' })],
      ['alg none', unsignedJwt(accessClaims(TEAM, AUD, 'ana@example.com', now()))],
      ['alg HS256', await hs256Jwt(key, accessClaims(TEAM, AUD, 'ana@example.com', now()))],
      ['garbage', 'abc.def'],
    ];
    for (const [what, token] of cases) {
      const res = await viaHeader(token, 'ModifyCenAttribute', { CenId: SEED.cenId, Name: 'forged' });
      expect(res.status, what).toBe(401);
      expect((await json(res)).Code, what).toBe('InvalidToken');
    }
    const cens = await json(await viaHeader(await jwt('ana@example.com'), 'DescribeCens', { Filter: [{ Key: 'CenId', Value: [SEED.cenId] }] }));
    expect(cens.Cens.Cen[0].Name).not.toBe('forged');
  });

  it('gives an identity that no entry names nothing, and says so', async () => {
    const token = await jwt('stranger@example.net');
    const index = await json(await call('/api', { env, headers: { 'Cf-Access-Jwt-Assertion': token } }));
    expect(index.actions.some((a: Json) => a.allowed)).toBe(false);
    const res = await viaHeader(token);
    expect(res.status).toBe(403);
    expect((await json(res)).Message).toMatch(/stranger@example\.net.*cen:DescribeCens.*No entry of ACCESS_POLICIES matches/);
  });
});

describe('anonymous callers', () => {
  it('read only when ANONYMOUS="read", and are told how to do more', async () => {
    const t = await newToken(policy(allow('*')));
    const env = { PORTAL_TOKENS: JSON.stringify([t.entry]), ANONYMOUS: 'read' };
    expect((await api('DescribeCens', {}, { env })).status).toBe(200);
    expect((await api('DescribeVpcs', { RegionId: 'cn-hangzhou' }, { env })).status).toBe(200);
    const write = await api('ModifyCenAttribute', { CenId: SEED.cenId, Name: 'anon' }, { env });
    expect(write.status).toBe(403);
    expect((await json(write)).Message).toMatch(/anonymous caller may not call cen:ModifyCenAttribute.*Bearer/);
    const index = await json(await call('/api', { env }));
    expect(index.caller).toEqual({ kind: 'anonymous', name: 'anonymous', profiles: ['A'], defaultProfile: 'A' });
    expect(index.actions.filter((a: Json) => a.allowed).every((a: Json) => a.access === 'read')).toBe(true);
  });
});

describe('a deployment with real credentials and no caller configuration', () => {
  const upstreamCalls: Request[] = [];
  const real = appUnderTest({
    fetch: async (r) => {
      upstreamCalls.push(r);
      return Response.json({ RequestId: 'R-1', TotalCount: 0, PageNumber: 1, PageSize: 10, Cens: { Cen: [] } });
    },
  });
  const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI-real', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'real-secret-value-xyz' };
  registerTestSecret(env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);

  it('serves nothing and says why on every refused call', async () => {
    for (const [action, body] of [['DescribeCens', {}], ['CreateCen', { Name: 'x' }]] as const) {
      const res = await real.api(action, body, { env });
      expect(res.status).toBe(403);
      const err = await json(res);
      expect(err.Code).toBe('Forbidden');
      expect(err.Message).toMatch(/No callers are configured.*PORTAL_TOKENS.*ACCESS_TEAM_DOMAIN/);
    }
    expect(upstreamCalls).toHaveLength(0);
  });

  it('serves reads, never writes, with ANONYMOUS="read"', async () => {
    expect((await real.api('DescribeCens', {}, { env: { ...env, ANONYMOUS: 'read' } })).status).toBe(200);
    expect(upstreamCalls).toHaveLength(1);
    const write = await real.api('CreateCen', { Name: 'x' }, { env: { ...env, ANONYMOUS: 'read' } });
    expect(write.status).toBe(403);
    expect((await json(write)).Message).toMatch(/No callers are configured/);
    expect(upstreamCalls).toHaveLength(1);
  });
});

describe('the origin gate and CORS', () => {
  const env = { ALLOWED_ORIGINS: `${PORTAL}, https://docs.example.com/` };

  it('refuses a disallowed Origin with 403 before anything runs', async () => {
    for (const origin of [OTHER, 'null', 'https://portal.example.com.evil.com', 'http://portal.example.com']) {
      const res = await api('ModifyCenAttribute', { CenId: SEED.cenId, Name: 'cross-site' }, { env, headers: { origin } });
      expect(res.status, origin).toBe(403);
      expect((await json(res)).Code).toBe('Forbidden.Origin');
      expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    }
    const cens = await json(await api('DescribeCens', { Filter: [{ Key: 'CenId', Value: [SEED.cenId] }] }, { env }));
    expect(cens.Cens.Cen[0].Name).not.toBe('cross-site');
  });

  it('lets listed origins and the Worker itself through, with CORS headers for credentialed calls', async () => {
    for (const origin of [PORTAL, 'https://docs.example.com', 'https://worker.test']) {
      const res = await api('DescribeCens', {}, { env, headers: { origin } });
      expect(res.status, origin).toBe(200);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe(origin);
      expect(res.headers.get('Access-Control-Allow-Credentials')).toBe('true');
      expect(res.headers.get('Access-Control-Expose-Headers')).toContain('X-Request-Id');
      expect(res.headers.get('Vary')).toContain('Origin');
    }
    // Errors carry CORS headers too, so a page can read them.
    const err = await api('NoSuchAction', {}, { env, headers: { origin: PORTAL } });
    expect(err.status).toBe(404);
    expect(err.headers.get('Access-Control-Allow-Origin')).toBe(PORTAL);
  });

  it('answers preflights for allowed origins only', async () => {
    const preflight = (origin: string) =>
      call('/api/CreateCen', { method: 'OPTIONS', env, headers: { origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key' } });
    const ok = await preflight(PORTAL);
    expect(ok.status).toBe(204);
    expect(Object.fromEntries([...ok.headers].filter(([k]) => k.startsWith('access-control') || k === 'vary'))).toEqual({
      'access-control-allow-origin': PORTAL,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': ALLOW_HEADERS,
      'access-control-allow-credentials': 'true',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    expect(ALLOW_HEADERS.split(', ')).toEqual(['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Cen-Profile', 'X-Request-Id']);
    const bad = await preflight(OTHER);
    expect(bad.status).toBe(403);
    expect(bad.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('sends secure headers on every /api answer', async () => {
    for (const res of [await call('/api'), await api('DescribeCens'), await api('NoSuchAction'), await api('DescribeCens', {}, { env, headers: { origin: OTHER } })]) {
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
      expect(res.headers.get('Cache-Control')).toBe('no-store');
    }
  });
});

describe('bodies', () => {
  it('refuses more than 16 KiB (declared or streamed) with 413, and anything but JSON with 415', async () => {
    const big = JSON.stringify({ Name: 'x', Description: 'y'.repeat(17 * 1024) });
    const declared = await api('CreateCen', big);
    expect(declared.status).toBe(413);
    expect((await json(declared)).Code).toBe('PayloadTooLarge');

    const chunks = [new TextEncoder().encode(big.slice(0, 9000)), new TextEncoder().encode(big.slice(9000))];
    const stream = new ReadableStream({
      pull(c) {
        const next = chunks.shift();
        if (next) c.enqueue(next);
        else c.close();
      },
    });
    const { app } = appUnderTest();
    const streamed = await app.request('https://worker.test/api/CreateCen', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit, (await import('./testing.js')).baseEnv());
    expect(streamed.status).toBe(413);

    const text = await api('CreateCen', 'Name=x', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(text.status).toBe(415);
    expect((await json(text)).Code).toBe('UnsupportedMediaType');
    const { app: app2 } = appUnderTest();
    const untyped = await app2.request('https://worker.test/api/DescribeCens', { method: 'POST', body: new TextEncoder().encode('{}') }, (await import('./testing.js')).baseEnv());
    expect(untyped.status).toBe(415);
    expect((await app2.request('https://worker.test/api/DescribeCens', { method: 'POST' }, (await import('./testing.js')).baseEnv())).status).toBe(200);
  });
});

describe('policies', () => {
  const as = async (p: unknown, extra: Record<string, unknown> = {}) => {
    const t = await newToken(p, extra);
    const env = { PORTAL_TOKENS: JSON.stringify([t.entry]) };
    const headers = { authorization: `Bearer ${t.token}` };
    return {
      name: t.name,
      api: (action: string, body: Json = {}, more: Record<string, string> = {}) => api(action, body, { env, headers: { ...headers, ...more } }),
      index: async (more: Record<string, string> = {}) => json(await call('/api', { env, headers: { ...headers, ...more } })),
    };
  };
  const allowedIn = (index: Json) => new Set(index.actions.filter((a: Json) => a.allowed).map((a: Json) => a.Action as string));

  it('allow what they name, with wildcards, and refuse the rest with 403 naming the action', async () => {
    const reader = await as(policy(allow(['cen:Describe*', 'vpc:DescribeVpcs'])));
    expect((await reader.api('DescribeCens')).status).toBe(200);
    expect((await reader.api('DescribeCenBandwidthPackages')).status).toBe(200);
    expect((await reader.api('DescribeVpcs', { RegionId: 'cn-hangzhou' })).status).toBe(200);
    const refused = await reader.api('CreateCen', { Name: 'nope' });
    expect(refused.status).toBe(403);
    const err = await json(refused);
    expect(err.Code).toBe('Forbidden');
    expect(err.Message).toContain('cen:CreateCen');
    expect(err.Message).toContain(reader.name);
    expect((await reader.api('DescribeRouteTables', { RegionId: 'cn-hangzhou' })).status).toBe(403);

    const index = await reader.index();
    expect(allowedIn(index)).toEqual(new Set(index.actions.filter((a: Json) => (a.product === 'Cbn' && a.Action.startsWith('Describe')) || a.Action === 'DescribeVpcs').map((a: Json) => a.Action)));
  });

  it('scope statements to resources and name the refused resource', async () => {
    const scoped = await as(policy(allow('cen:Describe*'), allow('cen:ModifyCenAttribute', cenArn(SEED.cenId))));
    expect((await scoped.api('ModifyCenAttribute', { CenId: SEED.cenId, Name: 'scoped-ok' })).status).toBe(200);
    const other = await scoped.api('ModifyCenAttribute', { CenId: 'cen-0000000000000other', Name: 'nope' });
    expect(other.status).toBe(403);
    expect((await json(other)).Message).toContain(cenArn('cen-0000000000000other'));
    // Allowed on some resource: GET /api shows it, so the element can offer it.
    expect(allowedIn(await scoped.index()).has('ModifyCenAttribute')).toBe(true);
    expect(allowedIn(await scoped.index()).has('DeleteCen')).toBe(false);
  });

  it('let an explicit Deny win over an Allow', async () => {
    const p = await as(policy(allow('cen:*'), deny('cen:DeleteCen'), deny('cen:ModifyCenAttribute', cenArn(SEED.cenId))));
    const del = await p.api('DeleteCen', { CenId: SEED.cenId });
    expect(del.status).toBe(403);
    const mod = await p.api('ModifyCenAttribute', { CenId: SEED.cenId, Name: 'denied' });
    expect(mod.status).toBe(403);
    expect((await json(mod)).Message).toMatch(/denies/);
    const index = allowedIn(await p.index());
    expect(index.has('DeleteCen')).toBe(false);
    expect(index.has('ModifyCenAttribute')).toBe(true);
    expect(index.has('CreateCen')).toBe(true);
    expect((await json(await p.api('DescribeCens', { Filter: [{ Key: 'CenId', Value: [SEED.cenId] }] }))).Cens.Cen[0].Name).not.toBe('denied');
  });

  it('give way to the read-only switch', async () => {
    const env = { READ_ONLY: 'true' };
    const res = await api('CreateCen', { Name: 'ro' }, { env });
    expect(res.status).toBe(403);
    expect((await json(res)).Message).toMatch(/read-only/);
    expect((await api('DescribeCens', {}, { env })).status).toBe(200);
    const index = await json(await call('/api', { env }));
    expect(index.readOnly).toBe(true);
    expect(index.actions.filter((a: Json) => a.allowed).every((a: Json) => a.access === 'read')).toBe(true);
  });

  it('restrict credential profiles: the default is the caller\'s, others are refused by name', async () => {
    const onlyB = await as(policy(allow('*')), { profiles: ['B'], defaultProfile: 'B' });
    // Account B owns no CEN; account A owns the seed CEN.
    const viaDefault = await json(await onlyB.api('DescribeCens'));
    expect(viaDefault.Cens.Cen.map((c: Json) => c.CenId)).not.toContain(SEED.cenId);
    const refused = await onlyB.api('DescribeCens', {}, { 'X-Cen-Profile': 'A' });
    expect(refused.status).toBe(403);
    expect((await json(refused)).Message).toMatch(/profile "A" \(it may use: B\)/);
    expect((await onlyB.api('DescribeCens', {}, { 'X-Cen-Profile': 'nope' })).status).toBe(400);
    expect((await onlyB.index()).caller).toMatchObject({ profiles: ['B'], defaultProfile: 'B' });

    const both = await as(policy(allow('*')));
    expect((await json(await both.api('DescribeCens', {}, { 'X-Cen-Profile': 'A' }))).Cens.Cen.map((c: Json) => c.CenId)).toContain(SEED.cenId);
  });
});

describe('rate limits', () => {
  /** Writes until the first 429 (invalid parameters: cheap, and nothing reaches the emulator). */
  async function untilThrottled(env: Json, headers: Record<string, string>) {
    const windowOf = () => Math.floor(Date.now() / 1000 / LIMITS.write.period);
    const started = windowOf();
    for (let i = 0; i < 2 * LIMITS.write.limit + 2; i++) {
      const res = await api('ModifyCenAttribute', {}, { env, headers });
      if (res.status === 429) return { passed: i, res, sameWindow: windowOf() === started };
      expect(res.status).toBe(400);
    }
    throw new Error('never throttled');
  }

  it('answer 429 Throttling.User with Retry-After once a caller is over its write limit', async () => {
    // Miniflare provides the [[ratelimits]] bindings of wrangler.toml.
    expect(typeof baseEnv().RATE_LIMIT_WRITE?.limit).toBe('function');
    expect(typeof baseEnv().RATE_LIMIT_READ?.limit).toBe('function');
    const t = await newToken(policy(allow('*')));
    const { passed, res, sameWindow } = await untilThrottled({ PORTAL_TOKENS: JSON.stringify([t.entry]) }, { authorization: `Bearer ${t.token}` });
    // The binding counts per window; only a window boundary in the middle of the loop allows more.
    if (sameWindow) expect(passed).toBe(LIMITS.write.limit);
    const err = await json(res);
    expect(err.Code).toBe('Throttling.User');
    const retry = Number(res.headers.get('Retry-After'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(LIMITS.write.period);
    // Reads have their own, larger budget; other callers are not affected.
    expect((await api('DescribeCens', {}, { env: { PORTAL_TOKENS: JSON.stringify([t.entry]) }, headers: { authorization: `Bearer ${t.token}` } })).status).toBe(200);
    const u = await newToken(policy(allow('*')));
    expect((await api('ModifyCenAttribute', {}, { env: { PORTAL_TOKENS: JSON.stringify([u.entry]) }, headers: { authorization: `Bearer ${u.token}` } })).status).toBe(400);
  });

  it('still hold without the binding (in-isolate token bucket)', async () => {
    const t = await newToken(policy(allow('*')));
    const { passed, res } = await untilThrottled({ PORTAL_TOKENS: JSON.stringify([t.entry]), RATE_LIMIT_WRITE: undefined }, { authorization: `Bearer ${t.token}` });
    expect(passed).toBe(LIMITS.write.limit);
    expect(Number(res.headers.get('Retry-After'))).toBe(Math.ceil(LIMITS.write.period / LIMITS.write.limit));
  });
});

describe('logs', () => {
  it('hold no token, assertion or key of these tests', async () => {
    const t = await newToken(policy(allow('*')));
    const env = { PORTAL_TOKENS: JSON.stringify([t.entry]) };
    await api('CreateCen', { Name: 'logged' }, { env, headers: { authorization: `Bearer ${t.token}` } });
    await api('CreateCen', { Name: 'logged' }, { env, headers: { authorization: `Bearer ${t.token}zz` } });
    const audit = logs.map((l) => JSON.parse(l) as Json).filter((l) => l.audit);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ audit: true, caller: { kind: 'token', name: t.name }, profile: 'A', action: 'CreateCen', resources: ['acs:cen:*:*:ceninstance/*'], status: 200 });
    expect(audit[0]!.upstreamRequestId).toEqual(expect.any(String));
    expect(audit[0]!.ms).toEqual(expect.any(Number));
    expect(audit[1]).toMatchObject({ caller: { kind: 'unauthenticated' }, status: 401, code: 'InvalidToken' });
    const text = logs.join('\n');
    for (const secret of [t.token, t.entry.sha256, 'emulator-test-secret-a-not-a-real-key', 'Signature=', 'SignatureNonce']) expect(text).not.toContain(secret);
  });
});
