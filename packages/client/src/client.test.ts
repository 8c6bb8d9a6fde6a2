import { afterEach, describe, expect, test, vi } from 'vitest';
import { CenApiError, createCenClient, type ItemOf, type ResponseOf } from './index.js';
import { fakeFetch, json } from './fake-fetch.js';

const ok = (body: Record<string, unknown> = {}) => json({ RequestId: 'R-1', ...body });

/** Runs `fn` and returns what it threw. */
async function thrown(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('call', () => {
  test('POSTs the parameters as JSON to {baseUrl}/{Action} and returns the answer', async () => {
    const f = fakeFetch(() => ok({ CenId: 'cen-1' }));
    const cen = createCenClient({ fetch: f });
    const res = await cen.call('CreateCen', { Name: 'prod', Tag: [{ Key: 'env', Value: 'prod' }] });
    expect(res).toEqual({ RequestId: 'R-1', CenId: 'cen-1' });
    expect(f.seen).toHaveLength(1);
    const [req] = f.seen;
    expect(req!.url).toBe('/api/CreateCen');
    expect(req!.method).toBe('POST');
    expect(req!.headers.get('content-type')).toBe('application/json');
    expect(req!.body).toEqual({ Name: 'prod', Tag: [{ Key: 'env', Value: 'prod' }] });
    expect(req!.headers.has('X-Cen-Profile')).toBe(false);
    expect(req!.headers.has('Idempotency-Key')).toBe(false);
  });

  test('no parameters is an empty object; a baseUrl with a trailing slash is joined once', async () => {
    const f = fakeFetch(() => ok());
    await createCenClient({ fetch: f, baseUrl: 'https://cen.example.com/api/' }).call('DescribeCens');
    expect(f.seen[0]!.url).toBe('https://cen.example.com/api/DescribeCens');
    expect(f.seen[0]!.body).toEqual({});
  });

  test('per-action methods call the same path, and only PascalCase names are actions', async () => {
    const f = fakeFetch(() => ok({ TotalCount: 0, PageNumber: 1, PageSize: 50, Cens: { Cen: [] } }));
    const cen = createCenClient({ fetch: f });
    const res: ResponseOf<'DescribeCens'> = await cen.DescribeCens({ PageSize: 50 });
    expect(res.Cens.Cen).toEqual([]);
    expect(f.seen[0]!.url).toBe('/api/DescribeCens');
    expect(f.seen[0]!.body).toEqual({ PageSize: 50 });
    // A client is not a thenable: awaiting it must not POST /api/then.
    expect((cen as unknown as Record<string, unknown>).then).toBeUndefined();
    expect(await Promise.resolve(cen)).toBe(cen);
    expect(f.seen).toHaveLength(1);
  });

  test('a bad action name or parameter object is refused before anything is sent', async () => {
    const f = fakeFetch(() => ok());
    const cen = createCenClient({ fetch: f });
    const e = (await thrown(() => cen.call('../admin' as 'DescribeCens'))) as CenApiError;
    expect(e).toBeInstanceOf(CenApiError);
    expect(e).toMatchObject({ Code: 'InvalidParameter', status: 0, Issues: [{ path: 'Action' }] });
    expect(e.message).toMatch(/must be an API action name.*\.\.\/admin/);
    expect(await thrown(() => cen.call('DescribeCens', [] as never))).toMatchObject({ Code: 'InvalidParameter', Issues: [{ path: 'params' }] });
    expect(await thrown(() => cen.call('DescribeCens', { PageSize: 1n } as never))).toMatchObject({ Code: 'InvalidParameter', message: /cannot be sent as JSON/ });
    expect(f.seen).toHaveLength(0);
  });
});

describe('headers', () => {
  test('static headers, credentials, the client profile and an idempotency key', async () => {
    const f = fakeFetch(() => ok({ CenId: 'cen-1' }));
    const cen = createCenClient({ fetch: f, headers: { Authorization: 'Bearer t1', 'X-Extra': 'x' }, profile: 'prod', credentials: 'include' });
    await cen.CreateCen({ Name: 'a' }, { idempotencyKey: 'key-1' });
    const h = f.seen[0]!.headers;
    expect(h.get('authorization')).toBe('Bearer t1');
    expect(h.get('x-extra')).toBe('x');
    expect(h.get('x-cen-profile')).toBe('prod');
    expect(h.get('idempotency-key')).toBe('key-1');
    expect(f.seen[0]!.credentials).toBe('include');
  });

  test('a per-call profile overrides the client one', async () => {
    const f = fakeFetch(() => ok());
    const cen = createCenClient({ fetch: f, profile: 'prod' });
    await cen.DescribeCens({}, { profile: 'staging' });
    await cen.DescribeCens();
    expect(f.seen.map((r) => r.headers.get('x-cen-profile'))).toEqual(['staging', 'prod']);
  });

  test('a headers function (sync or async) is asked on every call', async () => {
    const f = fakeFetch(() => ok());
    let n = 0;
    const a = createCenClient({ fetch: f, headers: async () => ({ Authorization: `Bearer ${++n}` }) });
    await a.DescribeCens();
    await a.DescribeCens();
    const b = createCenClient({ fetch: f, headers: () => [['X-Sync', 'yes']] });
    await b.DescribeCens();
    expect(f.seen.map((r) => r.headers.get('authorization'))).toEqual(['Bearer 1', 'Bearer 2', null]);
    expect(f.seen[2]!.headers.get('x-sync')).toBe('yes');
  });

  test('the content type stays JSON even if headers say otherwise', async () => {
    const f = fakeFetch(() => ok());
    await createCenClient({ fetch: f, headers: { 'content-type': 'text/plain' } }).DescribeCens();
    expect(f.seen[0]!.headers.get('content-type')).toBe('application/json');
  });
});

describe('index', () => {
  test('GETs {baseUrl} and returns the API index', async () => {
    const index = { backend: 'emulator', readOnly: false, caller: { kind: 'emulator', name: 'local', profiles: [] }, actions: [] };
    const f = fakeFetch(() => json(index));
    expect(await createCenClient({ fetch: f, baseUrl: '/cen/api/' }).index()).toEqual(index);
    expect(f.seen[0]).toMatchObject({ url: '/cen/api', method: 'GET', body: undefined });
  });
});

describe('errors', () => {
  test("the Worker's Alibaba-shaped error body becomes a CenApiError with every field", async () => {
    const body = {
      Code: 'InvalidParameter',
      Message: 'The request has 1 invalid parameter: PageSize: PageSize must be at most 50',
      RequestId: 'R-9',
      HostId: 'cbn.aliyuncs.com',
      Recommend: 'https://api.aliyun.com/troubleshoot?q=InvalidParameter',
      Issues: [{ path: 'PageSize', message: 'PageSize must be at most 50' }],
    };
    const cen = createCenClient({ fetch: fakeFetch(() => json(body, 400)) });
    const e = (await thrown(() => cen.DescribeCens({ PageSize: 100 }))) as CenApiError;
    expect(e).toBeInstanceOf(CenApiError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CenApiError');
    expect(e.message).toBe(body.Message);
    expect(e).toMatchObject({ Code: 'InvalidParameter', status: 400, RequestId: 'R-9', HostId: 'cbn.aliyuncs.com', Recommend: body.Recommend, Issues: body.Issues, body });
  });

  test('a 2xx body with a non-success Code is an error; Code 200/Success is not', async () => {
    const busy = createCenClient({ fetch: fakeFetch(() => json({ Code: 'Operation.Blocking', Message: 'busy', RequestId: 'R' })) });
    expect(await thrown(() => busy.DeleteCen({ CenId: 'cen-1' }))).toMatchObject({ Code: 'Operation.Blocking', status: 200, RequestId: 'R' });
    const fine = createCenClient({ fetch: fakeFetch(() => json({ Code: '200', RequestId: 'R' })) });
    expect(await fine.DeleteCen({ CenId: 'cen-1' })).toEqual({ Code: '200', RequestId: 'R' });
  });

  test('lower-case keys and an error status without a Code', async () => {
    const lower = createCenClient({ fetch: fakeFetch(() => json({ code: 'Throttling.User', message: 'slow down', requestId: 'R2' }, 400)) });
    expect(await thrown(() => lower.DescribeCens())).toMatchObject({ Code: 'Throttling.User', message: 'slow down', RequestId: 'R2', status: 400 });
    const bare = createCenClient({ fetch: fakeFetch(() => json({ error: 'x' }, 503)) });
    expect(await thrown(() => bare.DescribeCens())).toMatchObject({ Code: 'ServiceUnavailable', status: 503, message: 'The API answered HTTP 503.' });
  });

  test('a non-JSON answer: NetworkError for an error status, InvalidResponse for a 2xx, with the status', async () => {
    const html = () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
    const e = (await thrown(() => createCenClient({ fetch: fakeFetch(html) }).DescribeCens())) as CenApiError;
    expect(e).toMatchObject({ Code: 'NetworkError', status: 502, body: '<html>Bad gateway</html>' });
    expect(e.message).toMatch(/HTTP 502 with text\/html, not JSON/);
    const truncated = () => new Response('{"RequestId":', { status: 200 });
    expect(await thrown(() => createCenClient({ fetch: fakeFetch(truncated) }).DescribeCens())).toMatchObject({ Code: 'InvalidResponse', status: 200 });
    const notObject = () => json([1, 2]);
    expect(await thrown(() => createCenClient({ fetch: fakeFetch(notObject) }).DescribeCens())).toMatchObject({ Code: 'InvalidResponse', status: 200 });
  });

  test('a fetch that fails is a NetworkError with status 0', async () => {
    const down = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const e = await thrown(() => createCenClient({ fetch: down }).DescribeCens());
    expect(e).toBeInstanceOf(CenApiError);
    expect(e).toMatchObject({ Code: 'NetworkError', status: 0, message: 'Could not reach /api/DescribeCens: Failed to fetch' });
  });
});

describe('abort', () => {
  test('an abort during the call propagates as the AbortError, not a CenApiError', async () => {
    const f = fakeFetch(() => new Promise<Response>(() => {}));
    const ctl = new AbortController();
    const p = createCenClient({ fetch: f }).DescribeCens({}, { signal: ctl.signal });
    await vi.waitFor(() => expect(f.seen).toHaveLength(1));
    ctl.abort();
    const e = await thrown(() => p);
    expect(e).not.toBeInstanceOf(CenApiError);
    expect(e).toMatchObject({ name: 'AbortError' });
  });

  test('an already aborted signal sends nothing; a custom reason comes through as it is', async () => {
    const f = fakeFetch(() => ok());
    const cen = createCenClient({ fetch: f });
    expect(await thrown(() => cen.DescribeCens({}, { signal: AbortSignal.abort() }))).toMatchObject({ name: 'AbortError' });
    const reason = new Error('user left the page');
    expect(await thrown(() => cen.index({ signal: AbortSignal.abort(reason) }))).toBe(reason);
    expect(f.seen).toHaveLength(0);
  });
});

describe('the global fetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('is used when no fetch is given, looked up at call time', async () => {
    const f = fakeFetch(() => ok({ CenId: 'cen-g' }));
    const cen = createCenClient();
    vi.stubGlobal('fetch', f);
    expect(await cen.CreateCen({})).toEqual({ RequestId: 'R-1', CenId: 'cen-g' });
    expect(f.seen[0]!.url).toBe('/api/CreateCen');
  });
});

// Compile-time checks (tsc -p packages/client): the derived item type is the list element.
type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
const itemIsCen: Equal<ItemOf<'DescribeCens'>, ResponseOf<'DescribeCens'>['Cens']['Cen'][number]> = true;
const itemIsVpc: Equal<ItemOf<'DescribeVpcs'>, ResponseOf<'DescribeVpcs'>['Vpcs']['Vpc'][number]> = true;
void itemIsCen;
void itemIsVpc;
