// Part 5: fetching a 2,000-route table through the Worker: page after page
// (PageSize 500, sequential) against the client's concurrent allPages helper.
import { cpus } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alternate, median, fmt } from './lib/stats.mjs';
import { bundle, root } from './lib/bundle.mjs';
import { assertPortFree, startGroup } from './lib/procs.mjs';
import { refuseReason, startWrangler } from './lib/wrangler.mjs';

const WORKER_PORT = 8820;
const INSPECTOR_PORT = 8828;
const UPSTREAM_PORT = 8824;
const ROUTES = 2000;
const PAGE_SIZE = 500;
const ROUNDS = 7;
// A simulated upstream round trip (Alibaba from a Cloudflare edge is tens of ms away).
const RTT_MS = 60;
const RTT_ROUNDS = 3;
const ACTION = 'DescribeCenRegionDomainRouteEntries';

/** Starts the seeded emulator (Node) and resolves with what it printed when ready. */
async function startUpstream() {
  await assertPortFree(UPSTREAM_PORT);
  const file = await bundle(join(root, 'bench/workers/upstream-emulator.ts'), 'upstream-emulator.mjs', { platform: 'node' });
  const proc = startGroup(process.execPath, [file, String(UPSTREAM_PORT), String(ROUTES)], { cwd: root });
  const info = await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`the seeded emulator did not start: ${proc.output().slice(-300)}`)), 20_000);
    proc.child.stdout.on('data', () => {
      const line = proc.output().split('\n').find((l) => l.startsWith('{"ready"'));
      if (line) {
        clearTimeout(t);
        resolve(JSON.parse(line));
      }
    });
    proc.exited.then(({ code }) => reject(new Error(`the seeded emulator exited (${code}): ${proc.output().slice(-300)}`)));
  });
  return { proc, info };
}

export async function run() {
  const refuse = refuseReason();
  if (refuse) return { markdown: `not measured: ${refuse}`, headline: `not measured: ${refuse}`, figures: {} };
  for (const f of ['packages/client/src/index.ts', 'packages/emulator/src/index.ts']) {
    if (!existsSync(join(root, f))) return { markdown: `not measured: ${f} does not exist yet`, headline: `not measured: ${f} missing`, figures: {} };
  }
  const clientFile = await bundle(join(root, 'packages/client/src/index.ts'), 'client.node.mjs', { platform: 'node' });
  const { createCenClient } = await import(pathToFileURL(clientFile).href + `?t=${Date.now()}`);
  const { proc: upstream, info } = await startUpstream();
  let w;
  try {
    if (info.routes !== ROUTES) throw new Error(`the seeded emulator lists ${info.routes} routes, not ${ROUTES}`);
    const { TEST_ACCOUNTS } = await import(pathToFileURL(await bundle(join(root, 'packages/emulator/src/accounts.ts'), 'accounts.node.mjs')).href);
    const a = TEST_ACCOUNTS[0];
    // The emulator's documented test key (it opens nothing at Alibaba), given
    // to the Worker as if it were real credentials, with the endpoint on loopback.
    w = await startWrangler({
      port: WORKER_PORT,
      inspectorPort: INSPECTOR_PORT,
      vars: { ALIBABA_CLOUD_ACCESS_KEY_ID: a.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: a.accessKeySecret, ALIBABA_CLOUD_ENDPOINT_CBN: `http://127.0.0.1:${UPSTREAM_PORT}/`, ANONYMOUS: 'read' },
    });
    const index = await (await fetch(`${w.base}/api`)).json();
    if (index.backend !== 'alibaba') throw new Error(`the Worker did not take the bench's upstream (backend ${index.backend})`);

    const cen = createCenClient({ baseUrl: `${w.base}/api` });
    const params = { CenId: info.cenId, CenRegionId: 'cn-hangzhou' };
    const sequential = async () => {
      const t0 = performance.now();
      const items = [];
      let requests = 0;
      for (let page = 1; ; page++) {
        const r = await cen.call(ACTION, { ...params, PageNumber: page, PageSize: PAGE_SIZE });
        requests++;
        items.push(...r.CenRouteEntries.CenRouteEntry);
        if (items.length >= r.TotalCount || r.CenRouteEntries.CenRouteEntry.length === 0) break;
      }
      return { ms: performance.now() - t0, requests, items };
    };
    const concurrent = async () => {
      const t0 = performance.now();
      const r = await cen.allPages(ACTION, params, { pageSize: PAGE_SIZE });
      return { ms: performance.now() - t0, requests: r.requests, items: r.items };
    };
    // Warm-up and check: both ways must list the same 2,000 routes in the same order.
    const s0 = await sequential();
    const c0 = await concurrent();
    const key = (items) => items.map((x) => x.DestinationCidrBlock).join(',');
    const same = s0.items.length === ROUTES && key(s0.items) === key(c0.items);
    const runs = await alternate({ sequential, concurrent }, ROUNDS);
    const ms = { sequential: median(runs.sequential.map((r) => r.ms)), concurrent: median(runs.concurrent.map((r) => r.ms)) };
    const req = { sequential: runs.sequential[0].requests, concurrent: runs.concurrent[0].requests };
    const ratio = ms.sequential / ms.concurrent;
    // The same with a simulated round trip to Alibaba added by the upstream.
    await fetch(`http://127.0.0.1:${UPSTREAM_PORT}/_bench/latency?ms=${RTT_MS}`, { method: 'POST' });
    const rttRuns = await alternate({ sequential, concurrent }, RTT_ROUNDS);
    const rttMs = { sequential: median(rttRuns.sequential.map((r) => r.ms)), concurrent: median(rttRuns.concurrent.map((r) => r.ms)) };
    const rttRatio = rttMs.sequential / rttMs.concurrent;
    let md = `**Method.** The Worker (\`wrangler dev\` on 127.0.0.1:${WORKER_PORT}) is given the emulator's test key as its credentials and \`ALIBABA_CLOUD_ENDPOINT_CBN=http://127.0.0.1:${UPSTREAM_PORT}/\`, ` +
      `and \`ANONYMOUS=read\` (with real-looking credentials and no callers configured the Worker serves anonymous reads only when told to), where the bench runs \`@cen-kit/emulator\` in a Node process (MemoryStore) with the demo world plus published Custom routes on the Hangzhou VPC, so that ` +
      `\`${ACTION}\` for cn-hangzhou lists exactly **${fmt(info.routes)}** routes. (The Worker's own emulator — a Durable Object — has no way to seed that many routes: ` +
      `no action creates route entries and \`/emulator/_control/\` offers only reset, faults and world; so this goes through the Worker's real upstream path, signed, over loopback HTTP.) ` +
      `The client is \`@cen-kit/client\` (\`createCenClient\`, bundled for Node) calling the Worker. Sequential: \`call()\` page after page, PageSize ${PAGE_SIZE}, until TotalCount is reached. ` +
      `Concurrent: \`allPages(action, params, { pageSize: ${PAGE_SIZE} })\` (its default concurrency, 4: page 1, then the rest in parallel). ` +
      `Both list the same ${fmt(ROUTES)} routes in the same order: **${same ? 'yes' : 'NO'}**. After one warm-up each, ${ROUNDS} alternating rounds; median wall time.\n\n`;
    md += `| way | requests | wall ms (median) | runs (ms) |\n| --- | ---: | ---: | --- |\n`;
    for (const k of ['sequential', 'concurrent']) {
      md += `| ${k === 'sequential' ? `sequential, PageSize ${PAGE_SIZE}` : `\`allPages\`, PageSize ${PAGE_SIZE}, concurrency 4`} | ${req[k]} | ${fmt(ms[k])} | ${runs[k].map((r) => fmt(r.ms)).join(' / ')} |\n`;
    }
    for (const k of ['sequential', 'concurrent']) {
      md += `| ${k === 'sequential' ? 'sequential' : '`allPages`'}, with ${RTT_MS} ms added per upstream call | ${rttRuns[k][0].requests} | ${fmt(rttMs[k])} | ${rttRuns[k].map((r) => fmt(r.ms)).join(' / ')} |\n`;
    }
    md += `\nSpeed-up (sequential ÷ concurrent wall time, same run): **${fmt(ratio, 2)}×**. The emulator answers one call at a time (each call copies its whole world out of the store), ` +
      `and everything shares ${cpus().length} cores, so the speed-up here is mostly overlapped network and Worker time; against Alibaba, round trips dominate and concurrency helps more, as the simulated round trip shows.\n`;
    md += `\nWith ${RTT_MS} ms added per upstream call (the Node upstream waits before answering; ${RTT_ROUNDS} alternating rounds after the main ones): **${fmt(rttRatio, 2)}×**.\n`;
    return {
      markdown: md,
      headline: `2,000 routes: sequential ${fmt(ms.sequential)} ms / ${req.sequential} req; allPages ${fmt(ms.concurrent)} ms / ${req.concurrent} req (speed-up ${fmt(ratio, 2)}×; ${fmt(rttRatio, 2)}× with ${RTT_MS} ms upstream RTT)`,
      figures: { ms, requests: req, ratio, same, rtt: { addedMs: RTT_MS, ms: rttMs, ratio: rttRatio }, runs: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map((r) => r.ms)])) },
      failures: same ? [] : ['paging: sequential and allPages listed different routes'],
    };
  } finally {
    if (w) await w.stop();
    await upstream.stop();
  }
}
