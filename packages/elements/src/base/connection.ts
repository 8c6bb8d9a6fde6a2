/**
 * Which client an element talks through, and what its caller may do there
 * (GET /api, fetched once per client and cached).
 */
import { createCenClient, type ApiIndex, type CenClient } from '@cen-kit/client';
import { configuration, metaConfig } from './config.js';

export interface Connection {
  client: CenClient;
  /** A profile to send with each call when the client was not built with it. */
  profile: string | undefined;
}

const built = new Map<string, CenClient>();

/**
 * Resolves the client for an element's own settings.
 *
 * @example
 * ```ts
 * resolveConnection({ api: undefined, profile: 'B', client: undefined }).client.DescribeCens({});
 * ```
 */
export function resolveConnection(own: { api?: string | undefined; profile?: string | undefined; client?: CenClient | undefined }): Connection {
  const cfg = configuration();
  const profile = own.profile || cfg.profile || metaConfig('profile');
  if (own.client) return { client: own.client, profile: own.profile || undefined };
  const api = own.api || undefined;
  if (!api && cfg.client) return { client: cfg.client, profile };
  const baseUrl = api ?? cfg.api ?? metaConfig('api') ?? '/api';
  // One client per (URL, profile), so the GET /api cache below is shared by every element using it.
  const key = `${baseUrl}\u0000${profile ?? ''}`;
  let client = built.get(key);
  if (!client) {
    client = createCenClient({ baseUrl, ...(profile ? { profile } : {}) });
    built.set(key, client);
  }
  return { client, profile: undefined };
}

const indexes = new WeakMap<CenClient, Promise<ApiIndex>>();

/**
 * GET /api for a client, once. A failure is not cached, so the next element
 * (or a retry) asks again.
 */
export function apiIndexOf(client: CenClient): Promise<ApiIndex> {
  let p = indexes.get(client);
  if (!p) {
    p = client.index();
    indexes.set(client, p);
    p.catch(() => indexes.delete(client));
  }
  return p;
}

/** True when the index says this caller may call `action` (writes also need a deployment that is not read-only). */
export function isAllowed(index: ApiIndex | undefined, action: string): boolean {
  if (!index) return false;
  const a = index.actions.find((x) => x.Action === action);
  if (!a || !a.allowed) return false;
  return !(a.access === 'write' && index.readOnly);
}
