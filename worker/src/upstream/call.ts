/**
 * One API call to the upstream (Alibaba or the emulator): sign, send, read,
 * decode, retry when that is safe, and give back either the action's official
 * JSON answer or Alibaba's error, unchanged but for secrets.
 */
import { readCapped } from '../read-capped.js';
import { listPaths, parseResponse, type ActionSpec } from '@cen-kit/catalog';
import {
  bodyIsXml,
  buildRequest,
  decodeError,
  decodeXml,
  flattenParams,
  parseJsonChecked,
  signRequest,
  stringToSign,
  type AlibabaError,
  type WireParams,
} from '@cen-kit/rpc';
import type { Bindings } from '../env.js';
import { ApiError, invalidParameter, invalidUpstreamResponse, upstreamTimeout, upstreamUnavailable, type ErrorBody, type Issue } from '../errors.js';
import { redactSecrets } from '../redact.js';
import { endpointFor } from './endpoints.js';
import type { Profile } from './profiles.js';
import { backoffMs, isTransient, MAX_ATTEMPTS, mayRepeat, retryAfterMs, type Outcome } from './retry.js';
import {
  AttemptTimeout,
  attemptSignal,
  ClientGone,
  DEFAULT_ATTEMPT_TIMEOUT_MS,
  DEFAULT_DEADLINE_MS,
  deadlineSignal,
  DeadlineExceeded,
  msVar,
  raceAbort,
} from './timeout.js';
import type { Transport } from './transport.js';

/** Largest upstream body read (Alibaba's biggest pages are far smaller). */
export const MAX_UPSTREAM_BODY_BYTES = 8 * 1024 * 1024;

/** Things tests replace: randomness and waiting (backoff), the clock and the nonce (signing). */
export interface CallDeps {
  random: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => Date;
  nonce?: () => string;
}

export interface CallOptions {
  spec: ActionSpec;
  /** Validated parameters (the schema's output), ClientToken already filled in for writes that take one. */
  params: Record<string, unknown>;
  profile: Profile;
  env: Bindings;
  transport: Transport;
  deps: CallDeps;
  /** The caller's request signal: when the caller goes away, the call stops. */
  signal?: AbortSignal;
}

export interface CallResult {
  /** HTTP status to answer with: 200, or Alibaba's error status. */
  status: number;
  /** The official JSON answer, or Alibaba's error body. */
  body: Record<string, unknown>;
  /** How many requests were sent. */
  attempts: number;
  /** Alibaba's error code, when the answer is an error. */
  code?: string;
  /**
   * The upstream's own JSON text, when `body` is exactly what it says (nothing
   * coerced, dropped or quoted): the answer can be sent as it came instead of
   * written again (a 500-route page costs about 0.4 ms of CPU to stringify).
   */
  json?: string;
}

const SIGNATURE_MISMATCH_PREFIX = 'server string to sign is:';

/**
 * Calls the upstream for one action.
 *
 * @example
 * ```ts
 * const r = await callUpstream({ spec: catalog.DescribeCens, params: { PageSize: 10 }, profile, env,
 *   transport: transportFor(env, fetch), deps: { random: Math.random, sleep } });
 * // r.status === 200, r.body.Cens.Cen[…]
 * ```
 */
export async function callUpstream(o: CallOptions): Promise<CallResult> {
  const { spec, params, env, deps } = o;
  const format = (env.UPSTREAM_FORMAT ?? 'JSON').toUpperCase() === 'XML' ? 'XML' : 'JSON';
  const endpoint = endpointFor(spec.product, params, env);
  const wire = flattenParams(params);
  const paths = listPaths(spec.response);
  const attemptMs = msVar(env.UPSTREAM_ATTEMPT_TIMEOUT_MS, DEFAULT_ATTEMPT_TIMEOUT_MS);
  const deadlineMs = msVar(env.UPSTREAM_DEADLINE_MS, DEFAULT_DEADLINE_MS);
  const started = Date.now();
  const deadline = deadlineSignal(deadlineMs);
  const repeatable = mayRepeat(spec, params);
  // Set by every attempt that does not return (an ApiError is only built when one is needed).
  let last: CallResult | ApiError | undefined;
  try {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      // A new nonce and timestamp every attempt: Alibaba refuses a reused nonce.
      const signed = await signRequest({
        method: 'POST',
        Action: spec.Action,
        Version: spec.Version,
        params: wire,
        credentials: o.profile.credentials,
        Format: format,
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.nonce ? { nonce: deps.nonce } : {}),
      }).catch((e: unknown) => {
        // Text that is not valid Unicode (a lone surrogate) cannot be encoded; the message names the parameter only.
        if (e instanceof URIError) throw invalidParameter([{ path: wireToJsonPath(e.message), message: e.message }]);
        throw e;
      });
      const request = buildRequest(endpoint, 'POST', signed);
      const a = attemptSignal(attemptMs, deadline.signal, o.signal);
      let outcome: Outcome;
      let retryAfter: number | undefined;
      try {
        const res = await raceAbort(o.transport(request, a.signal), a.signal);
        const text = await raceAbort(readText(res, MAX_UPSTREAM_BODY_BYTES), a.signal);
        retryAfter = retryAfterMs(res.headers);
        const answer = interpret(spec, res.status, res.headers.get('content-type'), text, paths, signed);
        if (answer.status < 400 && !answer.code) return { ...answer, attempts: attempt };
        last = { ...answer, attempts: attempt };
        outcome = { kind: 'answer', status: answer.status, ...(answer.code ? { code: answer.code } : {}) };
      } catch (e) {
        const reason: unknown = a.signal.aborted ? a.signal.reason : e;
        if (e instanceof ApiError && !a.signal.aborted) throw e;
        if (reason instanceof DeadlineExceeded) throw upstreamTimeout(deadlineMs);
        if (reason instanceof ClientGone) throw new ApiError(499, 'ClientClosedRequest', 'The caller closed the request.');
        if (reason instanceof AttemptTimeout) {
          outcome = { kind: 'timeout' };
          last = upstreamTimeout(attemptMs);
        } else {
          outcome = { kind: 'network' };
          last = upstreamUnavailable(describeNetworkError(reason));
        }
      } finally {
        a.done();
      }
      if (!repeatable || !isTransient(outcome) || attempt === MAX_ATTEMPTS) break;
      const wait = retryAfter ?? backoffMs(attempt, deps.random);
      // Waiting past the deadline would only turn a clear answer into a timeout.
      if (Date.now() - started + wait >= deadlineMs) break;
      try {
        await deps.sleep(wait, deadline.signal);
      } catch (e) {
        // The deadline came during the wait: answer with what the last attempt gave.
        if (e instanceof DeadlineExceeded) break;
        throw e;
      }
    }
  } finally {
    deadline.cancel();
  }
  if (last === undefined || last instanceof ApiError) throw last ?? upstreamUnavailable('no attempt was made');
  return last;
}

/**
 * Turns one upstream answer into our answer: the parsed official JSON, or
 * Alibaba's error. (Exported for the CPU bench, which times exactly this.)
 *
 * @example interpret(catalog.DescribeCens, 200, 'application/json', text, listPaths(catalog.DescribeCens.response), signed)
 */
export function interpret(
  spec: ActionSpec,
  status: number,
  contentType: string | null,
  text: string,
  paths: readonly string[],
  signed: WireParams,
): Omit<CallResult, 'attempts'> {
  let decoded: unknown;
  let verbatim = false;
  try {
    if (text.trim() === '') decoded = undefined;
    else if (bodyIsXml(text, contentType)) decoded = decodeXml(text, paths);
    else ({ value: decoded, verbatim } = parseJsonChecked(text));
  } catch {
    if (status < 400) throw invalidUpstreamResponse([{ path: '', message: 'the body is neither JSON nor XML' }]);
    decoded = undefined;
  }
  const err = decodeError(decoded, status);
  if (err) {
    const httpStatus = status >= 400 ? status : 502;
    return { status: httpStatus, code: err.Code, body: errorBody(err, signed) as unknown as Record<string, unknown> };
  }
  // The catalogue's response schema, compiled to one pass; zod itself reports a refusal.
  const parsed = parseResponse(spec.response, decoded ?? {});
  if (!parsed.success) {
    const issues: Issue[] = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw invalidUpstreamResponse(issues);
  }
  // The normaliser hands back the very object it was given when it had nothing to change.
  const unchanged = verbatim && parsed.data === decoded;
  return { status: 200, body: parsed.data as Record<string, unknown>, ...(unchanged ? { json: text } : {}) };
}

/** Alibaba's error, its fields kept, secrets stripped, and a hint for signature mismatches. */
function errorBody(err: AlibabaError, signed: WireParams): ErrorBody {
  const body: ErrorBody = { Code: err.Code, Message: redactSecrets(err.Message) };
  if (err.RequestId !== undefined) body.RequestId = err.RequestId;
  if (err.HostId !== undefined) body.HostId = err.HostId;
  if (err.Recommend !== undefined) body.Recommend = err.Recommend;
  if (err.Code === 'SignatureDoesNotMatch') body.Hint = signatureHint(err.Message, signed);
  return body;
}

/**
 * Compares the server's string to sign (quoted in Alibaba's message) with
 * ours. Equal strings mean the key is wrong; different ones mean the request
 * was encoded differently from what was signed.
 */
export function signatureHint(message: string, signed: WireParams): string {
  const at = message.indexOf(SIGNATURE_MISMATCH_PREFIX);
  if (at < 0) return 'The server did not say what it signed. Check the AccessKey secret, then the encoding of the parameters.';
  const theirs = message.slice(at + SIGNATURE_MISMATCH_PREFIX.length).trim();
  const ours = stringToSign('POST', signed);
  return theirs === ours
    ? 'The server signed the same string as the Worker: check the AccessKey secret (ALIBABA_CLOUD_ACCESS_KEY_SECRET).'
    : 'The server signed a different string from the Worker: a parameter was encoded or altered on the way (an encoding problem, not the key).';
}

/** `parameter "Filter.1.Value.2": …` → `Filter[0].Value[1]` (the JSON path callers know), or `` when absent. */
function wireToJsonPath(message: string): string {
  const m = /parameter "([^"]+)"/.exec(message);
  return m ? m[1]!.replace(/\.(\d+)(?=\.|$)/g, (_x, n: string) => `[${Number(n) - 1}]`) : '';
}

function describeNetworkError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return redactSecrets(msg).slice(0, 200) || 'network error';
}

/** Reads a body as text, refusing more than `max` bytes. */
async function readText(res: Response, max: number): Promise<string> {
  const tooLarge = () => upstreamUnavailable(`the answer is larger than ${max} bytes`);
  if (Number(res.headers.get('content-length')) > max) throw tooLarge();
  return readCapped(res.body, max, tooLarge);
}
