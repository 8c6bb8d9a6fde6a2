/**
 * When an upstream call may be repeated, and how long to wait first.
 *
 * Reads are repeated on throttling, unavailability and network failures.
 * A write is repeated only when it carries a ClientToken (Alibaba then runs
 * it at most once); a write without one is never repeated, because a lost
 * answer does not mean the write did not happen.
 */
import { isRetryableCode, type ActionSpec } from '@cen-kit/catalog';

export const MAX_ATTEMPTS = 3;
export const BACKOFF_BASE_MS = 100;
export const BACKOFF_CAP_MS = 2_000;

/** What one attempt gave: an HTTP answer (with its Alibaba error code, if any) or no answer. */
export type Outcome =
  | { kind: 'answer'; status: number; code?: string }
  | { kind: 'network' }
  | { kind: 'timeout' };

/** Whether the failure is transient (the same request may succeed later). */
export function isTransient(o: Outcome): boolean {
  if (o.kind !== 'answer') return true;
  if (o.code !== undefined && isRetryableCode(o.code)) return true;
  return o.status >= 500;
}

/**
 * Whether this action, with these parameters, may be sent again.
 *
 * @example
 * ```ts
 * mayRepeat(DescribeCens, {}); // true
 * mayRepeat(CreateCen, { ClientToken: 't-1' }); // true
 * mayRepeat(DeleteCen, { CenId: 'cen-1' }); // false (no ClientToken support)
 * ```
 */
export function mayRepeat(spec: Pick<ActionSpec, 'access' | 'ClientToken'>, params: Record<string, unknown>): boolean {
  if (spec.access === 'read') return true;
  return spec.ClientToken && typeof params.ClientToken === 'string' && params.ClientToken !== '';
}

/** Full-jitter exponential backoff: a random wait in [0, min(cap, base·2^(n-1))). `attempt` counts from 1. */
export function backoffMs(attempt: number, random: () => number, base = BACKOFF_BASE_MS, cap = BACKOFF_CAP_MS): number {
  return Math.floor(random() * Math.min(cap, base * 2 ** (attempt - 1)));
}

/** Alibaba's `x-acs-retry-after` (milliseconds) when it is a positive integer. */
export function retryAfterMs(headers: Headers): number | undefined {
  const v = headers.get('x-acs-retry-after');
  if (!v || !/^\d+$/.test(v.trim())) return undefined;
  const n = Number(v.trim());
  return n > 0 ? n : undefined;
}
