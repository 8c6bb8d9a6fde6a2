/**
 * The typed browser client for the Worker's `/api`: `POST /api/{Action}` with
 * a JSON body, errors as CenApiError.
 */
import { CenApiError, errorFromBody, invalidParameter, nonJsonError } from './errors.js';
import { collectPages } from './pages.js';
import type { ActionName, AllPagesOptions, AllPagesResult, ApiIndex, CallOptions, CenClient, CenClientCore, CenClientOptions, PagedActionName, RequestOf, ResponseOf } from './types.js';

const ACTION_NAME = /^[A-Za-z][A-Za-z0-9]{0,99}$/;

/**
 * Makes a client. Every action is also a method of its own.
 *
 * @example
 * ```ts
 * const cen = createCenClient({ profile: 'prod' });
 * const { Cens } = await cen.DescribeCens({ PageSize: 50 });
 * const all = await cen.allPages('DescribeCens', {}, { concurrency: 2 });
 * ```
 */
export function createCenClient(options: CenClientOptions = {}): CenClient {
  const base = (options.baseUrl ?? '/api').replace(/\/+$/, '');

  async function send<T>(url: string, init: RequestInit, extra: Record<string, string>, signal: AbortSignal | undefined): Promise<T> {
    signal?.throwIfAborted();
    const headers = new Headers(typeof options.headers === 'function' ? await options.headers() : options.headers);
    for (const [k, v] of Object.entries(extra)) headers.set(k, v);
    const doFetch = options.fetch ?? fetch; // looked up per call, and called unbound as browsers require
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, { ...init, headers, ...(signal ? { signal } : {}), ...(options.credentials ? { credentials: options.credentials } : {}) });
      text = await res.text();
    } catch (e) {
      if (signal?.aborted) throw e; // the caller's abort, as fetch reported it
      throw new CenApiError({ Code: 'NetworkError', Message: `Could not reach ${url}: ${e instanceof Error ? e.message : String(e)}`, status: 0, body: undefined });
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw nonJsonError(text, res.status, res.headers.get('content-type'));
    }
    const error = errorFromBody(body, res.status);
    if (error) throw error;
    return body as T;
  }

  const core: CenClientCore = {
    call<A extends ActionName>(action: A, params?: RequestOf<A>, opts: CallOptions = {}): Promise<ResponseOf<A>> {
      if (typeof action !== 'string' || !ACTION_NAME.test(action)) {
        return Promise.reject(invalidParameter('Action', `must be an API action name such as DescribeCens, not ${JSON.stringify(String(action)).slice(0, 80)}`));
      }
      if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params))) {
        return Promise.reject(invalidParameter('params', 'must be an object of action parameters'));
      }
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      const profile = opts.profile ?? options.profile;
      if (profile) headers['X-Cen-Profile'] = profile;
      if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
      let body: string;
      try {
        body = JSON.stringify(params ?? {});
      } catch (e) {
        return Promise.reject(invalidParameter('params', `cannot be sent as JSON: ${(e as Error).message}`));
      }
      return send(`${base}/${action}`, { method: 'POST', body }, headers, opts.signal);
    },

    index(opts: { signal?: AbortSignal } = {}): Promise<ApiIndex> {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (options.profile) headers['X-Cen-Profile'] = options.profile;
      return send(base, { method: 'GET' }, headers, opts.signal);
    },

    async allPages<A extends PagedActionName>(action: A, params?: RequestOf<A>, opts: AllPagesOptions = {}): Promise<AllPagesResult<A>> {
      const { concurrency, pageSize, ...callOpts } = opts;
      if (pageSize !== undefined && (!Number.isInteger(pageSize) || pageSize < 1)) {
        throw invalidParameter('pageSize', `must be a whole number of at least 1, not ${String(pageSize)}`);
      }
      const request = { ...(params ?? {}), ...(pageSize !== undefined ? { PageSize: pageSize } : {}) } as Record<string, unknown>;
      const result = await collectPages(
        (PageNumber, signal) => core.call(action, { ...request, PageNumber } as RequestOf<A>, { ...callOpts, ...(signal ? { signal } : {}) }),
        { action, concurrency, signal: opts.signal },
      );
      return result as AllPagesResult<A>;
    },
  };

  // Any PascalCase property is an action method. Nothing else is (so `then`
  // does not make the client look like a promise).
  return new Proxy(core, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && !(prop in target) && /^[A-Z]/.test(prop)) {
        return (params?: unknown, opts?: CallOptions) => target.call(prop as ActionName, params as never, opts);
      }
      return Reflect.get(target, prop, receiver);
    },
  }) as CenClient;
}
