/**
 * Rate limits per caller with the Workers Rate Limiting bindings
 * RATE_LIMIT_READ and RATE_LIMIT_WRITE (wrangler.toml `[[ratelimits]]`, writes
 * lower). When a binding is missing (or fails) an in-isolate token bucket with
 * the same limits takes over, so the limit still holds — per isolate.
 */
import { ApiError } from '../errors.js';

export interface Limiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export interface RateLimitEnv {
  RATE_LIMIT_READ?: Limiter;
  RATE_LIMIT_WRITE?: Limiter;
}

/** Must match wrangler.toml's `[[ratelimits]]` (the fallback uses these numbers). */
export const LIMITS = {
  read: { limit: 300, period: 60 },
  write: { limit: 30, period: 60 },
} as const;

export type Bucket = keyof typeof LIMITS;

interface State {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key: `limit` tokens, refilled evenly over `period` seconds.
 *
 * @example
 * ```ts
 * const b = new TokenBucket(30, 60);
 * b.take('token:portal-a'); // { success: true }
 * ```
 */
export class TokenBucket {
  readonly #states = new Map<string, State>();
  constructor(
    readonly limit: number,
    readonly period: number,
    readonly now: () => number = Date.now,
  ) {}

  /** Takes a token; on refusal says how many seconds until the next one. */
  take(key: string): { success: true } | { success: false; retryAfter: number } {
    const now = this.now();
    const rate = this.limit / (this.period * 1000);
    const s = this.#states.get(key) ?? { tokens: this.limit, at: now };
    s.tokens = Math.min(this.limit, s.tokens + (now - s.at) * rate);
    s.at = now;
    if (this.#states.size > 10_000) this.#states.clear();
    this.#states.set(key, s);
    if (s.tokens >= 1) {
      s.tokens -= 1;
      return { success: true };
    }
    return { success: false, retryAfter: Math.max(1, Math.ceil((1 - s.tokens) / rate / 1000)) };
  }
}

const fallback = {
  read: new TokenBucket(LIMITS.read.limit, LIMITS.read.period),
  write: new TokenBucket(LIMITS.write.limit, LIMITS.write.period),
};

/**
 * Counts one call of `key` against its bucket. Returns undefined when the
 * call may go ahead, or the seconds to wait (for Retry-After) when the caller
 * is over its limit.
 *
 * @example
 * ```ts
 * const wait = await checkRateLimit(c.env, 'token:portal-a', 'write');
 * if (wait !== undefined) { c.header('Retry-After', String(wait)); throw throttled('write', wait); }
 * ```
 */
export async function checkRateLimit(env: RateLimitEnv, key: string, bucket: Bucket, now: () => number = Date.now): Promise<number | undefined> {
  const binding = bucket === 'write' ? env.RATE_LIMIT_WRITE : env.RATE_LIMIT_READ;
  const { period } = LIMITS[bucket];
  if (binding && typeof binding.limit === 'function') {
    try {
      const r = await binding.limit({ key: `${bucket}:${key}` });
      // The binding counts in windows of `period` seconds; the next one starts at the boundary.
      return r.success ? undefined : Math.max(1, period - (Math.floor(now() / 1000) % period));
    } catch {
      // A failing binding must not open the gate: the bucket below decides.
    }
  }
  const r = fallback[bucket].take(key);
  return r.success ? undefined : r.retryAfter;
}

/** The 429 answer, shaped like Alibaba's own throttling error. */
export function throttled(bucket: Bucket, retryAfter: number): ApiError {
  const { limit, period } = LIMITS[bucket];
  return new ApiError(
    429,
    'Throttling.User',
    `Request was denied due to user flow control: at most ${limit} ${bucket} calls per ${period} s per caller. Retry after ${retryAfter} s.`,
  );
}
