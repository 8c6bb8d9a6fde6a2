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
// The import order is the bundle's module order, and gzip only matches text
// within 32 KB: the message catalogues together, then the elements in this
// order, gzip about 2.5 KB smaller than list-first (measured with build.mjs).
// The catalogue imports are only for that order.
import './components/cen-bandwidth-planner/messages.js';
import './components/cen-route-table/messages.js';
import './components/cen-vbr-health-check/messages.js';
import './i18n/index.js';
import { CenBandwidthPlanner } from './define/cen-bandwidth-planner.js';
import { CenRouteTable } from './define/cen-route-table.js';
import { CenVbrHealthCheck } from './define/cen-vbr-health-check.js';
import { CenList } from './define/cen-list.js';
import { CenAttachForm } from './define/cen-attach-form.js';
import { configure, configuration, type CenKitConfig } from './base/config.js';
import { CenElement, type ElementState } from './base/cen-element.js';

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
