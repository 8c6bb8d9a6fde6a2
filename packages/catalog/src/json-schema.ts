/**
 * JSON Schemas of the request bodies, for `GET /api` and for anyone building a
 * form or a client from the index. Built from the zod schemas, once per action.
 */
import * as z from 'zod';
import type { ActionSpec, ApiIndexAction } from './action.js';
import { catalog } from './catalog.js';

const cache = new Map<string, Record<string, unknown>>();

/**
 * The JSON Schema (draft 2020-12) of an action's parameters as callers send
 * them. Rules zod cannot express in JSON Schema (rule functions, cross-field
 * checks) are left out; the Worker still applies them.
 *
 * @example
 * ```ts
 * requestJsonSchema(catalog.DescribeCens).properties.PageSize; // { type: 'integer', minimum: 1, maximum: 50 }
 * ```
 */
export function requestJsonSchema(spec: Pick<ActionSpec, 'Action' | 'request'>): Record<string, unknown> {
  let schema = cache.get(spec.Action);
  if (!schema) {
    schema = z.toJSONSchema(spec.request, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    cache.set(spec.Action, schema);
  }
  return schema;
}

/** What `GET /api` lists for an action before the per-caller `allowed` flag. */
export type ApiIndexActionBase = Omit<ApiIndexAction, 'allowed'>;

/**
 * Every catalogue action as the API index lists it, without `allowed`
 * (which depends on the caller).
 *
 * @example
 * ```ts
 * apiIndexActions().find((a) => a.Action === 'CreateCen')?.ClientToken; // true
 * ```
 */
export function apiIndexActions(): ApiIndexActionBase[] {
  return Object.values(catalog).map((raw) => {
    const spec = raw as unknown as ActionSpec;
    const out: ApiIndexActionBase = {
      Action: spec.Action,
      product: spec.product,
      Version: spec.Version,
      access: spec.access,
      ClientToken: spec.ClientToken,
      summary: spec.summary,
      parameters: requestJsonSchema(spec),
    };
    if (spec.paging) out.paging = { ...spec.paging };
    return out;
  });
}
