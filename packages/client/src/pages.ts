/**
 * Fetching every page of a paged Describe action without a runtime catalogue:
 * the list is found by its shape (Alibaba wraps each list in an object with
 * one array, `{"Cens":{"Cen":[...]}}`).
 */
import { CenApiError, invalidParameter } from './errors.js';

/** Where the item list of a response is: `Cens.Cen` → `['Cens', 'Cen']`. */
export type ListPath = readonly [wrapper: string, item: string];

/**
 * Finds the one property of a response that is a wrapper object holding one
 * array, or undefined.
 *
 * @example
 * ```ts
 * findListPath({ RequestId: 'r', TotalCount: 1, Cens: { Cen: [{}] } }); // ['Cens', 'Cen']
 * ```
 */
export function findListPath(body: unknown): ListPath | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const found: ListPath[] = [];
  for (const [k, v] of Object.entries(body)) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
    const keys = Object.keys(v);
    if (keys.length === 1 && Array.isArray((v as Record<string, unknown>)[keys[0]!])) found.push([k, keys[0]!]);
  }
  return found.length === 1 ? found[0] : undefined;
}

function itemsAt(body: unknown, path: ListPath, page: number, action: string): unknown[] {
  const wrapper = (body as Record<string, unknown> | null)?.[path[0]];
  const items = wrapper && typeof wrapper === 'object' ? (wrapper as Record<string, unknown>)[path[1]] : undefined;
  if (Array.isArray(items)) return items;
  throw new CenApiError({ Code: 'InvalidResponse', Message: `Page ${page} of ${action} has no ${path.join('.')} list.`, status: 200, body });
}

const count = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** Fetches one page (1-based) with the given signal. */
export type PageFetcher = (pageNumber: number, signal: AbortSignal | undefined) => Promise<unknown>;

export interface CollectOptions {
  action: string;
  concurrency?: number | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Page 1 first (it says how many there are), then pages 2…N with at most
 * `concurrency` in flight. The first failure aborts the pages still in flight
 * and is thrown; an abort of `signal` is thrown as it is.
 */
export async function collectPages(fetchPage: PageFetcher, opts: CollectOptions): Promise<{ items: unknown[]; TotalCount: number; requests: number }> {
  const concurrency = opts.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw invalidParameter('concurrency', `must be a whole number of at least 1, not ${String(concurrency)}`);
  const first = await fetchPage(1, opts.signal);
  const path = findListPath(first);
  const b = first as Record<string, unknown>;
  const total = count(b?.TotalCount);
  if (!path || total === undefined) {
    throw new CenApiError({
      Code: 'InvalidResponse',
      Message: `${opts.action} did not answer like a paged action (a TotalCount and one wrapped list).`,
      status: 200,
      body: first,
    });
  }
  const firstItems = itemsAt(first, path, 1, opts.action);
  // The page size the server used (it may cap what was asked for).
  const size = count(b.PageSize) || firstItems.length;
  const pages = size > 0 ? Math.ceil(total / size) : 1;
  const rest: unknown[][] = [];
  let requests = 1;
  if (pages > 1) {
    const ctl = new AbortController();
    const onAbort = () => ctl.abort(opts.signal!.reason);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    let failure: { error: unknown } | undefined;
    let next = 2;
    const worker = async () => {
      while (!failure && next <= pages) {
        const n = next++;
        requests++;
        try {
          rest[n - 2] = itemsAt(await fetchPage(n, ctl.signal), path, n, opts.action);
        } catch (error) {
          if (!failure) {
            failure = { error };
            ctl.abort();
          }
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, pages - 1) }, worker));
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
    if (failure) throw failure.error;
  }
  return { items: firstItems.concat(...rest), TotalCount: total, requests };
}
