/**
 * `@cen-kit/elements`: every element, registered, plus `configure()`. The
 * same API is on `window.CenKit` for pages without a build step.
 *
 * @example
 * ```html
 * <meta name="cen-kit:api" content="/api">
 * <script type="module" src="/elements.js"></script>
 * <cen-list id="cens"></cen-list>
 * <cen-attach-form follow="#cens"></cen-attach-form>
 * ```
 */
import { configure, configuration, type CenKitConfig } from './base/config.js';
import { CenElement, type ElementState } from './base/cen-element.js';
import { CenList } from './define/cen-list.js';
import { CenAttachForm } from './define/cen-attach-form.js';
import { CenBandwidthPlanner } from './define/cen-bandwidth-planner.js';
import { CenRouteTable } from './define/cen-route-table.js';
import { CenVbrHealthCheck } from './define/cen-vbr-health-check.js';

export { configure, configuration, CenElement, CenList, CenAttachForm, CenBandwidthPlanner, CenRouteTable, CenVbrHealthCheck };
export type { CenKitConfig, ElementState };
export type { CenEventMap, CenEvent, CenEventName, AttachmentDetail } from './base/events.js';

const api = { configure, configuration, CenElement, CenList, CenAttachForm, CenBandwidthPlanner, CenRouteTable, CenVbrHealthCheck };

declare global {
  interface Window {
    CenKit?: typeof api;
  }
}

// A second copy of the bundle keeps the first one's global (and its elements).
if (typeof window !== 'undefined' && !window.CenKit) window.CenKit = api;
