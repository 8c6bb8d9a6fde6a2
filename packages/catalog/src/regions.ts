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
  name: { en: string; zh: string };
}

export const AREAS: readonly Area[] = [
  { id: 'china', requestValue: 'China', name: { en: 'Chinese mainland', zh: '中国内地' } },
  { id: 'asia-pacific', requestValue: 'Asia-Pacific', name: { en: 'Asia Pacific', zh: '亚太' } },
  { id: 'europe', requestValue: 'Europe', name: { en: 'Europe', zh: '欧洲' } },
  { id: 'north-america', requestValue: 'North-America', name: { en: 'North America', zh: '北美' } },
  { id: 'australia', requestValue: 'Australia', name: { en: 'Australia', zh: '澳大利亚' } },
  { id: 'middle-east', requestValue: 'Middle-East', name: { en: 'Middle East', zh: '中东' } },
];

export interface Region {
  RegionId: string;
  area: AreaId;
  name: { en: string; zh: string };
}

export const REGIONS: readonly Region[] = [
  { RegionId: 'cn-qingdao', area: 'china', name: { en: 'China (Qingdao)', zh: '华北1（青岛）' } },
  { RegionId: 'cn-beijing', area: 'china', name: { en: 'China (Beijing)', zh: '华北2（北京）' } },
  { RegionId: 'cn-zhangjiakou', area: 'china', name: { en: 'China (Zhangjiakou)', zh: '华北3（张家口）' } },
  { RegionId: 'cn-huhehaote', area: 'china', name: { en: 'China (Hohhot)', zh: '华北5（呼和浩特）' } },
  { RegionId: 'cn-wulanchabu', area: 'china', name: { en: 'China (Ulanqab)', zh: '华北6（乌兰察布）' } },
  { RegionId: 'cn-hangzhou', area: 'china', name: { en: 'China (Hangzhou)', zh: '华东1（杭州）' } },
  { RegionId: 'cn-shanghai', area: 'china', name: { en: 'China (Shanghai)', zh: '华东2（上海）' } },
  { RegionId: 'cn-nanjing', area: 'china', name: { en: 'China (Nanjing - Local Region)', zh: '华东5（南京-本地地域）' } },
  { RegionId: 'cn-shenzhen', area: 'china', name: { en: 'China (Shenzhen)', zh: '华南1（深圳）' } },
  { RegionId: 'cn-heyuan', area: 'china', name: { en: 'China (Heyuan)', zh: '华南2（河源）' } },
  { RegionId: 'cn-guangzhou', area: 'china', name: { en: 'China (Guangzhou)', zh: '华南3（广州）' } },
  { RegionId: 'cn-chengdu', area: 'china', name: { en: 'China (Chengdu)', zh: '西南1（成都）' } },
  { RegionId: 'cn-hongkong', area: 'asia-pacific', name: { en: 'China (Hong Kong)', zh: '中国香港' } },
  { RegionId: 'ap-southeast-1', area: 'asia-pacific', name: { en: 'Singapore', zh: '新加坡' } },
  { RegionId: 'ap-southeast-3', area: 'asia-pacific', name: { en: 'Malaysia (Kuala Lumpur)', zh: '马来西亚（吉隆坡）' } },
  { RegionId: 'ap-southeast-5', area: 'asia-pacific', name: { en: 'Indonesia (Jakarta)', zh: '印度尼西亚（雅加达）' } },
  { RegionId: 'ap-southeast-6', area: 'asia-pacific', name: { en: 'Philippines (Manila)', zh: '菲律宾（马尼拉）' } },
  { RegionId: 'ap-southeast-7', area: 'asia-pacific', name: { en: 'Thailand (Bangkok)', zh: '泰国（曼谷）' } },
  { RegionId: 'ap-northeast-1', area: 'asia-pacific', name: { en: 'Japan (Tokyo)', zh: '日本（东京）' } },
  { RegionId: 'ap-northeast-2', area: 'asia-pacific', name: { en: 'South Korea (Seoul)', zh: '韩国（首尔）' } },
  { RegionId: 'ap-south-1', area: 'asia-pacific', name: { en: 'India (Mumbai)', zh: '印度（孟买）' } },
  { RegionId: 'us-west-1', area: 'north-america', name: { en: 'US (Silicon Valley)', zh: '美国（硅谷）' } },
  { RegionId: 'us-east-1', area: 'north-america', name: { en: 'US (Virginia)', zh: '美国（弗吉尼亚）' } },
  { RegionId: 'eu-central-1', area: 'europe', name: { en: 'Germany (Frankfurt)', zh: '德国（法兰克福）' } },
  { RegionId: 'eu-west-1', area: 'europe', name: { en: 'UK (London)', zh: '英国（伦敦）' } },
  { RegionId: 'ap-southeast-2', area: 'australia', name: { en: 'Australia (Sydney)', zh: '澳大利亚（悉尼）' } },
  { RegionId: 'me-east-1', area: 'middle-east', name: { en: 'UAE (Dubai)', zh: '阿联酋（迪拜）' } },
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
