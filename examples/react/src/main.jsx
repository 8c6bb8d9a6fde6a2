import { createRoot } from 'react-dom/client';
import { CenPicker } from './CenPicker.jsx';

/** What the page's handlers saw, in order (shown on the page, and read by the e2e test). */
const seen = [];
const log = document.createElement('ol');
log.setAttribute('aria-label', 'Handler calls');

function record(text) {
  seen.push(text);
  const li = document.createElement('li');
  li.textContent = text;
  log.append(li);
}

createRoot(document.getElementById('root')).render(
  <>
    <h1>cen-kit in React 19</h1>
    <CenPicker onSelect={(id) => record(`onSelect ${id}`)} onAttached={(d) => record(`onAttached ${d.ChildInstanceId} → ${d.CenId}`)} />
  </>,
);
document.body.append(log);
