/**
 * The control endpoints (only when the host turns them on): reseed the world,
 * read or set faults, and dump the world for debugging. The dump names
 * accounts by ID and AccessKeyId only, never by secret.
 */
import type { EmulatorAccount } from './accounts.js';
import { checkFaultConfig, type FaultConfig } from './faults.js';
import type { World } from './world/types.js';

export type ControlRoute = 'reset' | 'faults' | 'world';

/** `_control/<route>` at the end of the path, whatever the emulator is mounted under. */
export function controlRoute(pathname: string): ControlRoute | undefined {
  const m = /\/_control\/(reset|faults|world)\/?$/.exec(pathname);
  return m ? (m[1] as ControlRoute) : undefined;
}

export function json(data: unknown, status = 200): Response {
  return new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json;charset=utf-8' } });
}

export function controlError(status: number, Code: string, Message: string): Response {
  return json({ Code, Message }, status);
}

/** Parses and checks a FaultConfig body; returns the config or an error response. */
export async function readFaults(req: Request): Promise<FaultConfig | Response> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return controlError(400, 'InvalidParameter', 'The body must be a JSON FaultConfig object such as {"rate":0.1,"kinds":["throttling"]}.');
  }
  const problem = checkFaultConfig(body);
  return problem ? controlError(400, 'InvalidParameter', `Invalid FaultConfig: ${problem}.`) : (body as FaultConfig);
}

/** The world without remembered results, plus who the accounts are (no secrets). */
export function redactedWorld(world: World, accounts: readonly EmulatorAccount[]): Record<string, unknown> {
  const { tokens, ...rest } = world;
  return {
    accounts: accounts.map((a) => ({ name: a.name, accountId: a.accountId, accessKeyId: a.accessKeyId })),
    world: { ...rest, tokens: tokens.length },
  };
}
