/**
 * The emulator's accounts. These AccessKeys are documented test keys that only
 * the emulator accepts; they open nothing at Alibaba Cloud.
 */

export interface EmulatorAccount {
  /** Alibaba account ID (UID) as a string of digits, so IDs above 2^53 stay exact. */
  accountId: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** A display name for dumps and docs. */
  name?: string;
}

/**
 * Account A owns the demo CEN; account B owns networks it may grant to A.
 * B's ID is deliberately above 2^53 so that exact handling of account IDs is
 * exercised end to end.
 *
 * @example
 * ```ts
 * const [a] = TEST_ACCOUNTS;
 * await signRequest({ ..., credentials: { accessKeyId: a.accessKeyId, accessKeySecret: a.accessKeySecret } });
 * ```
 */
export const TEST_ACCOUNTS: readonly [EmulatorAccount, EmulatorAccount] = [
  {
    name: 'A',
    accountId: '1688000000000001',
    accessKeyId: 'LTAI-emulator-account-a',
    accessKeySecret: 'emulator-test-secret-a-not-a-real-key',
  },
  {
    name: 'B',
    accountId: '9188000000000002',
    accessKeyId: 'LTAI-emulator-account-b',
    accessKeySecret: 'emulator-test-secret-b-not-a-real-key',
  },
];
