/**
 * How a signed request reaches its upstream: Alibaba over the network, or the
 * built-in emulator's Durable Object. Either way the request is signed for
 * real and the receiver checks the signature.
 */
import type { Bindings } from '../env.js';
import { backendOf } from './profiles.js';

export type Transport = (request: Request, signal: AbortSignal) => Promise<Response>;

/** The emulator's single Durable Object: one shared world per deployment. */
export function emulatorStub(env: Pick<Bindings, 'EMULATOR'>): DurableObjectStub {
  return env.EMULATOR.get(env.EMULATOR.idFromName('world'));
}

/** What the emulator's object offers by RPC (EmulatorObject.serve); the binding is typed as a plain namespace. */
interface EmulatorRpc {
  serve(request: Request): Promise<Response>;
}

/**
 * Sends a request to the emulator's object by RPC: a `stub.fetch()` would be an
 * HTTP subrequest, with the per-request bookkeeping (and, under `wrangler dev`,
 * the inspector's Network events) that goes with one.
 *
 * @example
 * ```ts
 * const res = await callEmulator(emulatorStub(env), signedRequest);
 * ```
 */
export function callEmulator(stub: DurableObjectStub, request: Request): Promise<Response> {
  return (stub as unknown as EmulatorRpc).serve(request);
}

/**
 * @example
 * ```ts
 * const send = transportFor(env, fetch);
 * const res = await send(signedRequest, AbortSignal.timeout(10_000));
 * ```
 */
export function transportFor(env: Bindings, networkFetch: (request: Request) => Promise<Response>): Transport {
  if (backendOf(env) === 'emulator') {
    // A stub does not take a caller's signal; the caller races it against the signal instead.
    return (request) => callEmulator(emulatorStub(env), request);
  }
  return (request, signal) => networkFetch(new Request(request, { signal }));
}
