/**
 * The control endpoints (only when the host turns them on): reseed the world,
 * read or set faults, dump the world for debugging, and add synthetic routes
 * to a network (large route tables for benches and UI work). The dump names
 * accounts by ID and AccessKeyId only, never by secret.
 */
import type { EmulatorAccount } from './accounts.js';
import { checkFaultConfig, type FaultConfig } from './faults.js';
import type { Network, World } from './world/types.js';

export type ControlRoute = 'reset' | 'faults' | 'world' | 'routes';

/** `_control/<route>` at the end of the path, whatever the emulator is mounted under. */
export function controlRoute(pathname: string): ControlRoute | undefined {
  const m = /\/_control\/(reset|faults|world|routes)\/?$/.exec(pathname);
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

/** Most synthetic routes one call adds (a 10,000-route table takes a few calls at most). */
export const MAX_SYNTHETIC_ROUTES = 10_000;

/** Where to add synthetic routes: one network, named directly or as the CEN's network in a region. */
export type RoutesTarget = { ChildInstanceId: string; count: number } | { CenId: string; RegionId: string; count: number };

const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';

/**
 * Parses and checks a `_control/routes` body; returns the target or an error response.
 *
 * @example
 * ```ts
 * await readRoutesTarget(new Request('http://e/_control/routes', { method: 'POST', body: '{"ChildInstanceId":"vpc-1","count":2000}' }));
 * // { ChildInstanceId: 'vpc-1', count: 2000 }
 * ```
 */
export async function readRoutesTarget(req: Request): Promise<RoutesTarget | Response> {
  const usage = 'Send {"ChildInstanceId":"vpc-…","count":2000} or {"CenId":"cen-…","RegionId":"cn-hangzhou","count":2000}.';
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return controlError(400, 'InvalidParameter', `The body must be a JSON object. ${usage}`);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return controlError(400, 'InvalidParameter', `The body must be a JSON object. ${usage}`);
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !['ChildInstanceId', 'CenId', 'RegionId', 'count'].includes(k));
  if (unknown.length) return controlError(400, 'InvalidParameter', `unknown parameter ${unknown[0]}. ${usage}`);
  const count = b.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_SYNTHETIC_ROUTES) {
    return controlError(400, 'InvalidParameter', `count must be a whole number from 1 to ${MAX_SYNTHETIC_ROUTES} (got ${JSON.stringify(count) ?? 'nothing'}).`);
  }
  if (b.ChildInstanceId !== undefined) {
    if (b.CenId !== undefined || b.RegionId !== undefined) return controlError(400, 'InvalidParameter', `ChildInstanceId cannot be combined with CenId or RegionId. ${usage}`);
    if (!isText(b.ChildInstanceId)) return controlError(400, 'InvalidParameter', `ChildInstanceId must be a network ID such as vpc-bp1…. ${usage}`);
    return { ChildInstanceId: b.ChildInstanceId, count };
  }
  if (!isText(b.CenId) || !isText(b.RegionId)) return controlError(400, 'InvalidParameter', `ChildInstanceId, or CenId and RegionId, are required. ${usage}`);
  return { CenId: b.CenId, RegionId: b.RegionId, count };
}

/** The network a target names, or an error response when there is none. */
export function targetNetwork(world: World, t: RoutesTarget): Network | Response {
  if ('ChildInstanceId' in t) {
    const n = world.networks.find((x) => x.id === t.ChildInstanceId);
    return n ?? controlError(404, 'InvalidInstanceId.NotFound', `No network ${t.ChildInstanceId} exists in the emulator's world.`);
  }
  // The first network of that region attached to the CEN (any status but gone).
  for (const a of world.attachments) {
    if (a.CenId !== t.CenId || a.ChildInstanceRegionId !== t.RegionId) continue;
    const n = world.networks.find((x) => x.id === a.ChildInstanceId);
    if (n) return n;
  }
  return controlError(404, 'InvalidInstanceId.NotFound', `No network in ${t.RegionId} is attached to ${t.CenId}.`);
}

/**
 * Adds `count` published Custom routes (`/32`s under 10.200.0.0/13, next hop
 * an ECS instance) to a network's route table, skipping destinations it
 * already has, so that CEN learns them as it learns any published route.
 * Returns how many routes the network has now.
 */
export function addSyntheticRoutes(network: Network, count: number): number {
  const taken = new Set(network.routes.map((r) => r.DestinationCidrBlock));
  let added = 0;
  // 10.200.0.0 … 10.207.255.255: room for 524,288 /32s.
  for (let i = 0; added < count && i < 8 << 16; i++) {
    const cidr = `10.${200 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}/32`;
    if (taken.has(cidr)) continue;
    network.routes.push({ DestinationCidrBlock: cidr, RouteType: 'Custom', NextHopType: 'Instance', NextHopId: `i-synthetic${String(i).padStart(8, '0')}`, published: true });
    added++;
  }
  return network.routes.length;
}
