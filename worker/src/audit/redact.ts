/**
 * Redaction for everything the security code logs. Three layers, because one
 * missed field is one leaked key:
 *  1. fields whose name says "secret" (secret, signature, nonce, token,
 *     authorization, cookie, password, JWT assertion) are replaced whole;
 *  2. strings are scrubbed of `Signature=…`-style parameters, bearer
 *     credentials and anything shaped like a JWT;
 *  3. exact known secret values (the deployment's keys, portal token hashes)
 *     are cut out wherever they appear.
 */
import { redactSecrets } from '../redact.js';

export const REDACTED = '***';

const SECRET_KEY = /secret|password|passwd|signature|nonce|securitytoken|^token$|portaltoken|authorization|cookie|jwt|assertion|credential|sha256/i;
const BEARER = /\b(Bearer|Basic)\s+[^\s",;]+/gi;
// Three base64url segments, the first starting like a JSON header: `eyJ…`.
const JWT = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const KEY_VALUE = /\b(AccessKeySecret|SecurityToken|SignatureNonce|Signature)"?\s*[:=]\s*"?[^\s",&]+/gi;

/** Known secrets shorter than this are not scrubbed as substrings (they would match innocent text). */
const MIN_KNOWN_SECRET = 8;
const MAX_DEPTH = 8;
const MAX_ITEMS = 100;
const MAX_STRING = 2000;

/**
 * Scrubs one string.
 *
 * @example
 * ```ts
 * redactText('Authorization: Bearer abc.def'); // 'Authorization: Bearer ***'
 * ```
 */
export function redactText(text: string, known: readonly string[] = []): string {
  let out = redactSecrets(text).replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`).replace(JWT, REDACTED);
  out = out.replace(KEY_VALUE, (m, name: string) => `${name}${m.includes(':') ? ':' : '='}${REDACTED}`);
  for (const secret of known) {
    if (secret.length >= MIN_KNOWN_SECRET) out = out.split(secret).join(REDACTED);
  }
  return out.length > MAX_STRING ? `${out.slice(0, MAX_STRING)}…` : out;
}

/**
 * A copy of `value` safe to log: secret-named fields replaced, strings
 * scrubbed, depth and size bounded.
 *
 * @example
 * ```ts
 * redact({ action: 'CreateCen', authorization: 'Bearer t0k3n' }); // { action: 'CreateCen', authorization: '***' }
 * ```
 */
export function redact(value: unknown, known: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, known);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => redact(v, known, depth + 1));
  if (value instanceof Error) return redactText(`${value.name}: ${value.message}`, known);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value).slice(0, MAX_ITEMS)) {
    out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null && v !== false ? REDACTED : redact(v, known, depth + 1);
  }
  return out;
}

/**
 * Writes one structured JSON log line, redacted. Every log line of the
 * security code goes through here.
 *
 * @example
 * ```ts
 * logLine({ msg: 'jwks refreshed', keys: 2 });
 * ```
 */
export function logLine(record: Record<string, unknown>, known: readonly string[] = [], level: 'log' | 'warn' | 'error' = 'log'): void {
  console[level](JSON.stringify(redact(record, known)));
}
