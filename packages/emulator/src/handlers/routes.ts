/**
 * Routes: the routes a CEN has per region, conflicts, and publishing or
 * withdrawing a network's Custom routes.
 */
import { fail } from '../errors.js';
import { activeCenOf, attachedNetworks, attachmentOf, cenOf, checkTypeMatchesId, networkById } from '../world/lookup.js';
import { cenOfNetwork, conflictsOf, learnedRoutes } from '../world/routes.js';
import { attachmentStatus } from '../world/status.js';
import type { Network } from '../world/types.js';
import { paginate, type Ctx, type Handler } from './context.js';


export const DescribeCenRegionDomainRouteEntries: Handler = (
  ctx,
  p: { CenId: string; CenRegionId: string; Status?: string; PageNumber?: number; PageSize?: number },
) => {
  const cen = cenOf(ctx, p.CenId);
  const regions = new Set(attachedNetworks(ctx, cen.CenId).map((x) => x.network.RegionId));
  // CEN has a route table only in regions where it has networks.
  const learned = regions.has(p.CenRegionId) ? learnedRoutes(ctx, cen.CenId) : [];
  const entries = learned
    .map((l) => {
      const local = l.network.RegionId === p.CenRegionId;
      return {
        DestinationCidrBlock: l.route.DestinationCidrBlock,
        Type: local ? l.route.RouteType : 'CEN',
        NextHopInstanceId: l.network.id,
        NextHopType: l.network.type,
        NextHopRegionId: l.network.RegionId,
        Status: l.active ? 'Active' : 'Rejected',
        Preference: 50,
        ToOtherRegionStatus: l.active ? 'Active' : 'Prohibited',
        AsPaths: { AsPath: [] },
        Communities: { Community: [] },
        CenRouteMapRecords: { CenRouteMapRecord: [] },
        CenOutRouteMapRecords: { CenOutRouteMapRecord: [] },
        local,
      };
    })
    // A rejected route stays in its own region (where it is seen and refused); it is not propagated to others.
    .filter((e) => e.Status === 'Active' || e.local)
    .filter((e) => (p.Status ?? 'Active') === 'All' || e.Status === (p.Status ?? 'Active'))
    .map(({ local: _local, ...e }) => e);
  const { page, fields } = paginate(entries, p);
  return { ...fields, CenRouteEntries: { CenRouteEntry: page } };
};

/** A network the caller may look at: its own, or one attached to the caller's CEN. */
function visibleNetwork(ctx: Ctx, id: string, type: string, RegionId: string): Network {
  checkTypeMatchesId(id, type);
  const n = networkById(ctx, id);
  const visible =
    n &&
    n.type === type &&
    n.RegionId === RegionId &&
    (n.owner === ctx.caller || ctx.world.attachments.some((a) => a.ChildInstanceId === id && ctx.world.cens.some((c) => c.CenId === a.CenId && c.owner === ctx.caller)));
  return visible ? n : fail('ParameterInstanceId', `The ${type} ${id} does not exist in ${RegionId} (or is not visible to this account).`);
}

export const DescribeRouteConflict: Handler = (
  ctx,
  p: {
    ChildInstanceId: string;
    ChildInstanceRegionId: string;
    ChildInstanceType: string;
    ChildInstanceRouteTableId: string;
    DestinationCidrBlock?: string;
    PageNumber?: number;
    PageSize?: number;
  },
) => {
  const n = visibleNetwork(ctx, p.ChildInstanceId, p.ChildInstanceType, p.ChildInstanceRegionId);
  const CenId = cenOfNetwork(ctx, n.id);
  const conflicts = CenId && n.RouteTableId === p.ChildInstanceRouteTableId ? conflictsOf(ctx, CenId, n, p.DestinationCidrBlock) : [];
  const { page, fields } = paginate(conflicts, p);
  return { ...fields, RouteConflicts: { RouteConflict: page } };
};

function attachedNetworkOf(ctx: Ctx, p: { CenId: string; ChildInstanceId: string; ChildInstanceType: string; ChildInstanceRegionId: string }): Network {
  const cen = cenOf(ctx, p.CenId);
  checkTypeMatchesId(p.ChildInstanceId, p.ChildInstanceType);
  const a = attachmentOf(ctx, cen.CenId, p.ChildInstanceId);
  const n = a && networkById(ctx, a.ChildInstanceId);
  if (!a || !n || n.type !== p.ChildInstanceType || n.RegionId !== p.ChildInstanceRegionId) {
    fail('ParameterInstanceId', `${p.ChildInstanceId} (${p.ChildInstanceType}, ${p.ChildInstanceRegionId}) is not attached to the CEN instance ${cen.CenId}.`);
  }
  return n;
}

export const DescribePublishedRouteEntries: Handler = (
  ctx,
  p: {
    CenId: string;
    ChildInstanceId: string;
    ChildInstanceRegionId: string;
    ChildInstanceType: string;
    ChildInstanceRouteTableId?: string;
    DestinationCidrBlock?: string;
    PageNumber?: number;
    PageSize?: number;
  },
) => {
  const n = attachedNetworkOf(ctx, p);
  const routes = n.routes
    .filter(() => !p.ChildInstanceRouteTableId || p.ChildInstanceRouteTableId === n.RouteTableId)
    .filter((r) => !p.DestinationCidrBlock || r.DestinationCidrBlock === p.DestinationCidrBlock);
  const { page, fields } = paginate(routes, p);
  return {
    ...fields,
    PublishedRouteEntries: {
      PublishedRouteEntry: page.map((r) => ({
        ChildInstanceRouteTableId: n.RouteTableId,
        DestinationCidrBlock: r.DestinationCidrBlock,
        NextHopId: r.NextHopId,
        NextHopType: r.NextHopType,
        RouteType: r.RouteType,
        OperationalMode: r.RouteType === 'Custom',
        PublishStatus: r.published ? 'Published' : 'NonPublished',
        Conflicts: { Conflict: r.published ? conflictsOf(ctx, p.CenId, n, r.DestinationCidrBlock) : [] },
      })),
    },
  };
};

type PublishParams = {
  CenId: string;
  ChildInstanceId: string;
  ChildInstanceType: string;
  ChildInstanceRegionId: string;
  ChildInstanceRouteTableId: string;
  DestinationCidrBlock: string;
};

function setPublished(ctx: Ctx, p: PublishParams, published: boolean): void {
  activeCenOf(ctx, p.CenId);
  const n = attachedNetworkOf(ctx, p);
  const a = attachmentOf(ctx, p.CenId, n.id)!;
  const st = attachmentStatus(a, ctx.now);
  if (st !== 'Attached') fail('InvalidOperation.ChildInstanceStatus', `${n.id} is ${st}; routes can be published once it is Attached.`);
  const route = n.RouteTableId === p.ChildInstanceRouteTableId ? n.routes.find((r) => r.DestinationCidrBlock === p.DestinationCidrBlock) : undefined;
  if (!route) {
    fail('InvalidOperation.NotFoundRoute', `The route table ${p.ChildInstanceRouteTableId} of ${n.id} has no route entry for ${p.DestinationCidrBlock}.`);
  }
  if (route.RouteType !== 'Custom') {
    fail('InvalidOperation.RouteNotPublishable', `The ${route.RouteType} route ${route.DestinationCidrBlock} is always published; only Custom routes can be published or withdrawn.`);
  }
  route.published = published;
}

export const PublishRouteEntries: Handler = (ctx, p: PublishParams) => {
  setPublished(ctx, p, true);
  return {};
};

export const WithdrawPublishedRouteEntries: Handler = (ctx, p: PublishParams) => {
  setPublished(ctx, p, false);
  return {};
};
