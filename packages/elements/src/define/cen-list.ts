/** Registers <cen-list> (safe to load twice). */
import { CenList } from '../components/cen-list/cen-list.js';

CenList.define('cen-list');

export { CenList };

declare global {
  interface HTMLElementTagNameMap {
    'cen-list': CenList;
  }
}
