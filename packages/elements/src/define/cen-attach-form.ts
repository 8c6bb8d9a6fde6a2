/** Registers <cen-attach-form> (safe to load twice). */
import { CenAttachForm } from '../components/cen-attach-form/cen-attach-form.js';

CenAttachForm.define('cen-attach-form');

export { CenAttachForm };

declare global {
  interface HTMLElementTagNameMap {
    'cen-attach-form': CenAttachForm;
  }
}
