/**
 * Polling with back-off for the API's asynchronous operations (Creating →
 * Active, Attaching → Attached, …).
 */

export interface PollOptions {
  /** Stops the polling (element disconnected, a newer operation). */
  signal: AbortSignal;
  /** First wait in ms (default 400). */
  initial?: number;
  /** Longest wait in ms (default 5000). */
  max?: number;
  /** Growth of the wait per round (default 1.6). */
  factor?: number;
  /** Give up after this many ms in total (default 5 minutes). */
  timeout?: number;
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Calls `check` until it returns a value other than `undefined`, waiting
 * longer between rounds. Throws what `check` throws, the abort reason, or a
 * timeout error.
 *
 * @example
 * ```ts
 * const status = await pollUntil(async () => {
 *   const a = await client.DescribeCenAttachedChildInstanceAttribute(p, { signal });
 *   return a.Status === 'Attached' ? a.Status : undefined;
 * }, { signal });
 * ```
 */
export async function pollUntil<T>(check: () => Promise<T | undefined>, opts: PollOptions): Promise<T> {
  const { signal, initial = 400, max = 5000, factor = 1.6, timeout = 300_000 } = opts;
  const deadline = Date.now() + timeout;
  let wait = initial;
  for (;;) {
    signal.throwIfAborted();
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() + wait > deadline) throw new Error(`Still not settled after ${Math.round(timeout / 1000)} s.`);
    await sleep(wait, signal);
    wait = Math.min(max, wait * factor);
  }
}
