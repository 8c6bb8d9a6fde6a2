/**
 * The model behind <cen-bandwidth-planner>: the CEN's packages, attached
 * regions and inter-region limits, the user's pending edits, and the checks
 * the API would apply to them (both regions attached, a package for the area
 * pair, the sum on the pair within the package). Pure: the element feeds it
 * what the Describe calls returned and renders what it answers.
 */
import { checkBandwidth, checkBandwidthLimit, checkPackagePeriod } from '@cen-kit/catalog/rules';
import { areaFromRequestValue, regionSpanId, spanId, type AreaId } from '@cen-kit/catalog/regions';

/** A bandwidth package as DescribeCenBandwidthPackages returns it (the fields the planner uses). */
export interface PackageInfo {
  CenBandwidthPackageId: string;
  Name?: string;
  Bandwidth: number;
  /** `Idle` | `InUse`. */
  Status: string;
  BusinessStatus?: string;
  BandwidthPackageChargeType?: string;
  ExpiredTime?: string;
  /** Area ids, lower case in responses (`china`), tolerated capitalised. */
  GeographicRegionAId: string;
  GeographicRegionBId: string;
  GeographicSpanId?: string;
  CenIds?: string[];
}

/** An inter-region limit as DescribeCenInterRegionBandwidthLimits returns it. */
export interface LimitInfo {
  LocalRegionId: string;
  OppositeRegionId: string;
  BandwidthLimit: number;
  /** `Active` | `Modifying`. */
  Status: string;
  BandwidthPackageId?: string;
  GeographicSpanId?: string;
}

/** What the server says about one CEN. */
export interface PlanState {
  CenId: string;
  /** Packages associated with the CEN. */
  packages: PackageInfo[];
  /** Packages of the account associated with no CEN, which could be associated instead of buying. */
  idlePackages?: PackageInfo[];
  /** Regions where the CEN has an attached network. */
  regions: string[];
  limits: LimitInfo[];
  /** DescribeCenGeographicSpanRemainingBandwidth per span id: the server's word on what is free. */
  remaining?: Record<string, number>;
}

export interface PurchaseEdit {
  Bandwidth: number;
  PricingCycle: 'Month' | 'Year';
  Period: number;
  AutoRenew?: boolean;
}

/** What the user wants changed; everything else stays as it is. */
export interface PlanEdits {
  /** Target limit per pair key (`pairKey(a, b)`); 0 removes the limit. */
  limits: Record<string, number>;
  /** A package to buy and associate, per span id. */
  purchases: Record<string, PurchaseEdit>;
  /** A new bandwidth per package id. */
  resizes: Record<string, number>;
  /** An idle package (by id) to associate, per span id; wins over a purchase for the same span. */
  associations?: Record<string, string>;
}

export const emptyEdits = (): PlanEdits => ({ limits: {}, purchases: {}, resizes: {}, associations: {} });

/**
 * The key of an unordered region pair: the two ids sorted and joined by `|`.
 *
 * @example pairKey('us-west-1', 'cn-hangzhou') // 'cn-hangzhou|us-west-1'
 */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The two regions of a pair key. */
export function pairRegions(key: string): [string, string] {
  const i = key.indexOf('|');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** The span id of a package, from its areas (responses use lower-case ids, requests capitalised). */
export function spanOfPackage(p: PackageInfo): string | undefined {
  const a = areaFromRequestValue(p.GeographicRegionAId) ?? areaFromRequestValue(p.GeographicRegionAId.toLowerCase());
  const b = areaFromRequestValue(p.GeographicRegionBId) ?? areaFromRequestValue(p.GeographicRegionBId.toLowerCase());
  return a && b ? spanId(a, b) : p.GeographicSpanId;
}

/** The two areas of a span id (`north-america_china` → `['north-america', 'china']`). */
export function spanAreas(span: string): [AreaId, AreaId] {
  const i = span.indexOf('_');
  return [span.slice(0, i) as AreaId, span.slice(i + 1) as AreaId];
}

/** Why a pair's target cannot be applied as it is. */
export type PairIssue =
  | { code: 'value'; message: string }
  | { code: 'unknownArea' }
  | { code: 'notAttached'; regions: string[] }
  | { code: 'noPackage'; span: string }
  | { code: 'overAllocated'; span: string; over: number };

export interface PairEval {
  key: string;
  /** Local and opposite region: an existing limit's orientation, else the sorted pair. */
  LocalRegionId: string;
  OppositeRegionId: string;
  span: string | undefined;
  current: number;
  target: number;
  /** Status of the existing limit, if any. */
  status: string | undefined;
  changed: boolean;
  issues: PairIssue[];
}

export type SpanIssue =
  | { code: 'noPackage' }
  | { code: 'overAllocated'; over: number }
  | { code: 'bandwidth'; message: string }
  | { code: 'period'; message: string };

export interface SpanEval {
  span: string;
  areas: [AreaId, AreaId];
  /** The associated package for this span, if any. */
  package: PackageInfo | undefined;
  /** An idle package the plan associates for this span. */
  association: PackageInfo | undefined;
  /** Idle packages of the account for this span (offered instead of buying). */
  idle: PackageInfo[];
  purchase: PurchaseEdit | undefined;
  /** New bandwidth of the package, if the user resizes it. */
  resize: number | undefined;
  /** Bandwidth once the plan is applied (0 without a package). */
  capacity: number;
  /** Allocated now: the server's word (package bandwidth − RemainingBandwidth) when known, else the sum of the limits. */
  allocatedNow: number;
  /** Allocated once the plan is applied. */
  allocatedPlanned: number;
  /** capacity − allocatedPlanned; negative when over-allocated. */
  remaining: number;
  /** RemainingBandwidth as the server reported it, if it was asked. */
  serverRemaining: number | undefined;
  pairs: PairEval[];
  issues: SpanIssue[];
  /** The smallest bandwidth that holds the planned limits (for "resize to"/"buy" offers), at least 2. */
  needed: number;
}

export interface PlanEvaluation {
  spans: SpanEval[];
  pairs: Map<string, PairEval>;
  /** True when there are changes and none of them has an issue. */
  valid: boolean;
  /** True when anything differs from the server's state. */
  dirty: boolean;
}

/**
 * Checks the pending edits against the state, with the API's rules:
 * a limit needs both regions attached, an associated package for its area
 * pair, and the sum of the limits on the pair within that package; 0 removes
 * a limit and always passes.
 *
 * @example
 * ```ts
 * const ev = evaluatePlan(state, { limits: { 'cn-hangzhou|us-west-1': 20 }, purchases: {}, resizes: {} });
 * ev.pairs.get('cn-hangzhou|us-west-1')?.issues; // [{ code: 'noPackage', span: 'north-america_china' }]
 * ```
 */
export function evaluatePlan(state: PlanState, edits: PlanEdits): PlanEvaluation {
  const attached = new Set(state.regions);
  const pairs = new Map<string, PairEval>();

  const limitsByKey = new Map<string, LimitInfo>();
  for (const l of state.limits) limitsByKey.set(pairKey(l.LocalRegionId, l.OppositeRegionId), l);

  // Every pair of attached regions, every pair with a limit, every pair the user edited.
  const keys = new Set<string>();
  const regions = [...attached].sort();
  for (let i = 0; i < regions.length; i++) for (let j = i + 1; j < regions.length; j++) keys.add(pairKey(regions[i]!, regions[j]!));
  for (const k of limitsByKey.keys()) keys.add(k);
  for (const k of Object.keys(edits.limits)) keys.add(k);

  for (const key of [...keys].sort()) {
    const [a, b] = pairRegions(key);
    if (a === b) continue;
    const limit = limitsByKey.get(key);
    const current = limit?.BandwidthLimit ?? 0;
    const target = Object.hasOwn(edits.limits, key) ? edits.limits[key]! : current;
    pairs.set(key, {
      key,
      LocalRegionId: limit?.LocalRegionId ?? a,
      OppositeRegionId: limit?.OppositeRegionId ?? b,
      span: regionSpanId(a, b) ?? limit?.GeographicSpanId,
      current,
      target,
      status: limit?.Status,
      changed: target !== current,
      issues: [],
    });
  }

  const packagesBySpan = new Map<string, PackageInfo>();
  for (const p of state.packages) {
    const s = spanOfPackage(p);
    if (s) packagesBySpan.set(s, p);
  }

  const idleBySpan = new Map<string, PackageInfo[]>();
  for (const p of state.idlePackages ?? []) {
    const s = spanOfPackage(p);
    if (s) idleBySpan.set(s, [...(idleBySpan.get(s) ?? []), p]);
  }

  const spanIds = new Set<string>([...packagesBySpan.keys(), ...Object.keys(edits.purchases), ...Object.keys(edits.associations ?? {})]);
  for (const p of pairs.values()) if (p.span) spanIds.add(p.span);

  const spans: SpanEval[] = [];
  for (const span of [...spanIds].sort()) {
    const pkg = packagesBySpan.get(span);
    const idle = idleBySpan.get(span) ?? [];
    const associationId = pkg ? undefined : edits.associations?.[span];
    const association = associationId ? idle.find((p) => p.CenBandwidthPackageId === associationId) : undefined;
    const purchase = pkg || association ? undefined : edits.purchases[span];
    const resize = pkg && Object.hasOwn(edits.resizes, pkg.CenBandwidthPackageId) ? edits.resizes[pkg.CenBandwidthPackageId] : undefined;
    const spanPairs = [...pairs.values()].filter((p) => p.span === span);
    const limitSum = spanPairs.reduce((n, p) => n + (Number.isFinite(p.current) ? p.current : 0), 0);
    const serverRemaining = state.remaining?.[span];
    const allocatedNow = pkg && serverRemaining !== undefined ? pkg.Bandwidth - serverRemaining : limitSum;
    const delta = spanPairs.reduce((n, p) => n + (p.changed && Number.isFinite(p.target) ? p.target - p.current : 0), 0);
    const allocatedPlanned = allocatedNow + delta;
    const capacity = resize ?? pkg?.Bandwidth ?? association?.Bandwidth ?? purchase?.Bandwidth ?? 0;
    const remaining = capacity - allocatedPlanned;
    const issues: SpanIssue[] = [];
    const wantsBandwidth = spanPairs.some((p) => p.changed && p.target > 0);
    const planned = pkg ?? association ?? purchase;
    if (!planned && wantsBandwidth) issues.push({ code: 'noPackage' });
    if (planned && remaining < 0) issues.push({ code: 'overAllocated', over: -remaining });
    const newBandwidth = resize ?? purchase?.Bandwidth;
    if (newBandwidth !== undefined) {
      const m = checkBandwidth(newBandwidth);
      if (m) issues.push({ code: 'bandwidth', message: m });
    }
    if (purchase) {
      const m = checkPackagePeriod(purchase.Period, purchase.PricingCycle);
      if (m) issues.push({ code: 'period', message: m });
    }
    spans.push({
      span,
      areas: spanAreas(span),
      package: pkg,
      association,
      idle,
      purchase,
      resize,
      capacity,
      allocatedNow,
      allocatedPlanned,
      remaining,
      serverRemaining,
      pairs: spanPairs,
      issues,
      needed: Math.max(2, allocatedPlanned),
    });
  }
  const spanById = new Map(spans.map((s) => [s.span, s]));

  for (const p of pairs.values()) {
    if (!p.changed) continue;
    const m = checkBandwidthLimit(p.target);
    if (m) {
      p.issues.push({ code: 'value', message: m });
      continue;
    }
    // Lowering or removing a limit frees bandwidth: the API accepts it whatever else is wrong.
    if (p.target < p.current) continue;
    if (!p.span) {
      p.issues.push({ code: 'unknownArea' });
      continue;
    }
    const missing = [p.LocalRegionId, p.OppositeRegionId].filter((r) => !attached.has(r));
    if (missing.length) p.issues.push({ code: 'notAttached', regions: missing });
    const s = spanById.get(p.span)!;
    if (!s.package && !s.association && !s.purchase) p.issues.push({ code: 'noPackage', span: p.span });
    else if (s.remaining < 0) p.issues.push({ code: 'overAllocated', span: p.span, over: -s.remaining });
  }

  const dirty =
    [...pairs.values()].some((p) => p.changed) ||
    spans.some((s) => s.purchase !== undefined || s.association !== undefined || (s.resize !== undefined && s.resize !== s.package?.Bandwidth));
  const valid = dirty && ![...pairs.values()].some((p) => p.issues.length) && !spans.some((s) => s.issues.length);
  return { spans, pairs, valid, dirty };
}

/** Days until a package expires (negative once expired), or undefined without a date. */
export function daysUntil(expiredTime: string | undefined, now: number): number | undefined {
  if (!expiredTime) return undefined;
  const t = Date.parse(expiredTime);
  return Number.isNaN(t) ? undefined : (t - now) / 86_400_000;
}

/** Expiry within this many days is shown prominently. */
export const EXPIRY_WARNING_DAYS = 7;

/**
 * True when a package expires within a week (or has expired).
 *
 * @example expiresSoon('2024-01-05T00:00Z', Date.parse('2024-01-01T00:00Z')) // true
 */
export function expiresSoon(expiredTime: string | undefined, now: number): boolean {
  const d = daysUntil(expiredTime, now);
  return d !== undefined && d < EXPIRY_WARNING_DAYS;
}

/** Limits allocated from one package (non-zero ones), for the refusal of unassociate/delete. */
export function limitsOnPackage(state: PlanState, pkg: PackageInfo): LimitInfo[] {
  const span = spanOfPackage(pkg);
  return state.limits.filter(
    (l) =>
      l.BandwidthLimit > 0 &&
      (l.BandwidthPackageId ? l.BandwidthPackageId === pkg.CenBandwidthPackageId : regionSpanId(l.LocalRegionId, l.OppositeRegionId) === span),
  );
}
