/**
 * Account IDs in responses. Handlers put `accountIdOut(id)` where the official
 * JSON has a Long; the response writer turns it into a JSON number with the
 * exact digits (a bare literal when the value is above 2^53) or into XML text.
 *
 * The marker is a small object, not a string, so no text a caller sends (a
 * Name, a Description) can pass for one; it is plain JSON data, so stored
 * (idempotent) results keep it.
 */

const KEY = '$cenKitAccountId';

export interface AccountIdOut {
  [KEY]: string;
}

export function accountIdOut(id: string): AccountIdOut {
  return { [KEY]: id };
}

export function isAccountIdOut(v: unknown): v is AccountIdOut {
  return !!v && typeof v === 'object' && !Array.isArray(v) && typeof (v as Record<string, unknown>)[KEY] === 'string' && Object.keys(v).length === 1;
}

/**
 * Where a large account ID was put, as JSON text: `"@@exact-<uuid>@@<digits>"`.
 * One pattern for every call (compiling a new RegExp per response was most of
 * the cost); the uuid decides which matches are this call's own.
 */
const PLACEHOLDER = /"@@exact-([0-9a-f-]{36})@@(\d{1,20})"/g;

/**
 * JSON.stringify that writes account IDs as numbers: safe ones as usual, larger
 * ones as bare literals with their exact digits.
 *
 * @example
 * ```ts
 * stringifyExact({ CenOwnerId: accountIdOut('9188000000000002') }); // '{"CenOwnerId":9188000000000002}'
 * ```
 */
export function stringifyExact(body: unknown): string {
  // A fresh placeholder tag per call (made only when a large ID needs one), so no text in the body can imitate it.
  let tag: string | undefined;
  const text = JSON.stringify(body, (_k, v: unknown) => {
    if (!isAccountIdOut(v)) return v;
    const digits = v[KEY];
    if (!/^\d{1,20}$/.test(digits)) return digits;
    if (Number.isSafeInteger(Number(digits))) return Number(digits);
    tag ??= crypto.randomUUID();
    return `@@exact-${tag}@@${digits}`;
  });
  return tag === undefined ? text : text.replace(PLACEHOLDER, (m, id: string, digits: string) => (id === tag ? digits : m));
}

/** A copy with account IDs as their digits (for XML, where every value is text). */
export function plainAccountIds(body: unknown): unknown {
  if (isAccountIdOut(body)) return body[KEY];
  if (Array.isArray(body)) return body.map(plainAccountIds);
  if (body && typeof body === 'object') {
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, plainAccountIds(v)]));
  }
  return body;
}
