/**
 * Runs the steps of a bandwidth plan one after another: each write with its
 * Idempotency-Key, then a poll of the matching Describe call until the change
 * has settled (package Idle/InUse with the new bandwidth, limit Active or
 * gone). Stops at the first failure and says what was applied, what failed
 * and why, and what was not run.
 *
 * The transport is injected (`call`), so the element passes its client and
 * the tests can drive the real Worker.
 */
import { PAGE_SIZE_MAX } from '@cen-kit/catalog/rules';
import { pairKey } from './bandwidth-plan.js';
import type { PlanStep } from './plan-steps.js';

/** Code, message and RequestId of a failed call, however the transport reported it. */
export interface ErrorInfo {
  Code: string;
  Message: string;
  RequestId?: string;
}

type Json = Record<string, any>;

/** Reads an Alibaba-shaped error (`{Code, Message, RequestId}`) off anything thrown. */
export function errorInfo(e: unknown): ErrorInfo {
  const o: Json = e ?? {};
  const body: Json = o.body && typeof o.body === 'object' ? o.body : {};
  // `Code` (on the error, else on its body), then `code`.
  const pick = (k: string): string | undefined => [k, k[0]!.toLowerCase() + k.slice(1)].map((x) => o[x] ?? body[x]).find((v) => typeof v === 'string' && v);
  const RequestId = pick('RequestId');
  return { Code: pick('Code') ?? (e instanceof Error ? e.name : 'Error'), Message: pick('Message') ?? String(e), ...(RequestId ? { RequestId } : {}) };
}

export type StepPhase = 'pending' | 'calling' | 'waiting' | 'done' | 'failed' | 'notRun';

export interface StepOutcome {
  step: PlanStep;
  phase: StepPhase;
  /** RequestId of the write, once it was accepted. */
  RequestId?: string;
  /** For a purchase: the package it created. */
  CenBandwidthPackageId?: string;
  error?: ErrorInfo;
}

export interface PlanRunResult {
  applied: StepOutcome[];
  failed: StepOutcome | undefined;
  notRun: PlanStep[];
}

export interface RunnerDeps {
  /** Calls `POST /api/{action}`; rejects with an Alibaba-shaped error. */
  call(action: string, params: Json, idempotencyKey?: string): Promise<Json>;
  sleep?(ms: number): Promise<void>;
  now?(): number;
  /** Gaps between polls, in ms; the last one repeats. */
  pollIntervals?: readonly number[];
  /** How long one step may take to settle. */
  settleTimeoutMs?: number;
  onProgress?(index: number, outcome: StepOutcome): void;
}

/**
 * Runs the steps in order. Never throws for an API failure: the result says
 * which steps were applied, which one failed (with Code and RequestId) and
 * which were not run.
 *
 * @example
 * ```ts
 * const r = await runPlan(steps, { call: (a, p, k) => client.call(a, p, { idempotencyKey: k }) });
 * if (r.failed) console.log(r.failed.error?.Code, r.failed.error?.RequestId);
 * ```
 */
export async function runPlan(steps: readonly PlanStep[], deps: RunnerDeps): Promise<PlanRunResult> {
  const {
    call,
    sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
    now = Date.now,
    pollIntervals = [200, 400, 800, 1500, 3000],
    settleTimeoutMs = 180_000,
  } = deps;
  const outcomes: StepOutcome[] = steps.map((step) => ({ step, phase: 'pending' }));
  const report = (i: number, phase: StepPhase) => {
    outcomes[i]!.phase = phase;
    deps.onProgress?.(i, { ...outcomes[i]! });
  };
  // The package each purchase created, so its association step knows what to associate.
  const bought = new Map<string, string>();

  for (let i = 0; i < steps.length; i++) {
    const o = outcomes[i]!;
    const step = steps[i]!;
    try {
      report(i, 'calling');
      const [action, params] = callOf(step, bought);
      if (step.kind === 'associate') o.CenBandwidthPackageId = params.CenBandwidthPackageId;
      const res = await call(action, params, step.idempotencyKey);
      if (typeof res.RequestId === 'string') o.RequestId = res.RequestId;
      if (step.kind === 'buy') bought.set(step.span, (o.CenBandwidthPackageId = String(res.CenBandwidthPackageId)));
      report(i, 'waiting');
      // Polls until the change shows in the Describe call, or times out. A failing poll fails
      // the step: the Worker already retries Alibaba's throttling and 5xx answers.
      const deadline = now() + settleTimeoutMs;
      for (let n = 0; !(await settled(step, o.CenBandwidthPackageId, call)); n++) {
        if (now() >= deadline) {
          throw {
            Code: 'cen-kit.SettleTimeout',
            Message: `the change was accepted but had not settled after ${Math.round(settleTimeoutMs / 1000)} s`,
            RequestId: o.RequestId,
          };
        }
        await sleep(pollIntervals[Math.min(n, pollIntervals.length - 1)]!);
      }
      report(i, 'done');
    } catch (e) {
      o.error = errorInfo(e);
      report(i, 'failed');
      for (let j = i + 1; j < steps.length; j++) report(j, 'notRun');
      return { applied: outcomes.slice(0, i), failed: o, notRun: steps.slice(i + 1) };
    }
  }
  return { applied: outcomes, failed: undefined, notRun: [] };
}

function callOf(step: PlanStep, bought: Map<string, string>): [string, Json] {
  switch (step.kind) {
    case 'buy':
      return ['CreateCenBandwidthPackage', { ...step.params }];
    case 'associate': {
      const id = step.CenBandwidthPackageId ?? bought.get(step.span);
      if (!id) throw { Code: 'cen-kit.NoPackage', Message: `no package was bought for ${step.span}` };
      return ['AssociateCenBandwidthPackage', { CenId: step.CenId, CenBandwidthPackageId: id }];
    }
    case 'grow':
    case 'shrink':
      return ['ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: step.CenBandwidthPackageId, Bandwidth: step.to }];
    default:
      return ['SetCenInterRegionBandwidthLimit', { CenId: step.CenId, LocalRegionId: step.LocalRegionId, OppositeRegionId: step.OppositeRegionId, BandwidthLimit: step.to }];
  }
}

/**
 * Whether the step's change shows: a package Idle/InUse (on the CEN, with the new bandwidth), a
 * limit Active at its new value (or gone, for 0). `id` is the package a purchase or association
 * used.
 */
async function settled(step: PlanStep, id: string | undefined, call: RunnerDeps['call']): Promise<boolean> {
  if (step.kind === 'lower' || step.kind === 'raise') {
    const key = pairKey(step.LocalRegionId, step.OppositeRegionId);
    let l: Json | undefined;
    for (let page = 1, seen = 0; page <= 100; page++) {
      const res = await call('DescribeCenInterRegionBandwidthLimits', { CenId: step.CenId, PageNumber: page, PageSize: PAGE_SIZE_MAX });
      const list: Json[] = res.CenInterRegionBandwidthLimits?.CenInterRegionBandwidthLimit ?? [];
      l ??= list.find((x) => pairKey(x.LocalRegionId, x.OppositeRegionId) === key);
      seen += list.length;
      if (list.length < PAGE_SIZE_MAX || seen >= Number(res.TotalCount ?? 0)) break;
    }
    return l ? l.Status === 'Active' && Number(l.BandwidthLimit) === step.to : !step.to;
  }
  id ??= (step as { CenBandwidthPackageId?: string }).CenBandwidthPackageId;
  if (!id) return false;
  const res = await call('DescribeCenBandwidthPackages', { Filter: [{ Key: 'CenBandwidthPackageId', Value: [id] }] });
  const p: Json | undefined = res.CenBandwidthPackages?.CenBandwidthPackage?.[0];
  const ok = p?.Status === 'Idle' || p?.Status === 'InUse';
  return step.kind === 'buy' ? ok : step.kind === 'associate' ? p?.Status === 'InUse' && !!p.CenIds?.CenId?.includes(step.CenId) : ok && Number(p!.Bandwidth) === step.to;
}
