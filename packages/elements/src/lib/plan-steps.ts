/**
 * Turns an evaluated bandwidth plan into API calls in a safe order:
 * buy → associate → grow packages → lower/remove limits → raise/set limits →
 * shrink packages. In that order no step ever needs bandwidth that an earlier
 * step has not yet made free or bought, so a failure part-way leaves a state
 * the API accepts.
 */
import { areaRequestValue } from '@cen-kit/catalog/regions';
import { spanAreas, type PlanEvaluation } from './bandwidth-plan.js';

export type PlanStep =
  | {
      kind: 'buy';
      span: string;
      params: {
        Bandwidth: number;
        GeographicRegionAId: string;
        GeographicRegionBId: string;
        BandwidthPackageChargeType: 'PREPAY';
        PricingCycle: 'Month' | 'Year';
        Period: number;
        AutoPay: true;
        AutoRenew?: boolean;
      };
      idempotencyKey: string;
    }
  | { kind: 'associate'; span: string; CenId: string; CenBandwidthPackageId: string | undefined; idempotencyKey: string }
  | { kind: 'grow' | 'shrink'; span: string; CenBandwidthPackageId: string; from: number; to: number; idempotencyKey: string }
  | {
      kind: 'lower' | 'raise';
      span: string | undefined;
      CenId: string;
      LocalRegionId: string;
      OppositeRegionId: string;
      from: number;
      to: number;
      idempotencyKey: string;
    };

export type PlanStepKind = PlanStep['kind'];

/** The phase order; steps of one phase never depend on each other. */
export const STEP_ORDER: readonly PlanStepKind[] = ['buy', 'associate', 'grow', 'lower', 'raise', 'shrink'];

/**
 * FNV-1a, 32 bits, as 8 hex digits: a short stable digest for Idempotency-Keys
 * (not for security: it only has to tell different steps apart).
 */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A new plan key: random, printable ASCII, short enough that a step key
 * (`<planKey>-<run>-<digest>`) stays within the 64 characters of a ClientToken.
 */
export function newPlanKey(random: () => number = Math.random): string {
  let s = 'cenkit-';
  for (let i = 0; i < 16; i++) s += Math.floor(random() * 36).toString(36);
  return s;
}

export interface StepKeyOptions {
  CenId: string;
  /** Stable for as long as the user keeps the same pending plan. */
  planKey: string;
  /**
   * Counts apply attempts. Purchases ignore it: the key of a purchase depends
   * only on the plan and what is bought, so a retried apply replays the first
   * order instead of buying twice. The other writes are idempotent by nature
   * (set a limit to N) and get a key per attempt, so a failure that was
   * remembered for one attempt is not replayed on the next.
   */
  attempt: number;
}

/**
 * The calls that carry out a plan, in the safe order. Only valid plans should
 * be applied; this does not re-check them.
 *
 * @example
 * ```ts
 * const steps = planSteps(evaluatePlan(state, edits), { CenId, planKey, attempt: 1 });
 * steps.map((s) => s.kind); // ['buy', 'associate', 'raise']
 * ```
 */
export function planSteps(ev: PlanEvaluation, opts: StepKeyOptions): PlanStep[] {
  const { CenId, planKey, attempt } = opts;
  const key = (descriptor: string, stable = false) => `${planKey}-${stable ? 'p' : attempt.toString(36)}-${fnv1a(`${CenId}|${descriptor}`)}`;
  const steps: PlanStep[] = [];

  for (const s of ev.spans) {
    if (!s.purchase) continue;
    const [a, b] = spanAreas(s.span);
    const p = s.purchase;
    const buyKey = key(`buy|${s.span}|${p.Bandwidth}|${p.PricingCycle}|${p.Period}|${p.AutoRenew ?? false}`, true);
    steps.push({
      kind: 'buy',
      span: s.span,
      params: {
        Bandwidth: p.Bandwidth,
        GeographicRegionAId: areaRequestValue(a),
        GeographicRegionBId: areaRequestValue(b),
        BandwidthPackageChargeType: 'PREPAY',
        PricingCycle: p.PricingCycle,
        Period: p.Period,
        AutoPay: true,
        ...(p.AutoRenew ? { AutoRenew: true } : {}),
      },
      idempotencyKey: buyKey,
    });
    steps.push({ kind: 'associate', span: s.span, CenId, CenBandwidthPackageId: undefined, idempotencyKey: key(`associate|${buyKey}`) });
  }

  for (const s of ev.spans) {
    if (!s.association) continue;
    const id = s.association.CenBandwidthPackageId;
    steps.push({ kind: 'associate', span: s.span, CenId, CenBandwidthPackageId: id, idempotencyKey: key(`associate|${id}`) });
  }

  for (const s of ev.spans) {
    if (!s.package || s.resize === undefined || s.resize === s.package.Bandwidth) continue;
    const id = s.package.CenBandwidthPackageId;
    const kind = s.resize > s.package.Bandwidth ? 'grow' : 'shrink';
    steps.push({ kind, span: s.span, CenBandwidthPackageId: id, from: s.package.Bandwidth, to: s.resize, idempotencyKey: key(`${kind}|${id}|${s.resize}`) });
  }

  for (const p of ev.pairs.values()) {
    if (!p.changed) continue;
    const kind = p.target < p.current ? 'lower' : 'raise';
    steps.push({
      kind,
      span: p.span,
      CenId,
      LocalRegionId: p.LocalRegionId,
      OppositeRegionId: p.OppositeRegionId,
      from: p.current,
      to: p.target,
      idempotencyKey: key(`${kind}|${p.key}|${p.target}`),
    });
  }

  // Stable sort keeps each phase in the (sorted) order it was built in.
  return steps.sort((x, y) => STEP_ORDER.indexOf(x.kind) - STEP_ORDER.indexOf(y.kind));
}
