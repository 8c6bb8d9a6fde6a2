// Part 4: <cen-route-table> with 10,000 routes in headless Chromium: data to
// painted rows, row elements in the DOM, sorting and filtering through the UI.
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, fmt } from './lib/stats.mjs';
import { root } from './lib/bundle.mjs';
import { assertPortFree } from './lib/procs.mjs';

const PORT = 8825;
const RUNS = 5; // after one warm-up, each on a fresh page
const CHROMIUM = '/usr/bin/chromium';

const FILES = {
  '/': ['bench/pages/route-table.html', 'text/html'],
  '/route-table-bench.js': ['bench/pages/route-table-bench.js', 'text/javascript'],
  '/route-entries.mjs': ['bench/fixtures/route-entries.mjs', 'text/javascript'],
  '/elements.js': ['dist/site/elements.js', 'text/javascript'],
};
// What GET /api answers: nothing allowed, read-only (the table shows routes it is given).
const API_INDEX = JSON.stringify({ backend: 'emulator', readOnly: true, caller: { kind: 'anonymous', name: 'bench' }, actions: [] });

async function serve() {
  await assertPortFree(PORT);
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/api' || path === '/api/') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(API_INDEX);
    }
    const f = FILES[path] ?? (/^\/elements\/[\w.-]+\.js$/.test(path) ? [`dist/site${path}`, 'text/javascript'] : undefined);
    if (!f || !existsSync(join(root, f[0]))) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end('{"Code":"NotFound"}');
    }
    res.writeHead(200, { 'content-type': f[1], 'cache-control': 'no-store' });
    res.end(readFileSync(join(root, f[0])));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORT, '127.0.0.1', () => resolve(server));
  });
}

export async function run() {
  const src = 'packages/elements/src/components/cen-route-table/cen-route-table.ts';
  if (!existsSync(join(root, src))) return { markdown: `not measured: ${src} does not exist yet`, headline: 'not measured: no <cen-route-table>', figures: {} };
  if (!existsSync(join(root, 'dist/site/elements.js')) && existsSync(join(root, 'packages/elements/build.mjs'))) {
    const r = spawnSync('node', ['packages/elements/build.mjs'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) return { markdown: `not measured: the elements build failed (exit ${r.status})`, headline: 'not measured: elements build failed', figures: {} };
  }
  if (!existsSync(join(root, 'dist/site/elements.js'))) return { markdown: 'not measured: dist/site/elements.js does not exist', headline: 'not measured: no bundle', figures: {} };
  if (!existsSync(CHROMIUM)) return { markdown: `not measured: ${CHROMIUM} does not exist`, headline: 'not measured: no Chromium', figures: {} };

  const { chromium } = await import('playwright-core');
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const version = browser.version();
    const runs = [];
    const pageErrors = [];
    for (let i = 0; i <= RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`http://127.0.0.1:${PORT}/`);
      const r = await Promise.race([
        page.evaluate(() => window.benchRun()),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`a page run took over 20 s${pageErrors.length ? `: ${pageErrors[0]}` : ''}`)), 20_000)),
      ]);
      await page.close();
      if (i > 0) runs.push(r); // the first is the warm-up
    }
    const keys = ['render', 'sortNextHop', 'sortCidrDescending', 'filterCidr', 'filterStatus'];
    const med = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k].ms))]));
    const allOk = Object.fromEntries(keys.map((k) => [k, runs.every((r) => r[k].ok)]));
    const rows = median(runs.map((r) => r.rowElements));
    const label = {
      render: 'data → painted rows (`routes` = 10,000)',
      sortNextHop: 'sort by next hop (click on its header)',
      sortCidrDescending: 'sort by CIDR, descending (click)',
      filterCidr: `filter CIDR \`10.1.0.0/16\` (type + Enter; ${runs[0].filterCidr.matched} match)`,
      filterStatus: `filter status Rejected (select; ${fmt(runs[0].filterStatus.matched)} match)`,
    };
    const source = runs[0].source;
    let md = `**Method.** playwright-core 1.65.1 drives ${CHROMIUM} (${version}) with \`--no-sandbox --headless=new --disable-gpu\`, viewport 1280×800. ` +
      `A tiny page served from 127.0.0.1:${PORT} imports \`dist/site/elements.js\`, creates \`<cen-route-table>\` in a 600 px box, waits for it to settle ` +
      `(its one \`GET /api\` is answered by the bench server), then sets its \`routes\` property to 10,000 generated routes (\`RouteRow\` shape, shuffled; generated before timing). ` +
      `Each time runs from the action (property set, header click, filter input + Enter, select change) through \`await el.updateComplete\` and two \`requestAnimationFrame\`s, ` +
      `i.e. until the frame with the change is painted; each is checked (the first row shows the expected smallest/largest value, the filter leaves the expected count). ` +
      `${RUNS} fresh pages after one warm-up page; medians. Browser timings move in frames (16.7 ms at 60 Hz), and waiting for two frames makes about 33 ms the floor of every figure here.\n\n`;
    // perf-anchors.md §3 (not this run): [vaadin-grid, Lit + lit-virtualizer, plain Lit 10,000 <tr>].
    const ANCHOR = { render: [71.1, 36.7, 866.2], sort: [70.0, 32.6, 530.8], rows: ['26 `<tr>`', '73', '10,000 `<tr>`'] };
    const anchorFor = (k) => (k === 'render' ? ANCHOR.render : k.startsWith('sort') ? ANCHOR.sort : undefined);
    md += `| measure | \`<cen-route-table>\`, this run (median ms) | runs (ms) | checked | anchor: \`<vaadin-grid>\` | anchor: Lit + \`<lit-virtualizer>\` | anchor: plain Lit |\n| --- | ---: | --- | --- | ---: | ---: | ---: |\n`;
    for (const k of keys) {
      const a = anchorFor(k);
      md += `| ${label[k]} | **${fmt(med[k], 1)}** | ${runs.map((r) => fmt(r[k].ms, 1)).join(' / ')} | ${allOk[k] ? 'yes' : '**NO**'} | ${a ? a.map((x) => fmt(x, 1)).join(' | ') : '– | – | –'} |\n`;
    }
    md += `| row elements in the DOM (10,000 routes) | **${rows}** \`[part=row]\` | | | ${ANCHOR.rows.join(' | ')} |\n`;
    md += `\nThe shadow root holds ${median(runs.map((r) => r.cellElements))} grid cells and ${median(runs.map((r) => r.totalShadowElements))} elements in all. ` +
      `**The anchor columns are not same-run ratios**: they are perf-anchors.md §3, measured earlier on this machine type with a similar harness ` +
      `(same data size and columns, render to the painted frame, sort = a click on a header; no filter was measured there). They were not run here, so compare them loosely.\n`;
    if (source !== '/elements.js') {
      md += `\n**Note:** \`dist/site/elements.js\` does not register \`<cen-route-table>\` (yet), so the page loaded the element's own entry \`dist/site${source}\` after it.\n`;
    }
    if (pageErrors.length) md += `\nPage errors: ${[...new Set(pageErrors)].slice(0, 3).map((e) => `\`${e.slice(0, 200)}\``).join('; ')}\n`;
    const bad = keys.filter((k) => !allOk[k]);
    return {
      markdown: md,
      headline: `render ${fmt(med.render, 1)} ms, ${rows} row elements; sort ${fmt(med.sortNextHop, 1)} ms; filter ${fmt(med.filterCidr, 1)} ms`,
      figures: { medians: med, rowElements: rows, runs, chromium: version },
      failures: bad.length ? [`table: the result after ${bad.join(', ')} was not what was expected`] : [],
    };
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}
