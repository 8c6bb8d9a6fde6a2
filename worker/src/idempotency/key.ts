/**
 * Idempotency-Key handling that needs no storage: checking the header,
 * fingerprinting a request, and deriving the ClientToken sent to Alibaba.
 */

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** 1–255 printable ASCII characters (space to `~`). */
export function validIdempotencyKey(key: string): boolean {
  return /^[\x20-\x7e]{1,255}$/.test(key);
}

const encoder = new TextEncoder();

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The ClientToken for a write: the same caller and key always give the same
 * token, so Alibaba itself refuses to create twice even if our record were
 * lost. 43 characters of base64url (Alibaba allows 64 ASCII).
 *
 * @example
 * ```ts
 * await clientTokenFor('token:portal-a', 'order-42'); // 'Jb0…' (43 chars)
 * ```
 */
export async function clientTokenFor(callerKey: string, key: string): Promise<string> {
  return base64url(await sha256(`${callerKey}|${key}`)).slice(0, 64);
}

/** The name of the Durable Object holding one caller's record for one key. */
export async function recordName(callerKey: string, key: string): Promise<string> {
  return base64url(await sha256(`idempotency|${callerKey}|${key}`));
}

/**
 * What makes two requests "the same": the action, the credential profile and
 * the body, with JSON key order and whitespace not counting.
 *
 * @example
 * ```ts
 * (await fingerprint('CreateCen', 'A', '{"Name":"x","Description":"y"}')) ===
 *   (await fingerprint('CreateCen', 'A', '{ "Description":"y", "Name":"x" }')); // true
 * ```
 */
export async function fingerprint(action: string, profile: string, body: string): Promise<string> {
  let canonical: string;
  try {
    canonical = JSON.stringify(sortKeys(JSON.parse(body === '' ? '{}' : body)));
  } catch {
    canonical = `raw:${body}`;
  }
  return base64url(await sha256(JSON.stringify([action, profile, canonical])));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
