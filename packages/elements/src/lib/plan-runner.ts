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
import type { PlanStep } from './plan-steps.js';

/** Code, message and RequestId of a failed call, however the transport reported it. */
export interface ErrorInfo {
  Code: string;
  Message: string;
  RequestId?: string;
}

/** Reads an Alibaba-shaped error (`{Code, Message, RequestId}`) off anything thrown. */
export function errorInfo(e: unknown): ErrorInfo {
  const o = (e ?? {}) as Record<string, unknown>;
  const body = (o.body && typeof o.body === 'object' ? o.body : {}) as Record<string, unknown>;
  const pick = (...keys: string[]) => {
    for (const k of keys) {
      const v = o[k] ?? body[k];
      if (typeof v === 'string' && v) return v;
    }
    return undefined;
  };
  return {
    Code: pick('Code', 'code') ?? (e instanceof Error ? e.name : 'Error'),
    Message: pick('Message', 'message') ?? String(e),
    ...(pick('RequestId', 'requestId') ? { RequestId: pick('RequestId', 'requestId')! } : {}),
  };
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

type Json = Record<string, unknown>;

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

const DEFAULT_POLL = [200, 400, 800, 1500, 3000] as const;

/** Thrown when a change was accepted but did not settle in time. */
export class SettleTimeout extends Error {
  readonly Code = 'cen-kit.SettleTimeout';
  constructor(message: string, readonly RequestId?: string) {
    super(message);
  }
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
  const outcomes: StepOutcome[] = steps.map((step) => ({ step, phase: 'pending' }));
  const report = (i: number) => deps.onProgress?.(i, { ...outcomes[i]! });
  // The package each purchase created, so its association step knows what to associate.
  const bought = new Map<string, string>();

  for (let i = 0; i < steps.length; i++) {
    const o = outcomes[i]!;
    const step = steps[i]!;
    try {
      o.phase = 'calling';
      report(i);
      const { action, params } = callOf(step, bought);
      if (step.kind === 'associate') o.CenBandwidthPackageId = String(params.CenBandwidthPackageId);
      const res = await deps.call(action, params, step.idempotencyKey);
      if (typeof res.RequestId === 'string') o.RequestId = res.RequestId;
      if (step.kind === 'buy') {
        o.CenBandwidthPackageId = String(res.CenBandwidthPackageId);
        bought.set(step.span, o.CenBandwidthPackageId);
      }
      o.phase = 'waiting';
      report(i);
      await settle(step, o, bought, deps);
      o.phase = 'done';
      report(i);
    } catch (e) {
      o.phase = 'failed';
      o.error = errorInfo(e);
      report(i);
      for (let j = i + 1; j < steps.length; j++) {
        outcomes[j]!.phase = 'notRun';
        report(j);
      }
      return { applied: outcomes.slice(0, i), failed: o, notRun: steps.slice(i + 1) };
    }
  }
  return { applied: outcomes, failed: undefined, notRun: [] };
}

function callOf(step: PlanStep, bought: Map<string, string>): { action: string; params: Json } {
  switch (step.kind) {
    case 'buy':
      return { action: 'CreateCenBandwidthPackage', params: { ...step.params } };
    case 'associate': {
      const id = step.CenBandwidthPackageId ?? bought.get(step.span);
      if (!id) throw { Code: 'cen-kit.NoPackage', Message: `no package was bought for ${step.span}` };
      return { action: 'AssociateCenBandwidthPackage', params: { CenId: step.CenId, CenBandwidthPackageId: id } };
    }
    case 'grow':
    case 'shrink':
      return { action: 'ModifyCenBandwidthPackageSpec', params: { CenBandwidthPackageId: step.CenBandwidthPackageId, Bandwidth: step.to } };
    case 'lower':
    case 'raise':
      return {
        action: 'SetCenInterRegionBandwidthLimit',
        params: { CenId: step.CenId, LocalRegionId: step.LocalRegionId, OppositeRegionId: step.OppositeRegionId, BandwidthLimit: step.to },
      };
  }
}

/** Polls until the step's change shows in the Describe call, or times out. */
async function settle(step: PlanStep, o: StepOutcome, bought: Map<string, string>, deps: RunnerDeps): Promise<void> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = deps.now ?? Date.now;
  const intervals = deps.pollIntervals ?? DEFAULT_POLL;
  const deadline = now() + (deps.settleTimeoutMs ?? 180_000);
  // A failing poll fails the step: the Worker already retries Alibaba's throttling and 5xx answers.
  for (let n = 0; ; n++) {
    if (await settled(step, bought, deps)) return;
    if (now() >= deadline) {
      throw new SettleTimeout(`the change was accepted but had not settled after ${Math.round((deps.settleTimeoutMs ?? 180_000) / 1000)} s`, o.RequestId);
    }
    await sleep(intervals[Math.min(n, intervals.length - 1)]!);
  }
}

async function settled(step: PlanStep, bought: Map<string, string>, deps: RunnerDeps): Promise<boolean> {
  if (step.kind === 'lower' || step.kind === 'raise') {
    const limits = await allLimits(step.CenId, deps);
    const l = limits.find(
      (x) =>
        (x.LocalRegionId === step.LocalRegionId && x.OppositeRegionId === step.OppositeRegionId) ||
        (x.LocalRegionId === step.OppositeRegionId && x.OppositeRegionId === step.LocalRegionId),
    );
    if (step.to === 0) return !l || (l.Status === 'Active' && Number(l.BandwidthLimit) === 0);
    return !!l && l.Status === 'Active' && Number(l.BandwidthLimit) === step.to;
  }
  let id: string | undefined;
  if (step.kind === 'buy') id = bought.get(step.span);
  else if (step.kind === 'associate') id = step.CenBandwidthPackageId ?? bought.get(step.span);
  else if (step.kind === 'grow' || step.kind === 'shrink') id = step.CenBandwidthPackageId;
  if (!id) return false;
  const res = await deps.call('DescribeCenBandwidthPackages', { Filter: [{ Key: 'CenBandwidthPackageId', Value: [id] }] });
  const p = ((res.CenBandwidthPackages as Json | undefined)?.CenBandwidthPackage as Json[] | undefined)?.[0];
  if (!p) return false;
  const status = String(p.Status);
  switch (step.kind) {
    case 'buy':
      return status === 'Idle' || status === 'InUse';
    case 'associate': {
      const cens = ((p.CenIds as Json | undefined)?.CenId as string[] | undefined) ?? [];
      return status === 'InUse' && cens.includes(step.CenId);
    }
    default:
      return Number(p.Bandwidth) === step.to && (status === 'Idle' || status === 'InUse');
  }
}

async function allLimits(CenId: string, deps: RunnerDeps): Promise<Json[]> {
  const items: Json[] = [];
  for (let page = 1; page <= 100; page++) {
    const res = await deps.call('DescribeCenInterRegionBandwidthLimits', { CenId, PageNumber: page, PageSize: 50 });
    const list = ((res.CenInterRegionBandwidthLimits as Json | undefined)?.CenInterRegionBandwidthLimit as Json[] | undefined) ?? [];
    items.push(...list);
    if (list.length < 50 || items.length >= Number(res.TotalCount ?? 0)) break;
  }
  return items;
}
