/**
 * Areas (geographic regions) and the regions in each, for pickers and for the
 * area-pair rules of bandwidth packages. Zod-free so the elements can use it.
 *
 * Requests name areas capitalised (`China`, `North-America`); responses and
 * DescribeGeographicRegionMembership use the lower-case id (`china`,
 * `north-america`). A span (area pair) is `<a>_<b>` in lower case.
 */

export const AREA_IDS = ['china', 'asia-pacific', 'europe', 'north-america', 'australia', 'middle-east'] as const;
export type AreaId = (typeof AREA_IDS)[number];

/** The capitalised form that CreateCenBandwidthPackage and friends take. */
export const AREA_REQUEST_VALUES = ['China', 'Asia-Pacific', 'Europe', 'North-America', 'Australia', 'Middle-East'] as const;
export type AreaRequestValue = (typeof AREA_REQUEST_VALUES)[number];

export interface Area {
  id: AreaId;
  requestValue: AreaRequestValue;
  /** English name; the Simplified Chinese ones are in regions-zh.ts. */
  name: string;
}

export const AREAS: readonly Area[] = [
  { id: 'china', requestValue: 'China', name: 'Chinese mainland' },
  { id: 'asia-pacific', requestValue: 'Asia-Pacific', name: 'Asia Pacific' },
  { id: 'europe', requestValue: 'Europe', name: 'Europe' },
  { id: 'north-america', requestValue: 'North-America', name: 'North America' },
  { id: 'australia', requestValue: 'Australia', name: 'Australia' },
  { id: 'middle-east', requestValue: 'Middle-East', name: 'Middle East' },
];

export interface Region {
  RegionId: string;
  area: AreaId;
  /** English name (Alibaba's en-US LocalName); the Simplified Chinese ones are in regions-zh.ts. */
  name: string;
}

export const REGIONS: readonly Region[] = [
  { RegionId: 'cn-qingdao', area: 'china', name: 'China (Qingdao)' },
  { RegionId: 'cn-beijing', area: 'china', name: 'China (Beijing)' },
  { RegionId: 'cn-zhangjiakou', area: 'china', name: 'China (Zhangjiakou)' },
  { RegionId: 'cn-huhehaote', area: 'china', name: 'China (Hohhot)' },
  { RegionId: 'cn-wulanchabu', area: 'china', name: 'China (Ulanqab)' },
  { RegionId: 'cn-hangzhou', area: 'china', name: 'China (Hangzhou)' },
  { RegionId: 'cn-shanghai', area: 'china', name: 'China (Shanghai)' },
  { RegionId: 'cn-nanjing', area: 'china', name: 'China (Nanjing - Local Region)' },
  { RegionId: 'cn-shenzhen', area: 'china', name: 'China (Shenzhen)' },
  { RegionId: 'cn-heyuan', area: 'china', name: 'China (Heyuan)' },
  { RegionId: 'cn-guangzhou', area: 'china', name: 'China (Guangzhou)' },
  { RegionId: 'cn-chengdu', area: 'china', name: 'China (Chengdu)' },
  { RegionId: 'cn-hongkong', area: 'asia-pacific', name: 'China (Hong Kong)' },
  { RegionId: 'ap-southeast-1', area: 'asia-pacific', name: 'Singapore' },
  { RegionId: 'ap-southeast-3', area: 'asia-pacific', name: 'Malaysia (Kuala Lumpur)' },
  { RegionId: 'ap-southeast-5', area: 'asia-pacific', name: 'Indonesia (Jakarta)' },
  { RegionId: 'ap-southeast-6', area: 'asia-pacific', name: 'Philippines (Manila)' },
  { RegionId: 'ap-southeast-7', area: 'asia-pacific', name: 'Thailand (Bangkok)' },
  { RegionId: 'ap-northeast-1', area: 'asia-pacific', name: 'Japan (Tokyo)' },
  { RegionId: 'ap-northeast-2', area: 'asia-pacific', name: 'South Korea (Seoul)' },
  { RegionId: 'ap-south-1', area: 'asia-pacific', name: 'India (Mumbai)' },
  { RegionId: 'us-west-1', area: 'north-america', name: 'US (Silicon Valley)' },
  { RegionId: 'us-east-1', area: 'north-america', name: 'US (Virginia)' },
  { RegionId: 'eu-central-1', area: 'europe', name: 'Germany (Frankfurt)' },
  { RegionId: 'eu-west-1', area: 'europe', name: 'UK (London)' },
  { RegionId: 'ap-southeast-2', area: 'australia', name: 'Australia (Sydney)' },
  { RegionId: 'me-east-1', area: 'middle-east', name: 'UAE (Dubai)' },
];

export const REGION_IDS = REGIONS.map((r) => r.RegionId);

const byId = new Map(REGIONS.map((r) => [r.RegionId, r]));

export function regionById(regionId: string): Region | undefined {
  return byId.get(regionId);
}

/** The area of a region, or undefined for a region cen-kit does not know. */
export function areaOfRegion(regionId: string): AreaId | undefined {
  return byId.get(regionId)?.area;
}

export function areaFromRequestValue(value: string): AreaId | undefined {
  return AREAS.find((a) => a.requestValue === value || a.id === value)?.id;
}

export function areaRequestValue(area: AreaId): AreaRequestValue {
  return AREAS.find((a) => a.id === area)!.requestValue;
}

/**
 * The GeographicSpanId of an area pair, as Alibaba writes it (`north-america_china`).
 * A span is unordered; this orders the pair by the AREA_IDS order reversed so that
 * `china` comes last, matching the ids Alibaba returns (`north-america_china`,
 * `asia-pacific_china`, `china_china`).
 */
export function spanId(a: AreaId, b: AreaId): string {
  const ia = AREA_IDS.indexOf(a);
  const ib = AREA_IDS.indexOf(b);
  return ia >= ib ? `${a}_${b}` : `${b}_${a}`;
}

/** The span of two regions, or undefined when cen-kit does not know a region's area. */
export function regionSpanId(r1: string, r2: string): string | undefined {
  const a = areaOfRegion(r1);
  const b = areaOfRegion(r2);
  return a && b ? spanId(a, b) : undefined;
}

/** True when the two areas (in either order) make the span. */
export function sameSpan(a1: AreaId, b1: AreaId, a2: AreaId, b2: AreaId): boolean {
  return spanId(a1, b1) === spanId(a2, b2);
}

/** Spans that cross the border of the Chinese mainland. */
export function isCrossBorder(a: AreaId, b: AreaId): boolean {
  return (a === 'china') !== (b === 'china');
}
