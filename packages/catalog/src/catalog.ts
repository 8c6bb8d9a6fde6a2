/**
 * The catalogue object and the types derived from it. Kept apart from
 * index.ts so that helpers (json-schema.ts) can import it without a cycle.
 */
import type * as z from 'zod';
import * as cen from './actions/cen.js';
import * as attachments from './actions/attachments.js';
import * as grants from './actions/grants.js';
import * as bandwidthPackages from './actions/bandwidth-packages.js';
import * as limits from './actions/limits.js';
import * as areas from './actions/areas.js';
import * as routes from './actions/routes.js';
import * as healthChecks from './actions/health-checks.js';
import * as vpc from './actions/vpc.js';

/**
 * Every action, by name. DescribeGrantRulesToCen is the VPC 2016-04-28 action;
 * the Cbn action of the same name is out of scope (see actions/grants.ts).
 */
export const catalog = {
  CreateCen: cen.CreateCen,
  DescribeCens: cen.DescribeCens,
  ModifyCenAttribute: cen.ModifyCenAttribute,
  DeleteCen: cen.DeleteCen,
  AttachCenChildInstance: attachments.AttachCenChildInstance,
  DetachCenChildInstance: attachments.DetachCenChildInstance,
  DescribeCenAttachedChildInstances: attachments.DescribeCenAttachedChildInstances,
  DescribeCenAttachedChildInstanceAttribute: attachments.DescribeCenAttachedChildInstanceAttribute,
  GrantInstanceToCen: grants.GrantInstanceToCen,
  RevokeInstanceFromCen: grants.RevokeInstanceFromCen,
  DescribeGrantRulesToCen: grants.DescribeGrantRulesToCen,
  CreateCenBandwidthPackage: bandwidthPackages.CreateCenBandwidthPackage,
  AssociateCenBandwidthPackage: bandwidthPackages.AssociateCenBandwidthPackage,
  UnassociateCenBandwidthPackage: bandwidthPackages.UnassociateCenBandwidthPackage,
  DescribeCenBandwidthPackages: bandwidthPackages.DescribeCenBandwidthPackages,
  ModifyCenBandwidthPackageAttribute: bandwidthPackages.ModifyCenBandwidthPackageAttribute,
  ModifyCenBandwidthPackageSpec: bandwidthPackages.ModifyCenBandwidthPackageSpec,
  DeleteCenBandwidthPackage: bandwidthPackages.DeleteCenBandwidthPackage,
  DescribeCenInterRegionBandwidthLimits: limits.DescribeCenInterRegionBandwidthLimits,
  SetCenInterRegionBandwidthLimit: limits.SetCenInterRegionBandwidthLimit,
  DescribeCenGeographicSpanRemainingBandwidth: limits.DescribeCenGeographicSpanRemainingBandwidth,
  DescribeGeographicRegionMembership: areas.DescribeGeographicRegionMembership,
  DescribeCenGeographicSpans: areas.DescribeCenGeographicSpans,
  DescribeChildInstanceRegions: areas.DescribeChildInstanceRegions,
  DescribeCenRegionDomainRouteEntries: routes.DescribeCenRegionDomainRouteEntries,
  DescribeRouteConflict: routes.DescribeRouteConflict,
  DescribePublishedRouteEntries: routes.DescribePublishedRouteEntries,
  PublishRouteEntries: routes.PublishRouteEntries,
  WithdrawPublishedRouteEntries: routes.WithdrawPublishedRouteEntries,
  DescribeCenVbrHealthCheck: healthChecks.DescribeCenVbrHealthCheck,
  EnableCenVbrHealthCheck: healthChecks.EnableCenVbrHealthCheck,
  DisableCenVbrHealthCheck: healthChecks.DisableCenVbrHealthCheck,
  DescribeVpcs: vpc.DescribeVpcs,
  DescribeVirtualBorderRouters: vpc.DescribeVirtualBorderRouters,
  DescribeRouteTables: vpc.DescribeRouteTables,
} as const;

export type Catalog = typeof catalog;
export type ActionName = keyof Catalog;
/** Parameters a caller sends for an action (JSON shape). */
export type RequestOf<A extends ActionName> = z.input<Catalog[A]['request']>;
/** What the Worker answers for an action (official JSON shape). */
export type ResponseOf<A extends ActionName> = z.output<Catalog[A]['response']>;
/** Describe actions with page numbers (`PageNumber`/`PageSize`, a list and `TotalCount`). */
export type PagedActionName = { [K in ActionName]: Catalog[K]['paging'] extends undefined ? never : K }[ActionName];
/** Actions that change something; refused in read-only deployments. */
export type WriteActionName = { [K in ActionName]: Catalog[K]['access'] extends 'write' ? K : never }[ActionName];
/** Actions that only read. */
export type ReadActionName = Exclude<ActionName, WriteActionName>;
/** Actions of one product (`Cbn` or `Vpc`). */
export type ProductActionName<P extends 'Cbn' | 'Vpc'> = { [K in ActionName]: Catalog[K]['product'] extends P ? K : never }[ActionName];

