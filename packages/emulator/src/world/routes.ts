/**
 * What a CEN learns from its attached networks. Every published route entry
 * of an Attached network is offered to the CEN (System routes always, Custom
 * routes after PublishRouteEntries). When two networks offer the same
 * destination CIDR, the one attached first wins and the later one is a
 * conflict: Rejected, not propagated to other regions.
 */
import type { Ctx } from '../handlers/context.js';
import { attachedNetworks } from './lookup.js';
import type { Attachment, Network, RouteEntry } from './types.js';

export interface Learned {
  network: Network;
  attachment: Attachment;
  route: RouteEntry;
  /** False for a route that lost to the same destination from an earlier network. */
  active: boolean;
}

export function learnedRoutes(ctx: Ctx, CenId: string): Learned[] {
  const winners = new Map<string, string>();
  const out: Learned[] = [];
  for (const { attachment, network } of attachedNetworks(ctx, CenId)) {
    for (const route of network.routes) {
      if (!route.published) continue;
      const winner = winners.get(route.DestinationCidrBlock);
      if (winner === undefined) winners.set(route.DestinationCidrBlock, network.id);
      out.push({ network, attachment, route, active: winner === undefined || winner === network.id });
    }
  }
  return out;
}

export interface Conflict {
  DestinationCidrBlock: string;
  InstanceId: string;
  InstanceType: string;
  RegionId: string;
  Status: 'conflict';
}

/** Routes of other networks on the CEN with the same destination as one of `network`'s published routes. */
export function conflictsOf(ctx: Ctx, CenId: string, network: Network, destination?: string): Conflict[] {
  const learned = learnedRoutes(ctx, CenId);
  const mine = new Set(
    learned.filter((l) => l.network.id === network.id).map((l) => l.route.DestinationCidrBlock),
  );
  return learned
    .filter((l) => l.network.id !== network.id && mine.has(l.route.DestinationCidrBlock))
    .filter((l) => !destination || l.route.DestinationCidrBlock === destination)
    .map((l) => ({
      DestinationCidrBlock: l.route.DestinationCidrBlock,
      InstanceId: l.network.id,
      InstanceType: l.network.type,
      RegionId: l.network.RegionId,
      Status: 'conflict' as const,
    }));
}

/** The CEN a network is attached to (a network is on at most one CEN). */
export function cenOfNetwork(ctx: Ctx, networkId: string): string | undefined {
  return ctx.world.attachments.find((a) => a.ChildInstanceId === networkId)?.CenId;
}
