/**
 * Portal API tokens: `Authorization: Bearer <token>`, matched against the
 * SHA-256 hashes in PORTAL_TOKENS. Every configured hash is compared, in
 * constant time, so neither the result nor its timing tells which entry
 * came close.
 */
import type { TokenEntry } from './config.js';

/** Longest bearer token accepted; longer ones are refused before hashing. */
export const MAX_TOKEN_LENGTH = 512;

/**
 * The SHA-256 of a token as 64 hex digits: the value to put in PORTAL_TOKENS.
 *
 * @example
 * ```ts
 * await sha256Hex('my-portal-token'); // '5c3b…'
 * ```
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The bearer token of an Authorization header, undefined when there is no
 * header, or `false` when the header is there but is not a usable bearer token.
 */
export function bearerToken(header: string | undefined): string | undefined | false {
  if (header === undefined) return undefined;
  if (header.length > MAX_TOKEN_LENGTH + 16) return false;
  const m = /^Bearer +([\x21-\x7e]+) *$/i.exec(header);
  if (!m) return false;
  return m[1]!;
}

/**
 * The entry whose hash matches `token`, if any.
 *
 * @example
 * ```ts
 * const entry = await findToken('my-portal-token', config.tokens);
 * ```
 */
export async function findToken(token: string, entries: readonly TokenEntry[]): Promise<TokenEntry | undefined> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  let found: TokenEntry | undefined;
  for (const entry of entries) {
    // No early exit: the loop costs the same whichever entry matches.
    if (constantTimeEqual(digest, entry.hash) && !found) found = entry;
  }
  return found;
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const subtle = crypto.subtle as SubtleCrypto & { timingSafeEqual?: (x: ArrayBufferView, y: ArrayBufferView) => boolean };
  if (typeof subtle.timingSafeEqual === 'function') return subtle.timingSafeEqual(a, b);
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
