/**
 * The built-in CEN emulator as a Durable Object: one SQLite-backed object
 * (named `world`) holds every CEN, network, package and grant, so state
 * survives restarts of `wrangler dev` (.wrangler/state) and is shared by all
 * requests.
 */
import { DurableObject } from 'cloudflare:workers';
import { CachedStore, createEmulator, KeyValueStore } from '@cen-kit/emulator';
import type { Bindings } from './env.js';
import { backendOf } from './upstream/profiles.js';
import { msVar } from './upstream/timeout.js';

const DEFAULT_DELAY_MS = 1500;

export class EmulatorObject extends DurableObject<Bindings> {
  readonly #app: ReturnType<typeof createEmulator>;

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    // The control API (reset, world dump, fault injection at
    // /emulator/_control/*) is for local play and tests only: never where
    // real credentials exist. Faults start off; only the control API sets them.
    const local = backendOf(env) === 'emulator';
    const delay = env.EMULATOR_DELAY_MS === '0' ? 0 : msVar(env.EMULATOR_DELAY_MS, DEFAULT_DELAY_MS);
    this.#app = createEmulator({
      // The world stays in memory between calls (read from storage once, then
      // only written): this object is the one instance for its id and the
      // emulator runs one call at a time, so the copy in memory is the truth.
      store: new CachedStore(new KeyValueStore(ctx.storage)),
      delayMs: delay,
      control: local,
    });
  }

  override fetch(request: Request): Response | Promise<Response> {
    return this.#app.fetch(request);
  }

  /**
   * The same as `fetch`, as an RPC method. Callers in this Worker use it: a
   * `stub.fetch()` is an HTTP subrequest, with the per-request bookkeeping
   * (and, under `wrangler dev`, the inspector's Network events) that goes
   * with one; an RPC call hands the Request over as it is.
   */
  async serve(request: Request): Promise<Response> {
    return this.#app.fetch(request);
  }
}
