import { beforeEach, describe, expect, it } from 'vitest';
import { AccessTokenError, clearJwksCache, JWKS_MIN_REFRESH_MS, JWKS_TTL_MS, verifyAccessJwt, type AccessVerifyOptions } from './access-jwt.js';
import { accessClaims, hs256Jwt, jwksServer, makeKey, signJwt, unsignedJwt, type TestKey } from './testing.js';

const TEAM = 'https://acme.cloudflareaccess.com';
const AUD = 'aud-tag-1234';
const NOW = Date.UTC(2026, 3, 1, 12, 0, 0);
const nowSec = NOW / 1000;

let key: TestKey;
let other: TestKey;
let published: TestKey[];
let clock: number;
let server: ReturnType<typeof jwksServer>;
let opts: AccessVerifyOptions;

beforeEach(async () => {
  clearJwksCache();
  key ??= await makeKey('k1');
  other ??= await makeKey('k2');
  published = [key];
  clock = NOW;
  server = jwksServer(TEAM, () => published);
  opts = { teamUrl: TEAM, audiences: [AUD], fetch: server.fetch, now: () => clock };
});

const claims = (extra: Record<string, unknown> = {}) => accessClaims(TEAM, AUD, 'Ana@Example.com', nowSec, extra);

async function refused(token: string, reason: RegExp) {
  const err = await verifyAccessJwt(token, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AccessTokenError);
  expect((err as Error).message).toMatch(reason);
}

describe('verifyAccessJwt', () => {
  it('accepts a token signed by a published key, for our audience, from our team', async () => {
    const who = await verifyAccessJwt(await signJwt(key, claims({ groups: ['cen-admins', { id: 'g-2', name: 'ops' }] })), opts);
    expect(who).toEqual({ name: 'Ana@Example.com', email: 'Ana@Example.com', groups: ['cen-admins', 'g-2', 'ops'] });
  });

  it('accepts a service token (common_name, no e-mail)', async () => {
    const who = await verifyAccessJwt(await signJwt(key, { ...claims(), email: undefined, common_name: 'ci.access' }), opts);
    expect(who).toEqual({ name: 'ci.access', groups: [] });
  });

  it('refuses a token signed by another key (forged)', async () => {
    await refused(await signJwt(other, claims(), { kid: 'k1' }), /signature does not verify/);
  });

  it('refuses a token whose key is not published', async () => {
    await refused(await signJwt(other, claims()), /key the team does not publish/);
  });

  it('refuses the wrong audience and the wrong issuer', async () => {
    await refused(await signJwt(key, claims({ aud: ['someone-else'] })), /another application \(aud\)/);
    await refused(await signJwt(key, claims({ iss: 'https://evil.cloudflareaccess.com' })), /another team \(iss\)/);
  });

  it('refuses alg none, HS256 and anything but RS256', async () => {
    await refused(unsignedJwt(claims()), /algorithm "none" is not accepted/);
    await refused(await hs256Jwt(key, claims()), /algorithm "HS256" is not accepted/);
    await refused(await signJwt(key, claims(), { alg: 'RS512' }), /algorithm "RS512" is not accepted/);
  });

  it('enforces exp and nbf with a small leeway', async () => {
    await refused(await signJwt(key, claims({ exp: nowSec - 31 })), /expired/);
    await expect(verifyAccessJwt(await signJwt(key, claims({ exp: nowSec - 10 })), opts)).resolves.toBeTruthy();
    await refused(await signJwt(key, claims({ nbf: nowSec + 120 })), /not valid yet/);
    await refused(await signJwt(key, claims({ exp: undefined })), /no expiry/);
  });

  it('refuses garbage', async () => {
    await refused('not-a-jwt', /not a JWT/);
    await refused('a.b.c', /header is not a JSON object/);
    await refused('x'.repeat(20_000), /too long/);
  });

  it('caches the key set, refreshes it after the TTL, and early on an unknown key id', async () => {
    const t1 = await signJwt(key, claims());
    await verifyAccessJwt(t1, opts);
    await verifyAccessJwt(t1, opts);
    expect(server.hits()).toBe(1);

    // Rotation: a new key appears; a token with its kid makes one early refresh (once the minimum gap has passed).
    published = [key, other];
    const t2 = await signJwt(other, claims());
    await refused(t2, /does not publish/); // within JWKS_MIN_REFRESH_MS of the last fetch: no refetch
    expect(server.hits()).toBe(1);
    clock += JWKS_MIN_REFRESH_MS;
    await expect(verifyAccessJwt(t2, opts)).resolves.toMatchObject({ email: 'Ana@Example.com' });
    expect(server.hits()).toBe(2);

    clock += JWKS_TTL_MS;
    await verifyAccessJwt(await signJwt(key, claims({ exp: clock / 1000 + 60 })), opts);
    expect(server.hits()).toBe(3);
  });

  it('says the key set is unavailable (503) when the team endpoint fails', async () => {
    const err = await verifyAccessJwt(await signJwt(key, claims()), { ...opts, fetch: async () => new Response('down', { status: 502 }) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 503, code: 'ServiceUnavailable' });
  });
});
