import { describe, expect, test, vi } from 'vitest';
import { CenApiError, createCenClient, findListPath } from './index.js';
import { fakeFetch, json, type Seen } from './fake-fetch.js';

/**
 * A fake DescribeCens over `total` CENs that answers each page after a delay
 * that shrinks with the page number (later pages finish first), and counts
 * how many requests are in flight.
 */
function pagedServer(total: number, opts: { maxPageSize?: number; fail?: (page: number) => Response | undefined } = {}) {
  let inFlight = 0;
  let maxInFlight = 0;
  const f = fakeFetch(async (req: Seen) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const b = req.body as { PageNumber?: number; PageSize?: number };
      const page = b.PageNumber ?? 1;
      const size = Math.min(b.PageSize ?? 10, opts.maxPageSize ?? 50);
      await new Promise((r) => setTimeout(r, Math.max(0, 12 - page)));
      const failure = opts.fail?.(page);
      if (failure) return failure;
      const ids = Array.from({ length: total }, (_, i) => `cen-${i + 1}`).slice((page - 1) * size, page * size);
      return json({ RequestId: `R-${page}`, TotalCount: total, PageNumber: page, PageSize: size, Cens: { Cen: ids.map((CenId) => ({ CenId, Status: 'Active', CenBandwidthPackageIds: { CenBandwidthPackageId: [] } })) } });
    } finally {
      inFlight--;
    }
  });
  return { f, maxInFlight: () => maxInFlight };
}

describe('findListPath', () => {
  test('finds the one wrapper holding one array, and nothing when there is none or more than one', () => {
    expect(findListPath({ RequestId: 'r', TotalCount: 0, Cens: { Cen: [] } })).toEqual(['Cens', 'Cen']);
    expect(findListPath({ RequestId: 'r', Tags: { Tag: 'x' }, Vpcs: { Vpc: [{}] }, List: [1] })).toEqual(['Vpcs', 'Vpc']);
    expect(findListPath({ RequestId: 'r' })).toBeUndefined();
    expect(findListPath({ A: { X: [] }, B: { Y: [] } })).toBeUndefined();
    expect(findListPath({ A: { X: [], Z: 1 } })).toBeUndefined();
    expect(findListPath(null)).toBeUndefined();
  });
});

describe('allPages', () => {
  test('fetches page 1, then the rest, and returns every item in page order', async () => {
    const { f } = pagedServer(95);
    const res = await createCenClient({ fetch: f }).allPages('DescribeCens', { Filter: [{ Key: 'Name', Value: ['prod'] }] }, { pageSize: 10 });
    expect(res.TotalCount).toBe(95);
    expect(res.requests).toBe(10);
    expect(res.items.map((c) => c.CenId)).toEqual(Array.from({ length: 95 }, (_, i) => `cen-${i + 1}`));
    // Page 1 goes alone, first; every request keeps the caller's parameters.
    expect(f.seen[0]!.body).toEqual({ Filter: [{ Key: 'Name', Value: ['prod'] }], PageSize: 10, PageNumber: 1 });
    expect(f.seen.map((r) => (r.body as { PageNumber: number }).PageNumber).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(f.seen.every((r) => r.url === '/api/DescribeCens' && (r.body as { Filter: unknown }).Filter)).toBe(true);
  });

  test('keeps at most `concurrency` requests in flight (default 4) and uses it', async () => {
    for (const [concurrency, expected] of [[undefined, 4], [2, 2], [1, 1], [30, 9]] as const) {
      const s = pagedServer(100);
      const res = await createCenClient({ fetch: s.f }).allPages('DescribeCens', {}, { pageSize: 10, ...(concurrency ? { concurrency } : {}) });
      expect(res.items).toHaveLength(100);
      expect(s.maxInFlight()).toBe(expected);
    }
  });

  test('uses the page size the server answered with, not the one asked for', async () => {
    const { f } = pagedServer(120, { maxPageSize: 50 });
    const res = await createCenClient({ fetch: f }).allPages('DescribeCens', {}, { pageSize: 100 });
    expect(res.requests).toBe(3);
    expect(res.items).toHaveLength(120);
  });

  test('one page, and an empty list, take one request', async () => {
    for (const total of [0, 7]) {
      const { f } = pagedServer(total);
      const res = await createCenClient({ fetch: f }).allPages('DescribeCens');
      expect(res).toMatchObject({ TotalCount: total, requests: 1 });
      expect(res.items).toHaveLength(total);
    }
  });

  test('a failing page rejects with its error, and the pages still in flight are aborted', async () => {
    const signals: AbortSignal[] = [];
    const { f } = pagedServer(100, {
      fail: (p) => (p === 3 ? json({ Code: 'Throttling.User', Message: 'slow down', RequestId: 'R-3' }, 400) : undefined),
    });
    const spy = Object.assign(
      async (input: RequestInfo | URL, init?: RequestInit) => {
        if (init?.signal) signals.push(init.signal);
        return f(input, init);
      },
      { seen: f.seen },
    ) as typeof fetch;
    const e = await createCenClient({ fetch: spy })
      .allPages('DescribeCens', {}, { pageSize: 10, concurrency: 3 })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CenApiError);
    expect(e).toMatchObject({ Code: 'Throttling.User', RequestId: 'R-3' });
    // Not every page was asked for, and the internal signal was aborted.
    expect(f.seen.length).toBeLessThan(10);
    expect(signals.some((s) => s.aborted)).toBe(true);
  });

  test("the caller's abort stops every page and propagates as the AbortError", async () => {
    const ctl = new AbortController();
    // Page 1 answers; every later page hangs until it is aborted.
    const f = fakeFetch((req) =>
      (req.body as { PageNumber: number }).PageNumber === 1
        ? json({ RequestId: 'R', TotalCount: 1000, PageSize: 10, Cens: { Cen: Array(10).fill({ CenId: 'c' }) } })
        : new Promise<Response>(() => {}),
    );
    const p = createCenClient({ fetch: f }).allPages('DescribeCens', {}, { signal: ctl.signal });
    await vi.waitFor(() => expect(f.seen).toHaveLength(5));
    ctl.abort();
    const e = await p.catch((x: unknown) => x);
    expect(e).not.toBeInstanceOf(CenApiError);
    expect(e).toMatchObject({ name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 20));
    expect(f.seen).toHaveLength(5); // page 1 and the four in flight; nothing after the abort
  });

  test('bad options are refused before anything is sent', async () => {
    const { f } = pagedServer(10);
    const cen = createCenClient({ fetch: f });
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      await expect(cen.allPages('DescribeCens', {}, { concurrency })).rejects.toMatchObject({ Code: 'InvalidParameter', Issues: [{ path: 'concurrency' }] });
    }
    await expect(cen.allPages('DescribeCens', {}, { pageSize: 0 })).rejects.toMatchObject({ Code: 'InvalidParameter', Issues: [{ path: 'pageSize' }] });
    expect(f.seen).toHaveLength(0);
  });

  test('an answer that is not a paged list is an InvalidResponse', async () => {
    const f = fakeFetch(() => json({ RequestId: 'R', CenId: 'cen-1' }));
    await expect(createCenClient({ fetch: f }).allPages('DescribeCens')).rejects.toMatchObject({ Code: 'InvalidResponse', status: 200 });
    const g = fakeFetch((req) =>
      (req.body as { PageNumber: number }).PageNumber === 1
        ? json({ RequestId: 'R', TotalCount: 20, PageSize: 10, Cens: { Cen: Array(10).fill({ CenId: 'c' }) } })
        : json({ RequestId: 'R', TotalCount: 20, PageSize: 10 }),
    );
    await expect(createCenClient({ fetch: g }).allPages('DescribeCens')).rejects.toMatchObject({ Code: 'InvalidResponse', message: 'Page 2 of DescribeCens has no Cens.Cen list.' });
  });
});
