/**
 * The emulator as a Hono app: Alibaba's RPC gateway (GET query or POST form,
 * on any path) in front of a stateful CEN/VPC world, plus optional control
 * endpoints.
 */
import { Hono } from 'hono';
import { readWireParams } from '@cen-kit/rpc';
import { TEST_ACCOUNTS, type EmulatorAccount } from './accounts.js';
import { addSyntheticRoutes, controlError, controlRoute, json, readFaults, readRoutesTarget, redactedWorld, targetNetwork, type ControlRoute } from './control.js';
import { ApiError } from './errors.js';
import { applies, droppedResponse, pickFault, type FaultConfig } from './faults.js';
import { errorResponse, formatOf, success } from './gateway/respond.js';
import { NonceCache } from './gateway/nonces.js';
import { readActionParams } from './gateway/validate.js';
import { authenticate, productOfVersion, resolveAction } from './gateway/verify.js';
import { handlerFor } from './handlers/index.js';
import { replay, remember, tokenKey } from './idempotency.js';
import { requestId as newRequestId } from './ids.js';
import { Mutex } from './mutex.js';
import { seedWorld } from './world/seed.js';
import { settle } from './world/status.js';
import type { WorldStore } from './world/store.js';
import type { World } from './world/types.js';

export interface EmulatorOptions {
  store: WorldStore;
  /** Who may call, by AccessKey. Default TEST_ACCOUNTS. */
  accounts?: EmulatorAccount[];
  /** ms clock, default Date.now. Statuses and timestamps follow it. */
  now?: () => number;
  /** How long transitions (Creating, Attaching, Modifying, …) take, in ms. Default 0. */
  delayMs?: number;
  /** Initial faults; default none. */
  faults?: FaultConfig;
  /** Serve `<base>/_control/*` (reset, faults, world, routes). Default false. */
  control?: boolean;
  /** The world to start from and to reset to. Default seedWorld. */
  seed?: (now: number) => World;
  /** Random source for fault rates; default Math.random. */
  random?: () => number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Creates the emulator app. It answers RPC calls on any path, so it can be
 * mounted anywhere (`app.route('/emulator', createEmulator(...))`).
 *
 * @example
 * ```ts
 * const emulator = createEmulator({ store: new MemoryStore(), control: true });
 * const res = await emulator.request(buildRequest('http://emulator/', 'POST', signedParams));
 * ```
 */
export function createEmulator(opts: EmulatorOptions): Hono {
  const accounts = opts.accounts ?? [...TEST_ACCOUNTS];
  const now = opts.now ?? Date.now;
  const delayMs = opts.delayMs ?? 0;
  const seed = opts.seed ?? seedWorld;
  const random = opts.random ?? Math.random;
  const nonces = new NonceCache();
  const mutex = new Mutex();
  let faults: FaultConfig = structuredClone(opts.faults ?? {});

  /**
   * Runs one call on the world under the mutex. A call that fails may have
   * changed the loaded world before failing: a store that keeps the world in
   * memory forgets it, so that the failed call changes nothing.
   */
  const locked = <T>(fn: () => Promise<T>): Promise<T> =>
    mutex.run(async () => {
      try {
        return await fn();
      } catch (e) {
        opts.store.discard?.();
        throw e;
      }
    });

  /** The stored world, or a fresh seed (then `fresh` says it must be saved). */
  const loadWorld = async (t: number): Promise<{ world: World; fresh: boolean }> => {
    const stored = await opts.store.load();
    return stored ? { world: stored, fresh: false } : { world: seed(t), fresh: true };
  };

  async function rpc(req: Request): Promise<Response> {
    const rid = newRequestId();
    let params: Record<string, string> = {};
    try {
      params = await readWireParams(req);
    } catch {
      // An unreadable body: answered below as missing parameters.
    }
    const format = formatOf(params.Format);
    let product = productOfVersion(params.Version);
    try {
      if (req.method !== 'GET' && req.method !== 'POST') {
        throw new ApiError('InvalidAction.NotFound', `Specified api is not found, please check your url and method. (method ${req.method}; use GET or POST)`);
      }
      const spec = resolveAction(params);
      product = spec.product;

      if (faults.latencyMs && applies(faults, spec.Action)) await sleep(faults.latencyMs);
      const fault = pickFault(faults, spec.Action, random);
      if (fault.kind === 'drop') return droppedResponse();
      if (fault.kind === 'error') throw fault.error;

      const account = await authenticate(req.method, params, accounts, nonces, now());
      const actionParams = readActionParams(spec, params);
      const handler = handlerFor(spec.Action);
      if (!handler) throw new ApiError('InvalidAction.NotFound', `The emulator does not serve ${spec.Action}.`);

      const result = await locked(async () => {
        const t = now();
        const { world, fresh } = await loadWorld(t);
        const settled = settle(world, t);
        const token = spec.ClientToken && spec.access === 'write' ? (actionParams.ClientToken as string | undefined) : undefined;
        const key = token && tokenKey(account.accountId, spec.Action, token);
        const earlier = key ? replay(world, key, actionParams) : undefined;
        if (earlier) {
          if (fresh || settled) await opts.store.save(world);
          return earlier;
        }
        const out = handler({ world, caller: account.accountId, now: t, delayMs }, actionParams);
        if (key) remember(world, key, actionParams, out, t);
        // Reads change nothing; skipping their save keeps a Durable Object's storage writes down.
        if (spec.access === 'write' || fresh || settled) await opts.store.save(world);
        return out;
      });
      return success(format, spec.Action, rid, result);
    } catch (err) {
      const e =
        err instanceof ApiError
          ? err
          : new ApiError('InternalError', `The request processing has failed due to some unknown error (${err instanceof Error ? err.message : String(err)}).`);
      return errorResponse(format, e, rid, product);
    }
  }

  async function control(route: ControlRoute, req: Request): Promise<Response> {
    if (route === 'reset') {
      if (req.method !== 'POST') return controlError(405, 'MethodNotAllowed', 'Use POST to reset the world.');
      return locked(async () => {
        const t = now();
        await opts.store.save(seed(t));
        return json({ ok: true, seededAt: new Date(t).toISOString() });
      });
    }
    if (route === 'faults') {
      if (req.method === 'GET') return json(faults);
      if (req.method !== 'POST') return controlError(405, 'MethodNotAllowed', 'Use GET to read or POST to set faults.');
      const f = await readFaults(req);
      if (f instanceof Response) return f;
      faults = structuredClone(f);
      return json(faults);
    }
    if (route === 'routes') {
      if (req.method !== 'POST') return controlError(405, 'MethodNotAllowed', 'Use POST to add routes.');
      const target = await readRoutesTarget(req);
      if (target instanceof Response) return target;
      return locked(async () => {
        const t = now();
        const { world, fresh } = await loadWorld(t);
        const settled = settle(world, t);
        const network = targetNetwork(world, target);
        if (network instanceof Response) {
          if (fresh || settled) await opts.store.save(world);
          return network;
        }
        const before = network.routes.length;
        const total = addSyntheticRoutes(network, target.count);
        await opts.store.save(world);
        const CenId = world.attachments.find((a) => a.ChildInstanceId === network.id)?.CenId ?? null;
        return json({ ok: true, ChildInstanceId: network.id, RegionId: network.RegionId, CenId, added: total - before, routes: total });
      });
    }
    if (req.method !== 'GET') return controlError(405, 'MethodNotAllowed', 'Use GET to read the world.');
    return locked(async () => {
      const t = now();
      const { world, fresh } = await loadWorld(t);
      if (settle(world, t) || fresh) await opts.store.save(world);
      return json(redactedWorld(world, accounts));
    });
  }

  const app = new Hono();
  app.all('*', (c) => {
    const route = opts.control ? controlRoute(new URL(c.req.url).pathname) : undefined;
    return route ? control(route, c.req.raw) : rpc(c.req.raw);
  });
  return app;
}
