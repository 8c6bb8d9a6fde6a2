// Runs in headless Chromium: one measurement pass of <cen-route-table> with
// 10,000 routes. The bench calls window.benchRun() and reads what it returns.
import '/elements.js';
import { routeEntry } from '/route-entries.mjs';

const N = 10_000;
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
const twoFrames = async () => {
  await frame();
  await frame();
};

/** 10,000 route rows (the element's RouteRow shape), shuffled so that sorting has work to do. */
function makeRoutes() {
  const rows = Array.from({ length: N }, (_, i) => {
    const e = routeEntry(i);
    return {
      DestinationCidrBlock: e.DestinationCidrBlock,
      Type: e.Type,
      NextHopInstanceId: e.NextHopInstanceId,
      NextHopType: e.NextHopType,
      NextHopRegionId: e.NextHopRegionId,
      Status: e.Status,
      Preference: e.Preference,
    };
  });
  let x = 12345;
  for (let i = rows.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) >>> 0;
    const j = x % (i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

const ipKey = (cidr) => {
  const [ip, len] = cidr.split('/');
  return ip.split('.').reduce((a, o) => a * 256 + Number(o), 0) * 64 + Number(len);
};

/** Text of the first rendered body row's cell `col` (rows are positioned; the first in the DOM may not be row 0). */
function firstRowCell(el, col) {
  const rows = [...el.shadowRoot.querySelectorAll('[part="row"]')];
  const top = rows.find((r) => r.getAttribute('aria-rowindex') === '2');
  return top?.querySelector(`[data-col="${col}"]`)?.textContent.trim();
}

async function timed(el, act, check) {
  const t0 = performance.now();
  await act();
  await el.updateComplete;
  await twoFrames();
  const ms = performance.now() - t0;
  const ok = check();
  return { ms, ok };
}

window.benchRun = async () => {
  // The one-file bundle should register every element; if it does not (yet),
  // the element's own entry is the fallback, and the report says so.
  let source = '/elements.js';
  if (!customElements.get('cen-route-table')) {
    source = '/elements/cen-route-table.js';
    await import(source);
  }
  await customElements.whenDefined('cen-route-table');
  const el = document.createElement('cen-route-table');
  el.setAttribute('region', 'cn-hangzhou');
  document.getElementById('box').append(el);
  await el.updateComplete;
  // Let the one GET /api answer and any re-render it causes pass before timing.
  await new Promise((r) => setTimeout(r, 150));
  await twoFrames();

  const routes = makeRoutes();
  const byCidr = [...routes].sort((a, b) => ipKey(a.DestinationCidrBlock) - ipKey(b.DestinationCidrBlock));
  const out = {};

  // Data → painted rows: the property set, Lit's update, two frames.
  out.render = await timed(
    el,
    () => {
      el.routes = routes;
    },
    () => firstRowCell(el, 0) === byCidr[0].DestinationCidrBlock,
  );
  await twoFrames();
  out.rowElements = el.shadowRoot.querySelectorAll('[part="row"]').length;
  out.cellElements = el.shadowRoot.querySelectorAll('[role="gridcell"]').length;
  out.totalShadowElements = el.shadowRoot.querySelectorAll('*').length;

  // Sort by another column through the UI: a click on its header button.
  const hopHeader = el.shadowRoot.querySelector('[data-column="NextHopInstanceId"] button');
  const minHop = routes.map((r) => r.NextHopInstanceId.toLowerCase()).sort()[0];
  out.sortNextHop = await timed(el, () => hopHeader.click(), () => firstRowCell(el, 2)?.toLowerCase() === minHop);
  await twoFrames();

  // Sort by CIDR again (ascending), then click once more: descending.
  const cidrHeader = el.shadowRoot.querySelector('[data-column="DestinationCidrBlock"] button');
  cidrHeader.click();
  await el.updateComplete;
  await twoFrames();
  out.sortCidrDescending = await timed(el, () => cidrHeader.click(), () => firstRowCell(el, 0) === byCidr[byCidr.length - 1].DestinationCidrBlock);
  await twoFrames();

  // Filter by CIDR through the UI: type a block and press Enter (Enter skips the 200 ms typing debounce).
  const input = el.shadowRoot.querySelector('[part="filter-cidr"]');
  const inBlock = routes.filter((r) => r.DestinationCidrBlock.startsWith('10.1.')).length;
  out.filterCidr = await timed(
    el,
    () => {
      input.value = '10.1.0.0/16';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    },
    () => el.visibleRoutes.length === inBlock,
  );
  out.filterCidr.matched = el.visibleRoutes.length;
  await twoFrames();

  // Filter by status through its select (on top of the CIDR filter, cleared first).
  input.value = '';
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await el.updateComplete;
  await twoFrames();
  const select = el.shadowRoot.querySelector('[part="filter-status"]');
  const rejected = routes.filter((r) => r.Status === 'Rejected').length;
  out.filterStatus = await timed(
    el,
    () => {
      select.value = 'Rejected';
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    },
    () => el.visibleRoutes.length === rejected,
  );
  out.filterStatus.matched = el.visibleRoutes.length;
  out.routes = N;
  out.source = source;
  return out;
};
