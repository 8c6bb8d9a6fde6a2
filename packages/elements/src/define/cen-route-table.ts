/** Registers <cen-route-table> (safe to load twice). */
import { CenRouteTable } from '../components/cen-route-table/cen-route-table.js';

CenRouteTable.define('cen-route-table');

export { CenRouteTable };

declare global {
  interface HTMLElementTagNameMap {
    'cen-route-table': CenRouteTable;
  }
}
