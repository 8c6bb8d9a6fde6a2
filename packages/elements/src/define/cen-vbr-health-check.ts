/** Registers <cen-vbr-health-check> (safe to load twice). */
import { CenVbrHealthCheck } from '../components/cen-vbr-health-check/cen-vbr-health-check.js';

CenVbrHealthCheck.define('cen-vbr-health-check');

export { CenVbrHealthCheck };

declare global {
  interface HTMLElementTagNameMap {
    'cen-vbr-health-check': CenVbrHealthCheck;
  }
}
