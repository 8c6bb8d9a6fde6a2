/**
 * The client's public types. The catalogue is imported for its types only, so
 * no schema library reaches the browser bundle.
 */
import type { ActionName, ApiIndex, PagedActionName, RequestOf, ResponseOf } from '@cen-kit/catalog';

export type { ActionName, ApiIndex, PagedActionName, RequestOf, ResponseOf };

export interface CenClientOptions {
  /** Where the Worker's API is; default `'/api'` (relative to the page). */
  baseUrl?: string;
  /** Extra headers for every request, or a function that makes them (e.g. a fresh token). */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** The fetch to use; default the global one. */
  fetch?: typeof fetch;
  credentials?: RequestCredentials;
  /** The Alibaba credential profile, sent as `X-Cen-Profile`. */
  profile?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key` (writes): a retried call with the same key is done once. */
  idempotencyKey?: string;
  /** Overrides the client's profile for this call. */
  profile?: string;
}

export interface AllPagesOptions extends CallOptions {
  /** How many page requests may be in flight at once; default 4. */
  concurrency?: number;
  /** PageSize to ask for; default the action's own default. */
  pageSize?: number;
}

/** The names a type declares itself, without the `[k: string]: unknown` of a loose object. */
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : symbol extends K ? never : K]: T[K] };

/** The element type of the one array a wrapper holds (`{Cen: Cen[]}` → `Cen`). */
type WrappedItem<W> = W extends readonly unknown[]
  ? never
  : W extends object
    ? { [K in KnownKeys<W>]-?: NonNullable<W[K]> extends readonly (infer E)[] ? E : never }[KnownKeys<W>]
    : never;

/**
 * The item type of a paged action's list: `ItemOf<'DescribeCens'>` is the
 * element of `Cens.Cen`.
 */
export type ItemOf<A extends ActionName> = {
  [K in KnownKeys<ResponseOf<A>>]-?: WrappedItem<NonNullable<ResponseOf<A>[K]>>;
}[KnownKeys<ResponseOf<A>>];

export interface AllPagesResult<A extends ActionName> {
  /** Every item of every page, in page order. */
  items: ItemOf<A>[];
  /** TotalCount as the first page reported it. */
  TotalCount: number;
  /** How many page requests were made. */
  requests: number;
}

/** One method per action, e.g. `client.DescribeCens({ PageSize: 50 })`. */
export type ActionMethods = { [A in ActionName]: (params?: RequestOf<A>, opts?: CallOptions) => Promise<ResponseOf<A>> };

export interface CenClientCore {
  /** POSTs `params` as JSON to `{baseUrl}/{action}` and returns the answer, or throws a CenApiError. */
  call<A extends ActionName>(action: A, params?: RequestOf<A>, opts?: CallOptions): Promise<ResponseOf<A>>;
  /** `GET {baseUrl}`: the actions, what this caller may call, and its profiles. */
  index(opts?: { signal?: AbortSignal }): Promise<ApiIndex>;
  /** Every page of a paged Describe action: the first page, then the rest concurrently, in page order. */
  allPages<A extends PagedActionName>(action: A, params?: RequestOf<A>, opts?: AllPagesOptions): Promise<AllPagesResult<A>>;
}

export type CenClient = CenClientCore & ActionMethods;
