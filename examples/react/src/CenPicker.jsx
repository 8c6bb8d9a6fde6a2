/**
 * A React 19 component around two cen-kit elements. React 19 treats custom
 * elements natively: a prop whose name starts with `on` becomes an event
 * listener for the rest of the name, as written (`oncen-select` listens to
 * `cen-select`; `onCenSelect` would listen to an event called "CenSelect"),
 * and a prop the element defines as a property (`cenId`) is set as a property.
 */
import { useState } from 'react';
// From the npm build (package.json exports → dist/define/*.js); each import registers its element.
import '@cen-kit/elements/cen-list';
import '@cen-kit/elements/cen-attach-form';

/**
 * @param {{ onSelect?: (CenId: string) => void, onAttached?: (detail: { CenId: string, ChildInstanceId: string }) => void }} props
 */
export function CenPicker({ onSelect, onAttached }) {
  const [cenId, setCenId] = useState(/** @type {string | undefined} */ (undefined));
  return (
    <div className="grid">
      <cen-list
        page-size="10"
        oncen-select={(/** @type {CustomEvent<{ CenId: string }>} */ e) => {
          setCenId(e.detail.CenId);
          onSelect?.(e.detail.CenId);
        }}
      />
      <p>
        Selected in React: <output data-testid="selected">{cenId ?? 'none'}</output>
      </p>
      <cen-attach-form cenId={cenId} oncen-attached={(/** @type {CustomEvent} */ e) => onAttached?.(e.detail)} />
    </div>
  );
}
