/**
 * ClientToken idempotence, per account + action + token: the same token with
 * the same parameters answers the first result and changes nothing; with
 * other parameters it is IdempotenceParam.NotMatch.
 */
import { ApiError } from './errors.js';
import type { World } from './world/types.js';

/** JSON with sorted keys, so parameter order does not matter. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export function fingerprint(params: Record<string, unknown>): string {
  const { ClientToken: _token, ...rest } = params;
  // Account IDs may come as number or text; they mean the same.
  return canonical(rest).replace(/"(\d{1,20})"/g, '$1');
}

export function tokenKey(accountId: string, action: string, token: string): string {
  return `${accountId}|${action}|${token}`;
}

/**
 * The stored result for a repeated call, or undefined for a first call.
 *
 * @example
 * ```ts
 * const earlier = replay(world, key, params); // throws IdempotenceParam.NotMatch on other params
 * ```
 */
export function replay(world: World, key: string, params: Record<string, unknown>): Record<string, unknown> | undefined {
  const rec = world.tokens.find((t) => t.key === key);
  if (!rec) return undefined;
  if (rec.fingerprint !== fingerprint(params)) {
    throw new ApiError(
      'IdempotenceParam.NotMatch',
      'Request uses a client token in a previous request but is not identical to that request.',
    );
  }
  return structuredClone(rec.result);
}

export function remember(world: World, key: string, params: Record<string, unknown>, result: Record<string, unknown>, now: number): void {
  world.tokens.push({ key, fingerprint: fingerprint(params), result: structuredClone(result), at: now });
}
