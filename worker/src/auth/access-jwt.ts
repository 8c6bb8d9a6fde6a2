/**
 * Cloudflare Access JSON Web Tokens (`Cf-Access-Jwt-Assertion` header or the
 * `CF_Authorization` cookie): RS256 only, signed by a key of the team's key
 * set (https://<team>.cloudflareaccess.com/cdn-cgi/access/certs), with the
 * team as `iss`, our application's AUD tag in `aud`, and `exp`/`nbf` in force.
 *
 * The key set is cached in the isolate for JWKS_TTL_MS; a token signed by a
 * key we do not know yet (rotation) triggers one early refresh, at most every
 * JWKS_MIN_REFRESH_MS.
 */
import { ApiError } from '../errors.js';

export const JWKS_TTL_MS = 10 * 60_000;
export const JWKS_MIN_REFRESH_MS = 30_000;
/** Clock difference tolerated on `exp` and `nbf`. */
export const LEEWAY_SECONDS = 30;
const MAX_JWT_LENGTH = 16 * 1024;
const JWKS_TIMEOUT_MS = 5000;

export interface AccessVerifyOptions {
  /** `https://<team>.cloudflareaccess.com`. */
  teamUrl: string;
  audiences: readonly string[];
  /** Fetches the key set (injected in tests). */
  fetch: (request: Request) => Promise<Response>;
  /** Milliseconds since the epoch (injected in tests). */
  now: () => number;
}

export interface AccessIdentity {
  /** E-mail of a user, or the common name of a service token. */
  name: string;
  email?: string;
  groups: string[];
}

/** A token that is not acceptable, with the reason for the caller. */
export class AccessTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessTokenError';
  }
}

interface KeySet {
  keys: Map<string, CryptoKey>;
  fetchedAt: number;
}

const keySets = new Map<string, KeySet>();
const pending = new Map<string, Promise<KeySet>>();

/** Forgets every cached key set (tests; a key rotation is handled on its own). */
export function clearJwksCache(): void {
  keySets.clear();
  pending.clear();
}

/**
 * Verifies an Access token and returns who it names.
 *
 * @example
 * ```ts
 * const who = await verifyAccessJwt(jwt, { teamUrl: 'https://acme.cloudflareaccess.com', audiences: [aud], fetch, now: Date.now });
 * who.email; // 'ana@example.com'
 * ```
 */
export async function verifyAccessJwt(token: string, o: AccessVerifyOptions): Promise<AccessIdentity> {
  if (token.length > MAX_JWT_LENGTH) throw new AccessTokenError('the Access token is too long');
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) throw new AccessTokenError('the Access token is not a JWT');
  const [h, p, s] = parts as [string, string, string];
  const header = jsonPart(h, 'header');
  const payload = jsonPart(p, 'payload');
  // Only RS256: `none`, HS256 (a public key used as an HMAC secret) and the rest are refused outright.
  if (header.alg !== 'RS256') throw new AccessTokenError(`the Access token's algorithm ${JSON.stringify(String(header.alg).slice(0, 20))} is not accepted (RS256 only)`);
  const kid = typeof header.kid === 'string' ? header.kid : undefined;

  const signature = b64urlBytes(s);
  const data = new TextEncoder().encode(`${h}.${p}`);
  const candidates = await keysFor(kid, o);
  let valid = false;
  for (const key of candidates) {
    if (await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature, data)) {
      valid = true;
      break;
    }
  }
  if (!valid) throw new AccessTokenError('the Access token signature does not verify with the team key set');

  if (typeof payload.iss !== 'string' || payload.iss.replace(/\/+$/, '') !== o.teamUrl) throw new AccessTokenError('the Access token was issued by another team (iss)');
  const aud = typeof payload.aud === 'string' ? [payload.aud] : Array.isArray(payload.aud) ? payload.aud : [];
  if (!aud.some((a) => typeof a === 'string' && o.audiences.includes(a))) throw new AccessTokenError('the Access token is for another application (aud)');
  const now = o.now() / 1000;
  if (typeof payload.exp !== 'number') throw new AccessTokenError('the Access token has no expiry (exp)');
  if (now > payload.exp + LEEWAY_SECONDS) throw new AccessTokenError('the Access token has expired');
  if (typeof payload.nbf === 'number' && now + LEEWAY_SECONDS < payload.nbf) throw new AccessTokenError('the Access token is not valid yet (nbf)');

  const email = typeof payload.email === 'string' && payload.email ? payload.email : undefined;
  const name = email ?? (typeof payload.common_name === 'string' && payload.common_name ? payload.common_name : undefined);
  if (!name) throw new AccessTokenError('the Access token names no e-mail or service token');
  const identity: AccessIdentity = { name, groups: groupsOf(payload.groups) };
  if (email) identity.email = email;
  return identity;
}

function groupsOf(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  // Access puts names (or objects with id/name/email, depending on the identity provider) here.
  return v.flatMap((g): string[] => {
    if (typeof g === 'string') return [g];
    if (g && typeof g === 'object') {
      const r = g as Record<string, unknown>;
      return [r.id, r.name, r.email].filter((x): x is string => typeof x === 'string');
    }
    return [];
  });
}

async function keysFor(kid: string | undefined, o: AccessVerifyOptions): Promise<CryptoKey[]> {
  let set = await keySet(o, false);
  const pick = (s: KeySet) => (kid === undefined ? [...s.keys.values()] : s.keys.has(kid) ? [s.keys.get(kid)!] : []);
  let keys = pick(set);
  if (!keys.length && o.now() - set.fetchedAt >= JWKS_MIN_REFRESH_MS) {
    set = await keySet(o, true);
    keys = pick(set);
  }
  if (!keys.length) throw new AccessTokenError('the Access token is signed by a key the team does not publish');
  return keys;
}

async function keySet(o: AccessVerifyOptions, force: boolean): Promise<KeySet> {
  const url = `${o.teamUrl}/cdn-cgi/access/certs`;
  const cached = keySets.get(url);
  if (cached && !force && o.now() - cached.fetchedAt < JWKS_TTL_MS) return cached;
  let inflight = pending.get(url);
  if (!inflight) {
    inflight = loadKeySet(url, o).finally(() => pending.delete(url));
    pending.set(url, inflight);
  }
  try {
    const set = await inflight;
    keySets.set(url, set);
    return set;
  } catch (e) {
    // A stale set beats no set while the team's endpoint is down.
    if (cached) return cached;
    throw e;
  }
}

async function loadKeySet(url: string, o: AccessVerifyOptions): Promise<KeySet> {
  const unavailable = (why: string) => new ApiError(503, 'ServiceUnavailable', `The Cloudflare Access key set could not be loaded (${why}); try again shortly.`);
  let res: Response;
  try {
    res = await o.fetch(new Request(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(JWKS_TIMEOUT_MS) }));
  } catch {
    throw unavailable('network error');
  }
  if (!res.ok) throw unavailable(`HTTP ${res.status}`);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw unavailable('not JSON');
  }
  const list = (body as { keys?: unknown }).keys;
  if (!Array.isArray(list)) throw unavailable('no keys');
  const keys = new Map<string, CryptoKey>();
  for (const [i, jwk] of list.entries()) {
    if (!jwk || typeof jwk !== 'object') continue;
    const k = jwk as Record<string, unknown>;
    if (k.kty !== 'RSA' || typeof k.n !== 'string' || typeof k.e !== 'string') continue;
    if (k.alg !== undefined && k.alg !== 'RS256') continue;
    try {
      const key = await crypto.subtle.importKey('jwk', { kty: 'RSA', n: k.n, e: k.e, alg: 'RS256', ext: true }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
      keys.set(typeof k.kid === 'string' ? k.kid : `#${i}`, key);
    } catch {
      // One bad key must not take the others down.
    }
  }
  if (!keys.size) throw unavailable('no usable RS256 keys');
  return { keys, fetchedAt: o.now() };
}

function jsonPart(part: string, what: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(new TextDecoder().decode(b64urlBytes(part)));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AccessTokenError(`the Access token ${what} is not a JSON object`);
}

function b64urlBytes(s: string): Uint8Array<ArrayBuffer> {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new AccessTokenError('the Access token is not valid base64url');
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
