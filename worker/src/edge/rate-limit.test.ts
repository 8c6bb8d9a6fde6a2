import { describe, expect, it } from 'vitest';
import { checkRateLimit, LIMITS, TokenBucket, throttled } from './rate-limit.js';

describe('TokenBucket', () => {
  it('allows `limit` calls at once, then one more per period/limit seconds', () => {
    let now = 0;
    const b = new TokenBucket(3, 60, () => now);
    expect([b.take('k'), b.take('k'), b.take('k')].every((r) => r.success)).toBe(true);
    expect(b.take('k')).toEqual({ success: false, retryAfter: 20 });
    expect(b.take('other').success).toBe(true);
    now += 19_000;
    expect(b.take('k').success).toBe(false);
    now += 1_000;
    expect(b.take('k').success).toBe(true);
  });
});

describe('checkRateLimit', () => {
  it('uses the binding per caller and bucket, and says when the window ends', async () => {
    const keys: string[] = [];
    const env = {
      RATE_LIMIT_WRITE: {
        limit: async ({ key }: { key: string }) => {
          keys.push(key);
          return { success: keys.length <= 1 };
        },
      },
    };
    const now = () => 1_000_000_000_000 + 15_000; // 15 s past a 60 s boundary... relative to the epoch
    expect(await checkRateLimit(env, 'token:a', 'write', now)).toBeUndefined();
    const wait = await checkRateLimit(env, 'token:a', 'write', now);
    expect(wait).toBe(60 - (Math.floor(now() / 1000) % 60));
    expect(keys).toEqual(['write:token:a', 'write:token:a']);
  });

  it('falls back to an in-isolate bucket with the same limit when the binding is missing or failing', async () => {
    const failing = { RATE_LIMIT_WRITE: { limit: async () => Promise.reject(new Error('binding down')) } };
    const key = `fallback-${crypto.randomUUID()}`;
    const results: (number | undefined)[] = [];
    for (let i = 0; i < LIMITS.write.limit + 1; i++) results.push(await checkRateLimit(i % 2 ? failing : {}, key, 'write'));
    expect(results.slice(0, LIMITS.write.limit).every((r) => r === undefined)).toBe(true);
    expect(results[LIMITS.write.limit]).toBeGreaterThan(0);
  });

  it('answers like Alibaba throttling: 429 Throttling.User', () => {
    expect(throttled('write', 7)).toMatchObject({ status: 429, code: 'Throttling.User', message: expect.stringContaining('Retry after 7 s') });
  });
});
