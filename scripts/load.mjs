#!/usr/bin/env node
// `npm run load`: a small benchmark (not a test) of the Worker under
// `wrangler dev` on http://127.0.0.1:8795, backed by the built-in emulator.
// Two autocannon runs of ~10 s each:
//   reads  — POST /api/DescribeCens
//   writes — POST /api/ModifyCenAttribute on the seed CEN, with a bearer token
// Prints requests/s, latency percentiles and errors, and writes
// test-results/load.json. The token lives only in a private temporary env
// file; the per-caller rate limits are raised in a temporary copy of
// wrangler.toml (under .wrangler/, git-ignored) so that the run measures the
// Worker rather than the limiter.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const root = new URL('..', import.meta.url).pathname;
const HOST = '127.0.0.1';
const PORT = 8795;
const base = `http://${HOST}:${PORT}`;
const DURATION_S = Number(process.env.LOAD_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10);
const SEED_CEN = 'cen-7qthudw0ll6jmcdemo1';

const token = randomBytes(24).toString('base64url');
const sha256 = createHash('sha256').update(token).digest('hex');
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

// Temporary files: the env file (token hash, emulator backend forced) and the config copy.
const secretDir = mkdtempSync(join(tmpdir(), 'cen-kit-load-'));
const envFile = join(secretDir, 'load.env');
const tokens = [{ name: 'load', sha256, origins: [], policy: { Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }];
writeFileSync(
  envFile,
  [
    `PORTAL_TOKENS='${JSON.stringify(tokens)}'`,
    // Never against a real account, whatever the developer's .dev.vars holds.
    `ALIBABA_CLOUD_ACCESS_KEY_ID=''`,
    `ALIBABA_CLOUD_PROFILES=''`,
    `EMULATOR_DELAY_MS='0'`,
  ].join('\n'),
  { mode: 0o600 },
);
const configDir = join(root, '.wrangler', 'load');
mkdirSync(configDir, { recursive: true });
const configFile = join(configDir, 'wrangler.toml');
const config = readFileSync(join(root, 'wrangler.toml'), 'utf8')
  .replace(/^main = "(.*)"$/m, (_m, p) => `main = "${join(root, p)}"`)
  .replace(/^directory = "(.*)"$/m, (_m, p) => `directory = "${join(root, p)}"`)
  .replace(/simple = \{ limit = \d+, period = (\d+) \}/g, 'simple = { limit = 100000000, period = $1 }');
writeFileSync(configFile, config);

const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_HIDE_BANNER: 'true', CI: 'true' };
const wrangler = spawn(
  process.execPath,
  [join(root, 'node_modules/wrangler/bin/wrangler.js'), 'dev', '-c', configFile, '--ip', HOST, '--port', String(PORT), '--env-file', envFile, '--persist-to', join(secretDir, 'state'), '--log-level', 'error', '--show-interactive-dev-session=false'],
  { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true },
);
let stderr = '';
wrangler.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));

let stopped = false;
function stop() {
  if (stopped) return;
  stopped = true;
  try {
    process.kill(-wrangler.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(secretDir, { recursive: true, force: true });
  rmSync(configDir, { recursive: true, force: true });
}
process.on('exit', stop);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

async function ready(deadlineMs = 90_000) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (wrangler.exitCode !== null) throw new Error(`wrangler dev exited: ${stderr}`);
    try {
      const res = await fetch(`${base}/api`, { headers: auth });
      if (res.ok) return res.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer on ${base} within ${deadlineMs / 1000} s: ${stderr}`);
}

function run(title, opts) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, duration: DURATION_S, method: 'POST', headers: auth, ...opts }, (err, r) => (err ? reject(err) : resolve(r)));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
    void title;
  });
}

function summary(name, r) {
  return {
    name,
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    requests: r.requests.total,
    errors: r.errors + r.timeouts + r.non2xx,
    non2xx: r.non2xx,
    connections: r.connections,
    durationS: r.duration,
  };
}

try {
  const index = await ready();
  if (index.backend !== 'emulator') throw new Error(`refusing to load a ${index.backend} backend`);
  const modify = await fetch(`${base}/api/ModifyCenAttribute`, { method: 'POST', headers: auth, body: JSON.stringify({ CenId: SEED_CEN, Name: 'load-0' }) });
  if (!modify.ok) throw new Error(`the seed CEN cannot be modified: ${modify.status} ${await modify.text()}`);

  const reads = summary('reads: POST /api/DescribeCens', await run('reads', { url: `${base}/api/DescribeCens`, body: '{}' }));
  const writes = summary('writes: POST /api/ModifyCenAttribute (bearer token)', await run('writes', { url: `${base}/api/ModifyCenAttribute`, body: JSON.stringify({ CenId: SEED_CEN, Name: 'load-run', Description: 'autocannon' }) }));

  const rows = [reads, writes];
  console.log(`\ncen-kit load (wrangler dev on ${base}, emulator backend, ${CONNECTIONS} connections, ${DURATION_S} s each)\n`);
  console.log('| run | req/s | p50 ms | p90 ms | p99 ms | max ms | requests | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.requestsPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.requests} | ${r.errors} |`);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(join(root, 'test-results', 'load.json'), JSON.stringify({ when: new Date().toISOString(), node: process.version, base, connections: CONNECTIONS, durationS: DURATION_S, runs: rows }, null, 2) + '\n');
  console.log('\nwrote test-results/load.json');
} catch (e) {
  console.error(`load: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  stop();
}
