import { describe, expect, test } from 'vitest';
import { AREA_IDS, REGION_IDS } from './regions.js';
import { AREA_NAMES_ZH, REGION_NAMES_ZH } from './regions-zh.js';

describe('Simplified Chinese names', () => {
  test('every area and every region has one, and nothing else does', () => {
    expect(Object.keys(AREA_NAMES_ZH).sort()).toEqual([...AREA_IDS].sort());
    expect(Object.keys(REGION_NAMES_ZH).sort()).toEqual([...REGION_IDS].sort());
  });

  test('they are Chinese text, as Alibaba writes them', () => {
    expect(REGION_NAMES_ZH['cn-hangzhou']).toBe('华东1（杭州）');
    expect(AREA_NAMES_ZH['north-america']).toBe('北美');
    for (const name of [...Object.values(AREA_NAMES_ZH), ...Object.values(REGION_NAMES_ZH)]) expect(name).toMatch(/[\u4e00-\u9fff]/);
  });
});
