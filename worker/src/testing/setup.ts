/**
 * Builds the Worker app against a stand-in Alibaba for tests: the real app,
 * routes, signing and retries, with only the network and the backoff clock
 * replaced.
 */
import { env } from 'cloudflare:workers';
import { createApp } from '../app.js';
import type { Bindings } from '../env.js';
import { fullAccessTokens, TEST_PORTAL_TOKEN } from '../auth/testing.js';
import { mockAlibaba, type MockOptions } from './mock-alibaba.js';

export const TEST_KEY = { id: 'testid', secret: 'testsecret' };

/** Bindings with real-looking credentials, so the backend is "alibaba". */
export function alibabaEnv(extra: Partial<Bindings> = {}): Bindings {
  return {
    ...(env as unknown as Bindings),
    ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_KEY.id,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_KEY.secret,
    // A caller with full access (issue 4: real credentials serve no caller unless one is configured).
    PORTAL_TOKENS: fullAccessTokens(),
    ...extra,
  };
}

export interface Harness {
  upstream: ReturnType<typeof mockAlibaba>;
  /** Backoff waits the Worker asked for, in ms (they are not actually waited). */
  sleeps: number[];
  call: (action: string, body?: unknown, init?: { headers?: Record<string, string>; env?: Partial<Bindings> }) => Promise<Response>;
  app: ReturnType<typeof createApp>;
  env: Bindings;
}

export function harness(answer: MockOptions['answer'], opts: { env?: Partial<Bindings>; realSleep?: boolean; mock?: Partial<MockOptions> } = {}): Harness {
  const official = (env as unknown as { OFFICIAL_SIGNER?: Fetcher }).OFFICIAL_SIGNER;
  // Every signature must also pass Alibaba's official helper (worker/vitest.config.ts binds it).
  if (!official) throw new Error('the OFFICIAL_SIGNER service binding is missing');
  const upstream = mockAlibaba({ secrets: { [TEST_KEY.id]: TEST_KEY.secret }, official, answer, ...opts.mock });
  const sleeps: number[] = [];
  const app = createApp({
    fetch: upstream.fetch,
    random: () => 0.5,
    ...(opts.realSleep
      ? {}
      : {
          sleep: async (ms: number) => {
            sleeps.push(ms);
          },
        }),
  });
  const bindings = alibabaEnv(opts.env);
  const call: Harness['call'] = async (action, body = {}, init = {}) =>
    app.request(
      `https://worker.test/api/${action}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_PORTAL_TOKEN}`, ...init.headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      },
      { ...bindings, ...init.env },
    );
  return { upstream, sleeps, call, app, env: bindings };
}
