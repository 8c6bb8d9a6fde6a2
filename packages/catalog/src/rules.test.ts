import { describe, expect, test } from 'vitest';
import { spanOverAllocation } from './rules.js';

describe('spanOverAllocation', () => {
  test('is 0 while the limits of a span fit in its package, and the excess when they do not', () => {
    expect(spanOverAllocation(0, 10)).toBe(0);
    expect(spanOverAllocation(10, 10)).toBe(0);
    expect(spanOverAllocation(11, 10)).toBe(1);
    expect(spanOverAllocation(12, 0)).toBe(12);
  });
});
