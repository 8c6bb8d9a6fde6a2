/** Registers <cen-bandwidth-planner> (safe to load twice). */
import { CenBandwidthPlanner } from '../components/cen-bandwidth-planner/cen-bandwidth-planner.js';

CenBandwidthPlanner.define('cen-bandwidth-planner');

export { CenBandwidthPlanner };

declare global {
  interface HTMLElementTagNameMap {
    'cen-bandwidth-planner': CenBandwidthPlanner;
  }
}
