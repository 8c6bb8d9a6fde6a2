/**
 * @cen-kit/emulator: a stateful, signature-checking emulator of Alibaba
 * Cloud's CEN (Cbn 2017-09-12) and VPC (2016-04-28) RPC APIs, as a Hono app.
 *
 * @example
 * ```ts
 * import { createEmulator, MemoryStore, TEST_ACCOUNTS, SEED } from '@cen-kit/emulator';
 * const app = createEmulator({ store: new MemoryStore() });
 * ```
 */
export { createEmulator, type EmulatorOptions } from './app.js';
export { TEST_ACCOUNTS, type EmulatorAccount } from './accounts.js';
export { seedWorld, SEED } from './world/seed.js';
export { MemoryStore, KeyValueStore, CachedStore, type WorldStore, type KeyValueStorage } from './world/store.js';
export type { World } from './world/types.js';
export { WORLD_VERSION } from './world/types.js';
export type { FaultConfig, FaultKind, FailNext } from './faults.js';
export { IMPLEMENTED_ERROR_CODES, type ImplementedErrorCode } from './errors.js';
