/**
 * Fault injection, off by default: latency, throttling, 5xx and dropped
 * connections at a rate (0–1), optionally only for some actions; plus
 * deterministic "fail the next N calls of action X with code C" for tests.
 * The host decides whether faults may be turned on at all.
 */
import { errorSpec, type ErrorCode } from '@cen-kit/catalog';
import { ApiError } from './errors.js';

export type FaultKind = 'throttling' | 'unavailable' | 'internal' | 'drop';
export const FAULT_KINDS: readonly FaultKind[] = ['throttling', 'unavailable', 'internal', 'drop'];

export interface FailNext {
  /** Action to fail, or `*` for any. */
  Action: string;
  /** Error code to answer with (any catalogue code), or `drop` for a dropped connection. */
  Code: string;
  /** How many of the next calls fail. */
  count: number;
}

export interface FaultConfig {
  /** Added to every call, in milliseconds. */
  latencyMs?: number;
  /** Probability (0–1) that a call fails with one of `kinds`. */
  rate?: number;
  /** Which failures `rate` picks from (default all). */
  kinds?: FaultKind[];
  /** Only these actions are affected by `latencyMs` and `rate` (default all). */
  actions?: string[];
  /** With throttling, send `x-acs-retry-after` (milliseconds), as newer gateways do. */
  retryAfterMs?: number;
  /** Deterministic failures, consumed in order. */
  failNext?: FailNext[];
}

export type FaultOutcome = { kind: 'none' } | { kind: 'error'; error: ApiError } | { kind: 'drop' };

/** Checks a FaultConfig from the control endpoint; returns what is wrong, or undefined. */
export function checkFaultConfig(v: unknown): string | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'faults must be a JSON object';
  const f = v as Record<string, unknown>;
  const known = ['latencyMs', 'rate', 'kinds', 'actions', 'retryAfterMs', 'failNext'];
  const unknown = Object.keys(f).filter((k) => !known.includes(k));
  if (unknown.length) return `unknown field ${unknown.join(', ')} (known: ${known.join(', ')})`;
  if (f.latencyMs !== undefined && !(typeof f.latencyMs === 'number' && f.latencyMs >= 0 && f.latencyMs <= 60_000)) return 'latencyMs must be a number from 0 to 60000';
  if (f.rate !== undefined && !(typeof f.rate === 'number' && f.rate >= 0 && f.rate <= 1)) return 'rate must be a number from 0 to 1';
  if (f.retryAfterMs !== undefined && !(typeof f.retryAfterMs === 'number' && Number.isInteger(f.retryAfterMs) && f.retryAfterMs > 0)) return 'retryAfterMs must be a positive whole number';
  if (f.kinds !== undefined && !(Array.isArray(f.kinds) && f.kinds.every((k) => FAULT_KINDS.includes(k as FaultKind)))) return `kinds must be a list of ${FAULT_KINDS.join(', ')}`;
  if (f.actions !== undefined && !(Array.isArray(f.actions) && f.actions.every((a) => typeof a === 'string'))) return 'actions must be a list of action names';
  if (f.failNext !== undefined) {
    if (!Array.isArray(f.failNext)) return 'failNext must be a list of {Action, Code, count}';
    for (const [i, n] of f.failNext.entries()) {
      const x = n as Partial<FailNext>;
      if (!x || typeof x.Action !== 'string' || typeof x.Code !== 'string' || !Number.isInteger(x.count) || x.count! < 1) {
        return `failNext[${i}] must be {Action, Code, count ≥ 1}`;
      }
      if (x.Code !== 'drop' && !errorSpec(x.Code)) return `failNext[${i}].Code ${x.Code} is not a known error code`;
    }
  }
  return undefined;
}

const KIND_ERROR: Record<Exclude<FaultKind, 'drop'>, ErrorCode> = {
  throttling: 'Throttling.User',
  unavailable: 'ServiceUnavailable',
  internal: 'InternalError',
};

function errorFor(code: ErrorCode, config: FaultConfig): ApiError {
  const headers: Record<string, string> = {};
  if (code.startsWith('Throttling') && config.retryAfterMs) headers['x-acs-retry-after'] = String(config.retryAfterMs);
  return new ApiError(code, undefined, headers);
}

/**
 * Decides the fault for one call and consumes a `failNext` entry if one
 * applies. Mutates `config.failNext`.
 */
export function pickFault(config: FaultConfig, action: string, random: () => number): FaultOutcome {
  const next = config.failNext?.find((n) => n.count > 0 && (n.Action === action || n.Action === '*'));
  if (next) {
    next.count -= 1;
    config.failNext = config.failNext!.filter((n) => n.count > 0);
    return next.Code === 'drop' ? { kind: 'drop' } : { kind: 'error', error: errorFor(next.Code as ErrorCode, config) };
  }
  if (!applies(config, action) || !config.rate || random() >= config.rate) return { kind: 'none' };
  const kinds = config.kinds?.length ? config.kinds : FAULT_KINDS;
  const kind = kinds[Math.min(kinds.length - 1, Math.floor(random() * kinds.length))]!;
  return kind === 'drop' ? { kind: 'drop' } : { kind: 'error', error: errorFor(KIND_ERROR[kind], config) };
}

export function applies(config: FaultConfig, action: string): boolean {
  return !config.actions?.length || config.actions.includes(action);
}

/**
 * A response whose body stream fails, so the caller sees a network error
 * (fetch's body read rejects; over HTTP the connection is cut).
 */
export function droppedResponse(): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.error(new Error('cen-kit emulator: connection dropped (fault injection)'));
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}
