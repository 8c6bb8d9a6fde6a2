/**
 * Geography: regions per area, area pairs, regions where networks attach.
 * All from the catalogue's region table, so the emulator and the pickers agree.
 */
import { AREA_IDS, REGION_NAMES_ZH, REGIONS, spanId } from '@cen-kit/catalog';
import { paginate, type Handler } from './context.js';

export const DescribeGeographicRegionMembership: Handler = (ctx, p: { GeographicRegionId: string; PageNumber?: number; PageSize?: number }) => {
  const regions = REGIONS.filter((r) => r.area === p.GeographicRegionId);
  const { page, fields } = paginate(regions, p);
  return { ...fields, RegionIds: { RegionId: page.map((r) => ({ RegionId: r.RegionId })) } };
};

/** Every unordered pair of areas, an area with itself included. */
export function allSpans(): { GeographicSpanId: string; LocalGeoRegionId: string; OppositeGeoRegionId: string }[] {
  const out = [];
  for (let i = 0; i < AREA_IDS.length; i++) {
    for (let j = i; j < AREA_IDS.length; j++) {
      const id = spanId(AREA_IDS[i]!, AREA_IDS[j]!);
      const [local, opposite] = id.split('_') as [string, string];
      out.push({ GeographicSpanId: id, LocalGeoRegionId: local, OppositeGeoRegionId: opposite });
    }
  }
  return out;
}

export const DescribeCenGeographicSpans: Handler = (ctx, p: { GeographicSpanId?: string; PageNumber?: number; PageSize?: number }) => {
  const spans = allSpans().filter((s) => !p.GeographicSpanId || s.GeographicSpanId === p.GeographicSpanId);
  const { page, fields } = paginate(spans, p);
  return { ...fields, GeographicSpanModels: { GeographicSpanModel: page } };
};

/** Every catalogue region takes VPCs and VBRs in the emulator; CCN only in the Chinese mainland, as at Alibaba. */
export const DescribeChildInstanceRegions: Handler = (ctx, p: { ProductType?: string; AcceptLanguage?: string }) => {
  const regions = REGIONS.filter((r) => p.ProductType !== 'CCN' || r.area === 'china');
  const zh = p.AcceptLanguage === 'zh-CN';
  return { Regions: { Region: regions.map((r) => ({ RegionId: r.RegionId, LocalName: zh ? REGION_NAMES_ZH[r.RegionId] : r.name })) } };
};
