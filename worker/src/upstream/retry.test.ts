import { catalog } from '@cen-kit/catalog';
import { describe, expect, test } from 'vitest';
import { backoffMs, isTransient, mayRepeat, retryAfterMs } from './retry.js';

describe('retry policy', () => {
  test('transient: throttling (even as 400), unavailability, 5xx, no answer', () => {
    expect(isTransient({ kind: 'answer', status: 400, code: 'Throttling.User' })).toBe(true);
    expect(isTransient({ kind: 'answer', status: 400, code: 'Throttling' })).toBe(true);
    expect(isTransient({ kind: 'answer', status: 503, code: 'ServiceUnavailable' })).toBe(true);
    expect(isTransient({ kind: 'answer', status: 500, code: 'InternalError' })).toBe(true);
    expect(isTransient({ kind: 'answer', status: 502 })).toBe(true);
    expect(isTransient({ kind: 'network' })).toBe(true);
    expect(isTransient({ kind: 'timeout' })).toBe(true);
  });

  test('not transient: business 4xx, signature and permission errors', () => {
    for (const code of ['InvalidParameter', 'SignatureDoesNotMatch', 'Forbidden.RAM', 'ParameterCenInstanceId', 'InvalidAccessKeyId.NotFound']) {
      expect(isTransient({ kind: 'answer', status: 400, code }), code).toBe(false);
    }
  });

  test('reads repeat; writes only with a ClientToken they support', () => {
    expect(mayRepeat(catalog.DescribeCens, {})).toBe(true);
    expect(mayRepeat(catalog.CreateCen, { ClientToken: 'abc' })).toBe(true);
    expect(mayRepeat(catalog.CreateCen, {})).toBe(false);
    expect(mayRepeat(catalog.DeleteCen, { CenId: 'cen-1', ClientToken: 'abc' })).toBe(false);
  });

  test('full jitter grows to the 2 s cap', () => {
    expect(backoffMs(1, () => 0.999)).toBe(99);
    expect(backoffMs(2, () => 0.5)).toBe(100);
    expect(backoffMs(3, () => 0.5)).toBe(200);
    expect(backoffMs(10, () => 0.999)).toBe(1998);
    expect(backoffMs(3, () => 0)).toBe(0);
  });

  test('x-acs-retry-after is read as positive whole milliseconds', () => {
    expect(retryAfterMs(new Headers({ 'x-acs-retry-after': '1200' }))).toBe(1200);
    expect(retryAfterMs(new Headers({ 'x-acs-retry-after': '0' }))).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'x-acs-retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });
});
