/**
 * Test helpers for callers: RSA keys and signed Access tokens made in the
 * test, a key-set server for an injected fetch, and portal token
 * configuration. Used by tests only.
 */
import { sha256Hex } from './portal-token.js';

export interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JsonWebKey & { kid: string };
}

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const b64urlJson = (v: unknown) => b64url(new TextEncoder().encode(JSON.stringify(v)));

/** A fresh RS256 key pair with its public JWK. */
export async function makeKey(kid: string): Promise<TestKey> {
  const pair = (await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const pub = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey;
  return { kid, privateKey: pair.privateKey, jwk: { kty: 'RSA', n: pub.n!, e: pub.e!, alg: 'RS256', use: 'sig', kid } };
}

/** A JWT signed with `key` (RS256), or with the header given (alg games). */
export async function signJwt(key: TestKey, payload: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  const h = b64urlJson({ alg: 'RS256', kid: key.kid, typ: 'JWT', ...header });
  const p = b64urlJson(payload);
  const sig = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key.privateKey, new TextEncoder().encode(`${h}.${p}`)));
  return `${h}.${p}.${b64url(sig)}`;
}

/** An unsigned token (`alg: none`). */
export function unsignedJwt(payload: Record<string, unknown>): string {
  return `${b64urlJson({ alg: 'none', typ: 'JWT' })}.${b64urlJson(payload)}.`;
}

/** An HS256 token keyed with the public key's modulus (the classic algorithm-confusion attack). */
export async function hs256Jwt(key: TestKey, payload: Record<string, unknown>): Promise<string> {
  const h = b64urlJson({ alg: 'HS256', kid: key.kid, typ: 'JWT' });
  const p = b64urlJson(payload);
  const hmac = await crypto.subtle.importKey('raw', new TextEncoder().encode(JSON.stringify(key.jwk)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, new TextEncoder().encode(`${h}.${p}`)));
  return `${h}.${p}.${b64url(sig)}`;
}

/** A fetch that serves the team's key set and counts the requests. */
export function jwksServer(teamUrl: string, keys: () => TestKey[]): { fetch: (r: Request) => Promise<Response>; hits: () => number } {
  let hits = 0;
  return {
    fetch: async (r: Request) => {
      if (r.url !== `${teamUrl}/cdn-cgi/access/certs`) return new Response('not found', { status: 404 });
      hits++;
      return Response.json({ keys: keys().map((k) => k.jwk), public_cert: { kid: 'x', cert: '' } });
    },
    hits: () => hits,
  };
}

/** Access token claims for `email`, valid for an hour from `nowSec`. */
export function accessClaims(teamUrl: string, aud: string, email: string, nowSec: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { aud: [aud], email, exp: nowSec + 3600, iat: nowSec, nbf: nowSec, iss: teamUrl, type: 'app', identity_nonce: 'n', sub: 'user-1', country: 'XX', ...extra };
}

/** One PORTAL_TOKENS entry for a raw token. */
export async function tokenEntry(name: string, token: string, policy: unknown, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return { name, sha256: await sha256Hex(token), origins: [], policy, ...extra };
}

/**
 * A portal token with full access for tests that exercise something else
 * (the routes, the upstream): `TEST_PORTAL_TOKEN` is sent as a bearer token;
 * each call of `fullAccessTokens()` names a new caller, so its rate limits
 * start afresh.
 */
export const TEST_PORTAL_TOKEN = 'cen-kit-test-portal-token';
/** SHA-256 hex of TEST_PORTAL_TOKEN (checked in portal-token.test.ts). */
export const TEST_PORTAL_TOKEN_SHA256 = 'a1ed6236903a7cded0a92ac7e4e6f571435913a3f2d5545686e2d04db2d923d2';

export function fullAccessTokens(name = `test-${crypto.randomUUID()}`): string {
  return JSON.stringify([{ name, sha256: TEST_PORTAL_TOKEN_SHA256, origins: ['*'], policy: { Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }]);
}
