/**
 * What the catalogue knows about one API action.
 */
import type * as z from 'zod';

export type Product = 'Cbn' | 'Vpc';
export const VERSIONS = { Cbn: '2017-09-12', Vpc: '2016-04-28' } as const;
export type Access = 'read' | 'write';

/**
 * The RAM resource an action touches, as `acs:` ARNs built from its parameters.
 * `$accountid` is left as `*`: the Worker does not know the account behind a
 * profile, and Alibaba's own policies match it with a wildcard just as well.
 */
export type ResourcesOf<Req> = (params: Req) => string[];

export interface ActionSpec<
  Name extends string = string,
  Req extends z.ZodObject = z.ZodObject,
  Res extends z.ZodType = z.ZodType,
> {
  /** The Action parameter, e.g. `DescribeCens`. */
  Action: Name;
  product: Product;
  Version: (typeof VERSIONS)[Product];
  /** `read` actions never change anything; `write` actions are refused in read-only deployments. */
  access: Access;
  /** Whether the action takes a ClientToken (and so may be retried safely). */
  ClientToken: boolean;
  /** One line for the API index. */
  summary: string;
  /** Parameters in the JSON shape callers send (repeat lists as arrays). Strict: unknown keys are refused. */
  request: Req;
  /** The official JSON response shape. Tolerant of XML's text values. */
  response: Res;
  /** RAM resource ARNs for policy checks. */
  resources: ResourcesOf<z.input<Req>>;
  /** For paged Describe actions: where the items are and the largest PageSize. */
  paging?: { items: string; maxPageSize: number };
}

/** Paging facts of a paged Describe action. */
export interface Paging {
  items: string;
  maxPageSize: number;
}

/**
 * Defines an action with its product version filled in. The returned spec
 * keeps the literal `access`, `product` and `paging` types so that the index
 * can derive `WriteActionName`, `PagedActionName` and friends from the values.
 *
 * @example
 * ```ts
 * export const DeleteCen = defineAction({
 *   Action: 'DeleteCen', product: 'Cbn', access: 'write', ClientToken: false,
 *   summary: 'Delete a CEN instance.', request: z.object({ CenId: s.CenId }).strict(),
 *   response: s.RequestIdOnly, resources: (p) => [arn.cen(p.CenId)],
 * });
 * ```
 */
export function defineAction<
  Name extends string,
  Req extends z.ZodObject,
  Res extends z.ZodType,
  P extends Product,
  A extends Access,
  G extends Paging | undefined = undefined,
>(
  spec: Omit<ActionSpec<Name, Req, Res>, 'Version' | 'product' | 'access' | 'paging'> & { product: P; access: A; paging?: G },
): ActionSpec<Name, Req, Res> & { product: P; Version: (typeof VERSIONS)[P]; access: A; paging: G } {
  return { ...spec, Version: VERSIONS[spec.product] } as ActionSpec<Name, Req, Res> & {
    product: P;
    Version: (typeof VERSIONS)[P];
    access: A;
    paging: G;
  };
}

/** ARN helpers, following section 4 of the API reference. */
export const arn = {
  cen: (id?: string) => `acs:cen:*:*:ceninstance/${id ?? '*'}`,
  bandwidthPackage: (id?: string) => `acs:cen:*:*:cenbandwidthpackage/${id ?? '*'}`,
  vpc: (region: string | undefined, id?: string) => `acs:vpc:${region ?? '*'}:*:vpc/${id ?? '*'}`,
  vbr: (region: string | undefined, id?: string) => `acs:vpc:${region ?? '*'}:*:virtualborderrouter/${id ?? '*'}`,
  child: (type: string | undefined, region: string | undefined, id: string | undefined) =>
    type === 'VBR' || id?.startsWith('vbr-') ? arn.vbr(region, id) : type === 'CCN' ? `acs:cen:*:*:ccn/${id ?? '*'}` : arn.vpc(region, id),
  routeTable: (region: string | undefined, id?: string) => `acs:vpc:${region ?? '*'}:*:routetable/${id ?? '*'}`,
};

/** One action as `GET /api` lists it. */
export interface ApiIndexAction {
  Action: string;
  product: Product;
  Version: string;
  access: Access;
  ClientToken: boolean;
  summary: string;
  /** Whether this caller may call it (policy, read-only switch, profile). */
  allowed: boolean;
  /** JSON Schema of the parameters (the JSON body of `POST /api/{Action}`). */
  parameters: Record<string, unknown>;
  paging?: { items: string; maxPageSize: number };
}

/** The body of `GET /api`. */
export interface ApiIndex {
  /** `emulator` when no Alibaba credentials are configured, else `alibaba`. */
  backend: 'emulator' | 'alibaba';
  readOnly: boolean;
  /** Who the Worker thinks the caller is, and the Alibaba credential profiles it may use. */
  caller: { kind: 'token' | 'access' | 'anonymous' | 'emulator'; name: string; profiles: string[]; defaultProfile?: string };
  actions: ApiIndexAction[];
}
