/**
 * Alibaba Cloud RPC signatures (SignatureVersion 1.0, HMAC-SHA1) with WebCrypto.
 * Pure apart from WebCrypto: the clock and the nonce are injectable.
 */
import { percentEncode } from './encode.js';
import type { WireParams } from './flatten.js';

export type HttpMethod = 'GET' | 'POST';

/** Sorted by name (code-unit order), each name and value percent-encoded, joined with `&`. */
export function canonicalQuery(params: WireParams): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => encodePair(k, params[k]!))
    .join('&');
}

/** `name=value`, both percent-encoded; an encoding error names the parameter. */
function encodePair(name: string, value: string): string {
  try {
    return `${percentEncode(name)}=${percentEncode(value)}`;
  } catch (e) {
    throw new URIError(`parameter ${JSON.stringify(name.slice(0, 80))}: ${(e as Error).message}`);
  }
}

/** `METHOD&%2F&` + the canonical query encoded once more. */
export function stringToSign(method: string, params: WireParams): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

const encoder = new TextEncoder();
// Decoding a whole buffer (no `stream`) keeps no state, so one decoder serves every call.
const decoder = new TextDecoder();
const keyCache = new Map<string, Promise<CryptoKey>>();
const KEY_CACHE_MAX = 32;

function hmacKey(key: string): Promise<CryptoKey> {
  let k = keyCache.get(key);
  if (!k) {
    if (keyCache.size >= KEY_CACHE_MAX) keyCache.delete(keyCache.keys().next().value!);
    k = crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
    keyCache.set(key, k);
  }
  return k;
}

function toBase64(buf: ArrayBuffer): string {
  let bin = '';
  for (const b of new Uint8Array(buf)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Base64 HMAC-SHA1 of `data` under `key` (used as given). The imported key is cached. */
export async function hmacSha1Base64(key: string, data: string): Promise<string> {
  return toBase64(await crypto.subtle.sign('HMAC', await hmacKey(key), encoder.encode(data)));
}

/** The signature of a parameter set: HMAC-SHA1 keyed with `secret&`. */
export function signature(method: string, params: WireParams, secret: string): Promise<string> {
  return hmacSha1Base64(`${secret}&`, stringToSign(method, params));
}

/** UTC `yyyy-MM-ddTHH:mm:ssZ`, no milliseconds. */
export function rpcTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS token, sent as SecurityToken. */
  securityToken?: string;
}

export interface SignOptions {
  method: HttpMethod;
  Action: string;
  Version: string;
  /** Action parameters, already flattened. They cannot override the common parameters. */
  params: WireParams;
  credentials: Credentials;
  Format?: 'JSON' | 'XML';
  /** Injected for tests; default `new Date()`. */
  now?: () => Date;
  /** Injected for tests; default `crypto.randomUUID()`. */
  nonce?: () => string;
}

/**
 * Builds and signs a complete parameter set. Every call makes a new nonce and
 * timestamp, so a retry is a new request.
 *
 * @example
 * ```ts
 * const signed = await signRequest({ method: 'POST', Action: 'DescribeCens', Version: '2017-09-12',
 *   params: { PageSize: '50' }, credentials: { accessKeyId, accessKeySecret } });
 * ```
 */
export async function signRequest(opts: SignOptions): Promise<WireParams> {
  const common: WireParams = {
    Action: opts.Action,
    Version: opts.Version,
    Format: opts.Format ?? 'JSON',
    AccessKeyId: opts.credentials.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: (opts.nonce ?? (() => crypto.randomUUID()))(),
    Timestamp: rpcTimestamp((opts.now ?? (() => new Date()))()),
  };
  if (opts.credentials.securityToken) common.SecurityToken = opts.credentials.securityToken;
  const params: WireParams = { ...opts.params, ...common };
  params.Signature = await signature(opts.method, params, opts.credentials.accessKeySecret);
  return params;
}

/** `a=1&b=2` with every name and value percent-encoded (for a query or a form body). */
export function encodeForm(params: WireParams): string {
  return Object.keys(params)
    .map((k) => encodePair(k, params[k]!))
    .join('&');
}

/**
 * Builds the HTTP request for signed parameters: GET puts them in the query,
 * POST in an `application/x-www-form-urlencoded` body. `endpoint` is a base URL.
 */
export function buildRequest(endpoint: string, method: HttpMethod, params: WireParams, init: RequestInit = {}): Request {
  const base = endpoint.endsWith('/') ? endpoint : endpoint + '/';
  const body = encodeForm(params);
  // The caller's headers are kept; ours only fill what is missing.
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json, application/xml');
  if (method === 'GET') return new Request(`${base}?${body}`, { ...init, method, headers });
  headers.set('content-type', 'application/x-www-form-urlencoded');
  return new Request(base, { ...init, method, headers, body });
}

export type VerifyResult =
  | { ok: true }
  | { ok: false; code: 'IncompleteSignature' | 'SignatureDoesNotMatch' | 'UnsupportedSignatureMethod'; stringToSign: string };

/**
 * Checks the Signature of received parameters against a secret, in constant
 * time. On a mismatch it returns the server's string-to-sign, which Alibaba
 * puts in its error message so that a client can find its encoding bug.
 */
export async function verifySignature(method: string, params: WireParams, secret: string): Promise<VerifyResult> {
  const sts = stringToSign(method, params);
  if (params.SignatureMethod !== 'HMAC-SHA1' || (params.SignatureVersion ?? '1.0') !== '1.0') {
    return { ok: false, code: 'UnsupportedSignatureMethod', stringToSign: sts };
  }
  const given = params.Signature;
  if (!given) return { ok: false, code: 'IncompleteSignature', stringToSign: sts };
  const expected = await hmacSha1Base64(`${secret}&`, sts);
  let diff = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (given.charCodeAt(i) || 0);
  return diff === 0 ? { ok: true } : { ok: false, code: 'SignatureDoesNotMatch', stringToSign: sts };
}

/** Reads wire parameters from a received request: the query, plus a form body for POST. */
export async function readWireParams(req: Request): Promise<WireParams> {
  const out: WireParams = {};
  for (const [k, v] of new URL(req.url).searchParams) out[k] = v;
  if (req.method === 'POST') {
    const type = req.headers.get('content-type') ?? '';
    if (type.includes('application/x-www-form-urlencoded') || type === '') {
      for (const [k, v] of new URLSearchParams(decoder.decode(await req.arrayBuffer()))) out[k] = v;
    }
  }
  return out;
}
