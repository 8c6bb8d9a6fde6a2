/**
 * Test helpers: sign a call with @cen-kit/rpc as a real client would and send
 * it to the app. Used by the tests beside the code only.
 */
import { actionSpec, catalog, listPaths, type ActionName } from '@cen-kit/catalog';
import { buildRequest, decodeXml, flattenParams, parseJsonLossless, signRequest, type HttpMethod, type WireParams } from '@cen-kit/rpc';
import type { Hono } from 'hono';
import { TEST_ACCOUNTS, type EmulatorAccount } from './accounts.js';
import { createEmulator, type EmulatorOptions } from './app.js';
import { MemoryStore } from './world/store.js';

export const [A, B] = TEST_ACCOUNTS;
export const ENDPOINT = 'http://emulator.test/emulator/';

export interface CallOptions {
  account?: EmulatorAccount;
  method?: HttpMethod;
  format?: 'JSON' | 'XML';
  /** Clock for the Timestamp; default the real one. */
  at?: number;
  /** Change the signed parameters before sending (to break them on purpose). */
  tamper?: (p: WireParams) => void;
  /** Override Version (e.g. to call an action under the other product). */
  Version?: string;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown>;
}

/**
 * Signs and sends one call.
 *
 * @example
 * ```ts
 * const r = await call(app, 'DescribeCens', { PageSize: 50 });
 * ```
 */
export async function call(app: Hono, Action: string, params: Record<string, unknown> = {}, o: CallOptions = {}): Promise<CallResult> {
  const account = o.account ?? A;
  const method = o.method ?? 'POST';
  const signed = await signRequest({
    method,
    Action,
    Version: o.Version ?? actionSpec(Action)?.Version ?? '2017-09-12',
    params: flattenParams(params),
    credentials: { accessKeyId: account.accessKeyId, accessKeySecret: account.accessKeySecret },
    Format: o.format ?? 'JSON',
    now: o.at === undefined ? undefined : () => new Date(o.at!),
  });
  o.tamper?.(signed);
  const res = await app.request(buildRequest(ENDPOINT, method, signed));
  const text = await res.text();
  const body = (o.format === 'XML' ? decodeXml(text, listPaths(catalog[Action as ActionName]?.response ?? catalog.DescribeCens.response)) : parseJsonLossless(text)) as Record<string, unknown>;
  return { status: res.status, headers: res.headers, text, body };
}

/** Calls and expects success; returns the body, checked against the catalogue's response schema. */
export async function ok(app: Hono, Action: ActionName, params: Record<string, unknown> = {}, o: CallOptions = {}): Promise<Record<string, unknown>> {
  const r = await call(app, Action, params, o);
  if (r.status !== 200) throw new Error(`${Action} failed: ${r.status} ${r.text}`);
  const parsed = catalog[Action].response.safeParse(r.body);
  if (!parsed.success) throw new Error(`${Action} response does not match the catalogue: ${parsed.error.message}\n${r.text}`);
  return r.body;
}

/** Calls and expects an error; returns Code and status. */
export async function err(app: Hono, Action: string, params: Record<string, unknown> = {}, o: CallOptions = {}): Promise<{ Code: string; Message: string; status: number; body: Record<string, unknown> }> {
  const r = await call(app, Action, params, o);
  if (r.status === 200) throw new Error(`${Action} unexpectedly succeeded: ${r.text}`);
  return { Code: String(r.body.Code), Message: String(r.body.Message), status: r.status, body: r.body };
}

/** A fresh emulator over a MemoryStore (seeded demo world unless `seed` says otherwise). */
export function emulator(opts: Partial<EmulatorOptions> = {}): Hono {
  return createEmulator({ store: new MemoryStore(), ...opts });
}
