/**
 * Time limits for upstream calls: a timeout per attempt, a deadline across
 * all attempts, and the caller's own request signal (a client that goes away
 * stops the work).
 */

export const DEFAULT_ATTEMPT_TIMEOUT_MS = 10_000;
export const DEFAULT_DEADLINE_MS = 25_000;

/** Reads a positive millisecond var, falling back to `fallback` when unset or not a positive number. */
export function msVar(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Why an attempt was stopped. */
export class AttemptTimeout extends Error {
  override name = 'AttemptTimeout';
}
export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
}
export class ClientGone extends Error {
  override name = 'ClientGone';
}

/**
 * A signal for one attempt: aborted when the attempt times out, the deadline
 * passes, or the caller's request is aborted, with a reason saying which.
 * Call `done()` when the attempt is over so its timer and listeners go.
 *
 * @example
 * ```ts
 * const a = attemptSignal(10_000, deadline.signal, c.req.raw.signal);
 * try { await fetch(req, { signal: a.signal }); } finally { a.done(); }
 * ```
 */
export function attemptSignal(attemptMs: number, deadline: AbortSignal, request?: AbortSignal): { signal: AbortSignal; done: () => void } {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(new AttemptTimeout(`attempt took longer than ${attemptMs} ms`)), attemptMs);
  const onDeadline = () => ctl.abort(deadline.reason instanceof Error ? deadline.reason : new DeadlineExceeded('deadline passed'));
  const onRequest = () => ctl.abort(new ClientGone('the caller went away'));
  const done = () => {
    clearTimeout(timer);
    deadline.removeEventListener('abort', onDeadline);
    request?.removeEventListener('abort', onRequest);
  };
  if (deadline.aborted) onDeadline();
  else deadline.addEventListener('abort', onDeadline, { once: true });
  if (request?.aborted) onRequest();
  else request?.addEventListener('abort', onRequest, { once: true });
  return { signal: ctl.signal, done };
}

/** A deadline signal that fires after `ms` with a DeadlineExceeded reason. */
export function deadlineSignal(ms: number): { signal: AbortSignal; cancel: () => void } {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(new DeadlineExceeded(`no answer within ${ms} ms`)), ms);
  return { signal: ctl.signal, cancel: () => clearTimeout(timer) };
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles with `work`, or rejects with the signal's reason when it aborts
 * first. For transports that may not honour a signal themselves (a Durable
 * Object stub), so a hung upstream still ends on time.
 */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
