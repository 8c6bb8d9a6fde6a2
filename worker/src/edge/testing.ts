/**
 * Helpers for the security tests: the real app on the emulator backend (or a
 * counting stand-in for Alibaba), with caller configuration per call.
 */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { createApp } from '../app.js';
import { registerTestSecret } from '../audit/test-secrets.js';
import { sha256Hex } from '../auth/portal-token.js';
import type { Bindings } from '../env.js';

export type Json = Record<string, any>;
export const BASE = 'https://worker.test';

export const baseEnv = (): Bindings => env as unknown as Bindings;

/** Policy shorthands. */
export const allow = (Action: string | string[], Resource?: string | string[]) => ({ Effect: 'Allow', Action, ...(Resource ? { Resource } : {}) });
export const deny = (Action: string | string[], Resource?: string | string[]) => ({ Effect: 'Deny', Action, ...(Resource ? { Resource } : {}) });
export const policy = (...Statement: unknown[]) => ({ Version: '1', Statement });

/** A portal token of its own for one test: raw token, name, and the PORTAL_TOKENS entry. */
export async function newToken(p: unknown, extra: Record<string, unknown> = {}): Promise<{ token: string; name: string; entry: Json }> {
  const token = `tok-${crypto.randomUUID()}`;
  const name = `portal-${crypto.randomUUID().slice(0, 8)}`;
  const sha256 = await sha256Hex(token);
  registerTestSecret(token, sha256);
  return { token, name, entry: { name, sha256, origins: ['*'], policy: p, ...extra } };
}

export interface CallInit {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  env?: Partial<Bindings>;
}

/** The app under test, built once per file with injectable outbound fetch and clock. */
export function appUnderTest(deps: Parameters<typeof createApp>[0] = {}) {
  const app = createApp(deps);
  const call = async (path: string, init: CallInit = {}): Promise<Response> => {
    const headers: Record<string, string> = { ...init.headers };
    let body: BodyInit | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    }
    return app.request(`${BASE}${path}`, { method: init.method ?? (body !== undefined ? 'POST' : 'GET'), headers, ...(body !== undefined ? { body } : {}) }, { ...baseEnv(), ...init.env });
  };
  /** POST /api/{action} with a JSON body. */
  const api = (action: string, body: unknown = {}, init: Omit<CallInit, 'body'> = {}) => call(`/api/${action}`, { ...init, method: 'POST', body });
  return { app, call, api };
}

/** Reads a JSON answer and checks the Alibaba error shape when it is an error. */
export async function json(res: Response): Promise<Json> {
  const text = await res.text();
  let body: Json;
  try {
    body = JSON.parse(text) as Json;
  } catch {
    throw new Error(`not JSON (${res.status}): ${text.slice(0, 200)}`);
  }
  if (res.status >= 400) {
    expect(body, text).toMatchObject({ Code: expect.any(String), Message: expect.any(String), RequestId: res.headers.get('X-Request-Id') });
  }
  return body;
}

/** Back to the seed world (the emulator's control API). */
export async function resetEmulator(): Promise<void> {
  const { app } = appUnderTest();
  const res = await app.request(`${BASE}/emulator/_control/reset`, { method: 'POST' }, baseEnv());
  expect(res.status).toBe(200);
}
