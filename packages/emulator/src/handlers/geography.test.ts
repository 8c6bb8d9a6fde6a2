import { AREA_IDS, REGIONS } from '@cen-kit/catalog';
import { describe, expect, it } from 'vitest';
import { emulator, ok } from '../test-helpers.js';

type Obj = Record<string, any>;

describe('geography', () => {
  it('lists the regions of an area as {RegionId} objects, paged', async () => {
    const app = emulator();
    const na = (await ok(app, 'DescribeGeographicRegionMembership', { GeographicRegionId: 'north-america' })) as Obj;
    expect(na.RegionIds.RegionId).toEqual([{ RegionId: 'us-west-1' }, { RegionId: 'us-east-1' }]);
    const china = (await ok(app, 'DescribeGeographicRegionMembership', { GeographicRegionId: 'china', PageSize: 5, PageNumber: 2 })) as Obj;
    expect(china.TotalCount).toBe(REGIONS.filter((r) => r.area === 'china').length);
    expect(china.RegionIds.RegionId).toHaveLength(5);
  });

  it('lists every area pair once', async () => {
    const spans = ((await ok(emulator(), 'DescribeCenGeographicSpans', { PageSize: 50 })) as Obj).GeographicSpanModels.GeographicSpanModel as Obj[];
    const n = AREA_IDS.length;
    expect(spans).toHaveLength((n * (n + 1)) / 2);
    expect(new Set(spans.map((s) => s.GeographicSpanId)).size).toBe(spans.length);
    expect(spans).toContainEqual({ GeographicSpanId: 'china_china', LocalGeoRegionId: 'china', OppositeGeoRegionId: 'china' });
    expect(spans.find((s) => s.GeographicSpanId.includes('north-america') && s.GeographicSpanId.includes('china') && s.GeographicSpanId !== 'china_china')).toBeTruthy();
  });

  it('names regions in the language asked for', async () => {
    const app = emulator();
    const en = ((await ok(app, 'DescribeChildInstanceRegions', {})) as Obj).Regions.Region as Obj[];
    const zh = ((await ok(app, 'DescribeChildInstanceRegions', { AcceptLanguage: 'zh-CN' })) as Obj).Regions.Region as Obj[];
    expect(en.find((r) => r.RegionId === 'cn-hangzhou')!.LocalName).toBe('China (Hangzhou)');
    expect(zh.find((r) => r.RegionId === 'cn-hangzhou')!.LocalName).toBe('华东1（杭州）');
  });
});
