import { describe, expect, it } from 'vitest';
import { wildcardMatch } from './match.js';

describe('wildcardMatch', () => {
  it.each([
    ['*', '', true],
    ['*', 'anything', true],
    ['cen:Describe*', 'cen:DescribeCens', true],
    ['cen:Describe*', 'cen:CreateCen', false],
    ['cen:*Cen', 'cen:CreateCen', true],
    ['cen:*Cen', 'cen:CreateCens', false],
    ['acs:cen:*:*:ceninstance/*', 'acs:cen:*:*:ceninstance/cen-abc', true],
    ['acs:cen:*:*:ceninstance/cen-abc', 'acs:cen:*:*:ceninstance/cen-abd', false],
    ['acs:vpc:cn-*:*:vpc/*', 'acs:vpc:cn-hangzhou:*:vpc/vpc-1', true],
    ['acs:vpc:cn-*:*:vpc/*', 'acs:vpc:us-east-1:*:vpc/vpc-1', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxbyy', false],
    ['', '', true],
    ['', 'a', false],
  ])('%s ~ %s → %s', (pattern, text, expected) => {
    expect(wildcardMatch(pattern, text)).toBe(expected);
  });

  it('compares case-insensitively when asked (RAM action names)', () => {
    expect(wildcardMatch('CEN:describe*', 'cen:DescribeCens', true)).toBe(true);
    expect(wildcardMatch('CEN:describe*', 'cen:DescribeCens')).toBe(false);
  });

  it('stays fast on patterns built to backtrack', () => {
    const started = Date.now();
    expect(wildcardMatch('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
