#!/usr/bin/env node
// `npm test`: type check, build, then every suite in its real runtime:
// Node (catalogue, wire protocol, client, emulator), workerd (the Worker),
// headless Chromium (elements, against the real Worker on the emulator) and
// the end-to-end portal run. Each suite writes its counts to a JSON file; the
// last line is `N passed, N failed` for CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium',
};

const only = process.argv.slice(2);
const vitestJson = (file) => {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests + (r.success ? 0 : r.numFailedTestSuites ?? 0), skipped: r.numPendingTests ?? 0 };
};
const countsJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
// node:test's TAP summary lines: `# pass N`, `# fail N`, `# skipped N`.
const tapCounts = (file) => {
  const t = readFileSync(file, 'utf8');
  const n = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(t)?.[1] ?? NaN);
  if (Number.isNaN(n('pass')) || Number.isNaN(n('fail'))) throw new Error(`no TAP summary in ${file}`);
  return { passed: n('pass'), failed: n('fail'), skipped: n('skipped') || 0 };
};

/** @type {{name:string, cmd:string[], results?:string, parse?:(f:string)=>{passed:number,failed:number,skipped?:number}, when?:string}[]} */
const suites = [
  { name: 'typecheck', cmd: ['node', 'scripts/typecheck.mjs'] },
  { name: 'build', cmd: ['node', 'scripts/build.mjs'] },
  {
    name: 'node',
    cmd: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/node.json`],
    results: `${out}/node.json`,
    parse: vitestJson,
  },
  {
    // Build and benchmark tooling written as plain Node scripts.
    name: 'tools',
    cmd: ['node', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${out}/tools.tap`, 'packages/elements/minify-templates.test.mjs', 'bench/'],
    results: `${out}/tools.tap`,
    parse: tapCounts,
  },
  {
    name: 'worker',
    when: 'worker/vitest.config.ts',
    cmd: ['npx', 'vitest', 'run', '--config', 'worker/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/worker.json`],
    results: `${out}/worker.json`,
    parse: vitestJson,
  },
  {
    name: 'elements',
    when: 'packages/elements/web-test-runner.config.mjs',
    cmd: ['npx', 'web-test-runner', '--config', 'packages/elements/web-test-runner.config.mjs'],
    results: `${out}/elements.json`,
    parse: countsJson,
  },
  {
    name: 'e2e',
    when: 'e2e/run.mjs',
    cmd: ['node', 'e2e/run.mjs'],
    results: `${out}/e2e.json`,
    parse: countsJson,
  },
];

let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
for (const s of suites) {
  if (only.length && !only.includes(s.name)) continue;
  if (s.when && !existsSync(join(root, s.when))) continue;
  const t0 = Date.now();
  console.log(`\n=== ${s.name}: ${s.cmd.join(' ')}`);
  const r = spawnSync(s.cmd[0], s.cmd.slice(1), { cwd: root, env, stdio: 'inherit' });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (s.results) {
    let c;
    try {
      c = s.parse(s.results);
    } catch {
      c = { passed: 0, failed: 1 };
    }
    if (r.status !== 0 && c.failed === 0) c.failed = 1;
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped ?? 0;
    lines.push(`${s.name}: ${c.passed} passed, ${c.failed} failed (${secs} s)`);
  } else {
    // A step without tests (type check, build) counts as one check.
    if (r.status === 0) passed += 1;
    else failed += 1;
    lines.push(`${s.name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${secs} s)`);
  }
}
console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
