/**
 * Every action the emulator serves, by name. The keys are the catalogue's
 * action names (checked by the type below), so an action added to the
 * catalogue without a handler fails the type check.
 */
import type { ActionName } from '@cen-kit/catalog';
import * as attachments from './attachments.js';
import * as packages from './bandwidth-packages.js';
import * as cens from './cens.js';
import type { Handler } from './context.js';
import * as geography from './geography.js';
import * as grants from './grants.js';
import * as healthChecks from './health-checks.js';
import * as limits from './limits.js';
import * as routes from './routes.js';
import * as vpc from './vpc.js';

export const HANDLERS: Record<ActionName, Handler> = {
  CreateCen: cens.CreateCen,
  DescribeCens: cens.DescribeCens,
  ModifyCenAttribute: cens.ModifyCenAttribute,
  DeleteCen: cens.DeleteCen,
  AttachCenChildInstance: attachments.AttachCenChildInstance,
  DetachCenChildInstance: attachments.DetachCenChildInstance,
  DescribeCenAttachedChildInstances: attachments.DescribeCenAttachedChildInstances,
  DescribeCenAttachedChildInstanceAttribute: attachments.DescribeCenAttachedChildInstanceAttribute,
  GrantInstanceToCen: grants.GrantInstanceToCen,
  RevokeInstanceFromCen: grants.RevokeInstanceFromCen,
  DescribeGrantRulesToCen: grants.DescribeGrantRulesToCen,
  CreateCenBandwidthPackage: packages.CreateCenBandwidthPackage,
  AssociateCenBandwidthPackage: packages.AssociateCenBandwidthPackage,
  UnassociateCenBandwidthPackage: packages.UnassociateCenBandwidthPackage,
  DescribeCenBandwidthPackages: packages.DescribeCenBandwidthPackages,
  ModifyCenBandwidthPackageAttribute: packages.ModifyCenBandwidthPackageAttribute,
  ModifyCenBandwidthPackageSpec: packages.ModifyCenBandwidthPackageSpec,
  DeleteCenBandwidthPackage: packages.DeleteCenBandwidthPackage,
  DescribeCenInterRegionBandwidthLimits: limits.DescribeCenInterRegionBandwidthLimits,
  SetCenInterRegionBandwidthLimit: limits.SetCenInterRegionBandwidthLimit,
  DescribeCenGeographicSpanRemainingBandwidth: limits.DescribeCenGeographicSpanRemainingBandwidth,
  DescribeGeographicRegionMembership: geography.DescribeGeographicRegionMembership,
  DescribeCenGeographicSpans: geography.DescribeCenGeographicSpans,
  DescribeChildInstanceRegions: geography.DescribeChildInstanceRegions,
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
};

export function handlerFor(action: string): Handler | undefined {
  return Object.hasOwn(HANDLERS, action) ? HANDLERS[action as ActionName] : undefined;
}
