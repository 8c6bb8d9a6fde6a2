/**
 * The model behind <cen-bandwidth-planner>: the CEN's packages, attached
 * regions and inter-region limits, the user's pending edits, and the checks
 * the API would apply to them (both regions attached, a package for the area
 * pair, the sum on the pair within the package). Pure: the element feeds it
 * what the Describe calls returned and renders what it answers.
 */
import { checkBandwidth, checkBandwidthLimit, checkPackagePeriod, spanOverAllocation } from '@cen-kit/catalog/rules';
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

/** Splits at the first `sep`. */
const cut = (x: string, sep: string): [string, string] => {
  const i = x.indexOf(sep);
  return [x.slice(0, i), x.slice(i + 1)];
};

/** The two regions of a pair key. */
export const pairRegions = (key: string): [string, string] => cut(key, '|');

/** An area from a request or response value (responses use lower-case ids, requests capitalised). */
const area = (v: string) => areaFromRequestValue(v) ?? areaFromRequestValue(v.toLowerCase());

/** The span id of a package, from its areas. */
export function spanOfPackage(p: PackageInfo): string | undefined {
  const a = area(p.GeographicRegionAId);
  const b = area(p.GeographicRegionBId);
  return a && b ? spanId(a, b) : p.GeographicSpanId;
}

/** The two areas of a span id (`north-america_china` → `['north-america', 'china']`). */
export const spanAreas = (span: string) => cut(span, '_') as [AreaId, AreaId];

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
  const limits = new Map(state.limits.map((l) => [pairKey(l.LocalRegionId, l.OppositeRegionId), l]));
  const regions = [...attached].sort();
  const pairs = new Map<string, PairEval>();
  // Every pair of attached regions, every pair with a limit, every pair the user edited.
  const keys = new Set([...regions.flatMap((a, i) => regions.slice(i + 1).map((b) => pairKey(a, b))), ...limits.keys(), ...Object.keys(edits.limits)]);
  for (const key of [...keys].sort()) {
    const [a, b] = pairRegions(key);
    if (a === b) continue;
    const l = limits.get(key);
    const current = l?.BandwidthLimit ?? 0;
    const target = edits.limits[key] ?? current;
    pairs.set(key, {
      key,
      LocalRegionId: l?.LocalRegionId ?? a,
      OppositeRegionId: l?.OppositeRegionId ?? b,
      span: regionSpanId(a, b) ?? l?.GeographicSpanId,
      current,
      target,
      status: l?.Status,
      changed: target !== current,
      issues: [],
    });
  }
  const pairList = [...pairs.values()];

  const bySpan = (list: PackageInfo[] = []) => {
    const m = new Map<string, PackageInfo[]>();
    for (const p of list) {
      const s = spanOfPackage(p);
      if (s) m.set(s, [...(m.get(s) ?? []), p]);
    }
    return m;
  };
  const packagesBySpan = bySpan(state.packages);
  const idleBySpan = bySpan(state.idlePackages);
  const spanIds = new Set([...packagesBySpan.keys(), ...Object.keys(edits.purchases), ...Object.keys(edits.associations ?? {}), ...pairList.flatMap((p) => p.span || [])]);

  const spans = [...spanIds].sort().map((span): SpanEval => {
    const pkg = packagesBySpan.get(span)?.at(-1);
    const idle = idleBySpan.get(span) ?? [];
    const association = pkg ? undefined : idle.find((p) => p.CenBandwidthPackageId === edits.associations?.[span]);
    const purchase = pkg || association ? undefined : edits.purchases[span];
    const resize = pkg && edits.resizes[pkg.CenBandwidthPackageId];
    const spanPairs = pairList.filter((p) => p.span === span);
    const sum = (f: (p: PairEval) => number) => spanPairs.reduce((n, p) => n + f(p), 0);
    const serverRemaining = state.remaining?.[span];
    const allocatedNow = pkg && serverRemaining !== undefined ? pkg.Bandwidth - serverRemaining : sum((p) => (Number.isFinite(p.current) ? p.current : 0));
    const allocatedPlanned = allocatedNow + sum((p) => (p.changed && Number.isFinite(p.target) ? p.target - p.current : 0));
    const planned = pkg ?? association ?? purchase;
    const capacity = resize ?? planned?.Bandwidth ?? 0;
    const remaining = capacity - allocatedPlanned;
    const issues: SpanIssue[] = [];
    if (!planned) {
      if (spanPairs.some((p) => p.changed && p.target > 0)) issues.push({ code: 'noPackage' });
    } else {
      const over = spanOverAllocation(allocatedPlanned, capacity);
      if (over) issues.push({ code: 'overAllocated', over });
    }
    const bandwidth = resize ?? purchase?.Bandwidth;
    const m = bandwidth !== undefined && checkBandwidth(bandwidth);
    if (m) issues.push({ code: 'bandwidth', message: m });
    const period = purchase && checkPackagePeriod(purchase.Period, purchase.PricingCycle);
    if (period) issues.push({ code: 'period', message: period });
    return {
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
    };
  });

  for (const p of pairList) {
    if (!p.changed) continue;
    const m = checkBandwidthLimit(p.target);
    const s = spans.find((x) => x.span === p.span);
    // Lowering or removing a limit frees bandwidth: the API accepts it whatever else is wrong.
    if (m) p.issues.push({ code: 'value', message: m });
    else if (p.target < p.current) continue;
    else if (!s) p.issues.push({ code: 'unknownArea' });
    else {
      const missing = [p.LocalRegionId, p.OppositeRegionId].filter((r) => !attached.has(r));
      if (missing.length) p.issues.push({ code: 'notAttached', regions: missing });
      if (!s.package && !s.association && !s.purchase) p.issues.push({ code: 'noPackage', span: s.span });
      else if (s.remaining < 0) p.issues.push({ code: 'overAllocated', span: s.span, over: -s.remaining });
    }
  }

  const dirty = pairList.some((p) => p.changed) || spans.some((s) => s.purchase || s.association || (s.resize !== undefined && s.resize !== s.package?.Bandwidth));
  const valid = dirty && ![...pairList, ...spans].some((x) => x.issues.length);
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
