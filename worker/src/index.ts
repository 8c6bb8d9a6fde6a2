/**
 * The Worker's entry: the Hono app and the Durable Object classes that
 * wrangler.toml binds (EMULATOR, IDEMPOTENCY).
 */
import { createApp } from './app.js';

export { EmulatorObject } from './emulator-object.js';
export { IdempotencyObject } from './idempotency/object.js';

export default createApp();
