// A tiny sequential test runner: each test has its own time limit, one line
// per result, and the counts go to test-results/e2e.json for scripts/test.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** @typedef {{ name: string, fn: (t: { log: (msg: string) => void, signal: AbortSignal }) => Promise<void>, timeout: number, skip?: string }} Test */

/** @type {Test[]} */
const tests = [];

/**
 * Registers a test.
 *
 * @example test('docs page has one script', async () => { ... }, { timeout: 20_000 });
 * @param {string} name
 * @param {Test['fn']} fn
 * @param {{ timeout?: number, skip?: string }} [opts]
 */
export function test(name, fn, opts = {}) {
  tests.push({ name, fn, timeout: opts.timeout ?? 30_000, ...(opts.skip ? { skip: opts.skip } : {}) });
}

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs the registered tests one after another and writes `{passed, failed, skipped}`.
 *
 * @param {{ results: string, only?: string[] }} opts
 * @returns {Promise<{ passed: number, failed: number, skipped: number }>}
 */
export async function runTests({ results, only = [] }) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const t of tests) {
    if (only.length && !only.some((o) => t.name.toLowerCase().includes(o.toLowerCase()))) continue;
    if (t.skip) {
      counts.skipped++;
      console.log(`- ${t.name} (skipped: ${t.skip})`);
      continue;
    }
    const t0 = Date.now();
    const ctl = new AbortController();
    const notes = [];
    let timer;
    try {
      await Promise.race([
        t.fn({ log: (m) => notes.push(m), signal: ctl.signal }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${secs(t.timeout)}`)), t.timeout);
        }),
      ]);
      counts.passed++;
      console.log(`✔ ${t.name} (${secs(Date.now() - t0)})`);
    } catch (e) {
      counts.failed++;
      console.log(`✖ ${t.name} (${secs(Date.now() - t0)})`);
      console.log(indent(e instanceof Error ? (e.stack ?? e.message) : String(e)));
    } finally {
      clearTimeout(timer);
      ctl.abort();
      for (const n of notes) console.log(indent(n));
    }
  }
  write(results, counts);
  return counts;
}

/** Writes the counts (also used when the run fails before any test). */
export function write(results, counts) {
  mkdirSync(dirname(results), { recursive: true });
  writeFileSync(results, JSON.stringify(counts) + '\n');
}

function indent(s) {
  return String(s)
    .split('\n')
    .slice(0, 25)
    .map((l) => `    ${l}`)
    .join('\n');
}
