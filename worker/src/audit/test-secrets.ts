/**
 * The secrets used by the Worker's tests, for the suite-wide check
 * (no-secrets.setup.ts) that no answer and no log line ever holds one.
 * Tests that invent a secret of their own register it here.
 */
import { TEST_ACCOUNTS } from '@cen-kit/emulator';
import { TEST_PORTAL_TOKEN, TEST_PORTAL_TOKEN_SHA256 } from '../auth/testing.js';

const secrets = new Set<string>([
  // testing/setup.ts TEST_KEY.secret (the stand-in Alibaba's key).
  'testsecret',
  TEST_PORTAL_TOKEN,
  TEST_PORTAL_TOKEN_SHA256,
  ...TEST_ACCOUNTS.map((a) => a.accessKeySecret),
]);

/** Adds a secret the current test file uses. @example registerTestSecret(token); */
export function registerTestSecret(...values: string[]): void {
  for (const v of values) if (v.length >= 8) secrets.add(v);
}

export function testSecrets(): readonly string[] {
  return [...secrets];
}
