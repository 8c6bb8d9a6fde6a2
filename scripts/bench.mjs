#!/usr/bin/env node
// `npm run bench`: the cen-kit benchmarks (signing, proxy cost, Worker CPU per
// response, bundle weight, route table rendering, paging, load), bounded in
// time, written to BENCHMARKS.md. `node scripts/bench.mjs signing weight` runs
// only those parts and keeps the other sections of the report.
// Exit code 1 when a budget or check fails (bundle over 35 KB gzip, zod in the
// bundle, signatures that disagree); a figure that cannot be measured yet is
// reported as "not measured: <why>" instead.
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { machine } from '../bench/lib/machine.mjs';
import { killAll } from '../bench/lib/procs.mjs';
import { readStored, writeReport } from '../bench/report.mjs';

const root = new URL('..', import.meta.url).pathname;
const reportFile = join(root, 'BENCHMARKS.md');

/** Parts in report order; `budgetMs` bounds each one (the whole run stays under 5 minutes). */
const PARTS = [
  { name: 'signing', title: '1. Signing', file: 'signing.mjs', budgetMs: 45_000 },
  { name: 'proxy', title: '2a. Proxy cost (wrangler dev)', file: 'proxy.mjs', budgetMs: 80_000 },
  { name: 'cpu', title: '2b. Worker CPU per upstream response (500 routes)', file: 'cpu.mjs', budgetMs: 40_000 },
  { name: 'weight', title: '3. Weight (elements bundle, gzip -9)', file: 'weight.mjs', budgetMs: 40_000 },
  { name: 'table', title: '4. Route table, 10,000 routes (headless Chromium)', file: 'table.mjs', budgetMs: 50_000 },
  { name: 'paging', title: '5. Paging a 2,000-route table', file: 'paging.mjs', budgetMs: 40_000 },
  { name: 'load', title: '6. Load test figures (test-results/load.json)', file: 'load.mjs', budgetMs: 5_000 },
];
const TOTAL_BUDGET_MS = 290_000;

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !PARTS.some((p) => p.name === a));
if (unknown.length) {
  console.error(`unknown part(s): ${unknown.join(', ')}; known: ${PARTS.map((p) => p.name).join(', ')}`);
  process.exit(2);
}
const selected = asked.length ? PARTS.filter((p) => asked.includes(p.name)) : PARTS;

const started = Date.now();
const runMachine = machine();
const stored = readStored(reportFile);
const results = { ...stored };
let failures = 0;

for (const part of selected) {
  const left = TOTAL_BUDGET_MS - (Date.now() - started);
  const budget = Math.min(part.budgetMs, Math.max(left, 1000));
  const t0 = Date.now();
  const loadBefore = loadavg()[0];
  console.log(`\n=== bench ${part.name} (budget ${(budget / 1000).toFixed(0)} s)`);
  let r;
  let timer;
  try {
    const mod = await import(`../bench/${part.file}`);
    r = await Promise.race([
      mod.run({ budgetMs: budget }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${(budget / 1000).toFixed(0)} s`)), budget);
      }),
    ]);
  } catch (e) {
    console.error(e);
    r = { markdown: `not measured: ${e.message.split('\n')[0]}`, figures: {}, failures: [], headline: `not measured: ${e.message.split('\n')[0]}` };
    killAll(); // whatever the part started
  } finally {
    clearTimeout(timer);
  }
  r.failures ??= [];
  failures += r.failures.length;
  results[part.name] = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: runMachine,
    durationMs: Date.now() - t0,
    load: [loadBefore, loadavg()[0]].map((x) => Math.round(x * 100) / 100),
    headline: r.headline ?? '',
    markdown: r.markdown,
    figures: r.figures ?? {},
    failures: r.failures,
  };
  console.log(r.markdown);
  for (const f of r.failures) console.error(`FAIL: ${f}`);
  console.log(`=== ${part.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// Parts that no longer exist in PARTS are dropped from the report.
for (const k of Object.keys(results)) if (!PARTS.some((p) => p.name === k)) delete results[k];
writeReport(reportFile, {
  parts: PARTS,
  results,
  run: {
    date: new Date(started).toISOString().replace(/\.\d+Z$/, 'Z'),
    command: `node scripts/bench.mjs${asked.length ? ' ' + asked.join(' ') : ''}`,
    durationMs: Date.now() - started,
    machine: runMachine,
  },
});
console.log(`\nBENCHMARKS.md written (${((Date.now() - started) / 1000).toFixed(1)} s)${failures ? `; ${failures} failure(s)` : ''}`);
killAll();
process.exit(failures ? 1 : 0);
