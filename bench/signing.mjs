// Part 1: signing cost. The project's signer (@cen-kit/rpc) against the
// official @alicloud/openapi-util getRPCSignature in Node, alternating rounds;
// then the project's signer in a loop inside workerd (Miniflare).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { alternate, median, fmt } from './lib/stats.mjs';
import { bundle, root } from './lib/bundle.mjs';
import { assertPortFree, quietEnv } from './lib/procs.mjs';
import { cpuDelta, descendantsNamed, threadCpuNs } from './lib/cputime.mjs';
import { METHOD, SECRET, PARAMS, ACTION_PARAMS } from './fixtures/sign-input.mjs';

const ROUNDS = 5;
const WINDOW_MS = 300;
const WORKERD_PORT = 8821;

// Each window reports ops per wall second and ops per CPU second of the whole
// process (process.cpuUsage: every thread, so WebCrypto's thread-pool work is
// counted too); the CPU figure does not move when other work takes the cores.
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Ops per second of a synchronous function over a time window. */
function syncWindow(fn, ms) {
  let ops = 0;
  const c0 = cpuNow();
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (let i = 0; i < 100; i++) fn();
    ops += 100;
    t = performance.now();
  }
  return { wall: (ops * 1000) / (t - t0), cpu: (ops * 1000) / (cpuNow() - c0) };
}

/** Ops per second of an async function, `inFlight` calls at a time. */
async function asyncWindow(fn, ms, inFlight = 1) {
  let ops = 0;
  const c0 = cpuNow();
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    if (inFlight === 1) {
      for (let i = 0; i < 50; i++) await fn();
      ops += 50;
    } else {
      await Promise.all(Array.from({ length: inFlight }, fn));
      ops += inFlight;
    }
    t = performance.now();
  }
  return { wall: (ops * 1000) / (t - t0), cpu: (ops * 1000) / (cpuNow() - c0) };
}

async function nodePart() {
  const rpcFile = await bundle(join(root, 'packages/rpc/src/sign.ts'), 'rpc-sign.node.mjs', { platform: 'node' });
  const rpc = await import(pathToFileURL(rpcFile).href + `?t=${Date.now()}`);
  const require = createRequire(join(root, 'package.json'));
  const official = require('@alicloud/openapi-util').default;

  const fixedNow = () => new Date(PARAMS.Timestamp);
  const fixedNonce = () => PARAMS.SignatureNonce;
  const signReq = () =>
    rpc.signRequest({
      method: 'POST', Action: 'DescribeCens', Version: '2017-09-12', params: { ...ACTION_PARAMS },
      credentials: { accessKeyId: PARAMS.AccessKeyId, accessKeySecret: SECRET }, now: fixedNow, nonce: fixedNonce,
    });

  // Same inputs must give the same signature, or the comparison means nothing.
  const ours = await rpc.signature(METHOD, { ...PARAMS }, SECRET);
  const theirs = official.getRPCSignature({ ...PARAMS }, METHOD, SECRET);
  const viaRequest = (await signReq()).Signature;
  const agree = ours === theirs && viaRequest === theirs;

  // Warm-up: let both reach their optimised tiers.
  await asyncWindow(() => rpc.signature(METHOD, PARAMS, SECRET), 300);
  syncWindow(() => official.getRPCSignature(PARAMS, METHOD, SECRET), 300);

  const raw = await alternate(
    {
      official: async () => syncWindow(() => official.getRPCSignature(PARAMS, METHOD, SECRET), WINDOW_MS),
      signature: () => asyncWindow(() => rpc.signature(METHOD, PARAMS, SECRET), WINDOW_MS),
      signature64: () => asyncWindow(() => rpc.signature(METHOD, PARAMS, SECRET), WINDOW_MS, 64),
      signRequest: () => asyncWindow(signReq, WINDOW_MS),
      stringToSign: async () => syncWindow(() => rpc.stringToSign(METHOD, PARAMS), WINDOW_MS),
    },
    ROUNDS,
  );
  const samples = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.map((x) => x.wall)]));
  const med = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, median(v.map((x) => x.wall))]));
  const medCpu = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, median(v.map((x) => x.cpu))]));
  return { agree, samples, med, medCpu, expected: theirs };
}

async function workerdPart(expected) {
  const workerFile = await bundle(join(root, 'bench/workers/signing-worker.ts'), 'signing-worker.mjs', { platform: 'workerd' });
  Object.assign(process.env, { WRANGLER_SEND_METRICS: quietEnv.WRANGLER_SEND_METRICS, CLOUDFLARE_CF_FETCH_ENABLED: 'false' });
  await assertPortFree(WORKERD_PORT);
  const { Miniflare } = await import('miniflare');
  const mf = new Miniflare({
    modules: true,
    scriptPath: workerFile,
    compatibilityDate: '2026-04-01',
    host: '127.0.0.1',
    port: WORKERD_PORT,
  });
  try {
    await mf.ready;
    const workerd = descendantsNamed(process.pid, 'workerd');
    const haveCpu = workerd.length > 0 && threadCpuNs(workerd) !== undefined;
    const run = async (mode) => {
      const c0 = haveCpu ? threadCpuNs(workerd) : undefined;
      const r = await mf.dispatchFetch(`http://bench.local/?mode=${mode}&ms=${WINDOW_MS}`);
      if (!r.ok) throw new Error(`signing worker answered ${r.status}: ${(await r.text()).slice(0, 300)}`);
      const j = await r.json();
      const cpuMs = c0 ? cpuDelta(c0, threadCpuNs(workerd)).busiest / 1e6 : NaN;
      if (j.ms <= 0) throw new Error('the clock did not move inside workerd; cannot time the loop');
      return { opsPerSec: (j.ops * 1000) / j.ms, opsPerCpuSec: (j.ops * 1000) / cpuMs, first: j.first };
    };
    const check = await run('seq');
    await run('par'); // warm-up
    const raw = await alternate(
      {
        signature: () => run('seq'),
        signature64: () => run('par'),
        signRequest: () => run('request'),
        stringToSign: () => run('sts'),
      },
      ROUNDS,
    );
    const samples = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.map((x) => x.opsPerSec)]));
    const med = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, median(v.map((x) => x.opsPerSec))]));
    const medCpu = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, median(v.map((x) => x.opsPerCpuSec))]));
    return { agree: check.first === expected, samples, med, medCpu, haveCpu };
  } finally {
    await mf.dispose();
  }
}

const us = (opsPerSec) => fmt(1e6 / opsPerSec, 2);

/** Runs part 1 and returns its section of BENCHMARKS.md. */
export async function run() {
  const failures = [];
  const notes = [];
  if (!existsSync(join(root, 'packages/rpc/src/sign.ts'))) {
    return { markdown: 'not measured: packages/rpc/src/sign.ts does not exist', figures: {}, failures };
  }
  const node = await nodePart();
  if (!node.agree) failures.push('signing: the project signer and getRPCSignature disagree on the same input');

  let wd;
  try {
    wd = await workerdPart(node.expected);
    if (!wd.agree) failures.push('signing: the signature computed in workerd differs from getRPCSignature');
  } catch (e) {
    wd = { error: e.message };
  }

  const m = node.med;
  const c = node.medCpu;
  const ratio = (x) => fmt(x / m.official, 2);
  const cratio = (x) => fmt(x / c.official, 2);
  const rows = [
    ['official `getRPCSignature` (@alicloud/openapi-util 0.3.3, sync)', 'official'],
    ['@cen-kit/rpc `signature`, sequential awaits', 'signature'],
    ['@cen-kit/rpc `signature`, 64 in flight', 'signature64'],
    ['@cen-kit/rpc `signRequest` (adds common params), sequential', 'signRequest'],
    ['@cen-kit/rpc `stringToSign` alone (no HMAC)', 'stringToSign'],
  ];
  let md = `**Method.** Fixed input of perf-anchors.md §1 (13 DescribeCens-like parameters incl. \`Filter.1.Value.1\` and a CJK/space/\`*\`/\`~\` \`Name\`, POST, made-up key). ` +
    `The project signer is bundled from \`packages/rpc/src/sign.ts\` with esbuild and run in Node; the official util is called as ` +
    `\`require('@alicloud/openapi-util').default.getRPCSignature(params, 'POST', secret)\`. ` +
    `Both produce the identical signature: **${node.agree ? 'yes' : 'NO'}**. After a 300 ms warm-up each, ${ROUNDS} rounds alternate the variants ` +
    `(official, ours, ours×64, signRequest, stringToSign, official, …), ${WINDOW_MS} ms per window; the table shows the median ops/s. ` +
    `Ratios are medians of this run against the official util.\n\n` +
    `"Per CPU-second" divides by the process's CPU time over the window (\`process.cpuUsage()\`, all threads, so the thread-pool work of WebCrypto counts); it is the steadier figure when other work shares the machine.\n\n` +
    `| variant (Node) | signatures/s (median) | µs/op | ratio vs official | signatures per CPU-second | ratio vs official (CPU) |\n| --- | ---: | ---: | ---: | ---: | ---: |\n` +
    rows.map(([n, k]) => `| ${n} | ${fmt(m[k])} | ${us(m[k])} | **${ratio(m[k])}** | ${fmt(c[k])} | **${cratio(c[k])}** |`).join('\n') +
    `\n\nRounds (ops/s): ` +
    Object.entries(node.samples).map(([k, v]) => `${k} ${v.map((x) => fmt(x)).join('/')}`).join('; ') + '.\n';
  md += `\nThe project signer uses WebCrypto (\`crypto.subtle.sign\`, async) so that the same code runs in the Worker; ` +
    `in Node each \`subtle.sign\` is a thread-pool hop, which is why it trails the synchronous \`node:crypto\` HMAC of the official util ` +
    `(perf-anchors.md §1 measured the same effect: 0.20× sequential, 0.45× with 64 in flight). Either way a signature costs microseconds, far below one network round-trip.\n`;

  md += `\n**In workerd.** The same signer, bundled into a bench Worker (\`bench/workers/signing-worker.ts\`) and run by Miniflare ` +
    `(workerd, compatibility date 2026-04-01). Each request loops inside the isolate for ~${WINDOW_MS} ms (timed with \`Date.now()\`, ` +
    `which advances during execution in local workerd, 1 ms granularity, so ±0.3% per window) and returns the count; ${ROUNDS} alternating rounds, median. ` +
    `"per CPU-second" divides the count by the CPU time of the busiest workerd thread during the request (Linux \`/proc/<pid>/task/*/schedstat\`), which does not count waiting for a core on a shared machine.\n\n`;
  if (wd.error) {
    md += `not measured: ${wd.error}\n`;
  } else {
    md += `Signature identical to the official util: **${wd.agree ? 'yes' : 'NO'}**.\n\n| variant (workerd) | signatures/s (median) | µs/op | signatures per CPU-second | CPU µs/op |\n| --- | ---: | ---: | ---: | ---: |\n` +
      [
        ['`signature`, sequential awaits', 'signature'],
        ['`signature`, 64 in flight', 'signature64'],
        ['`signRequest`, sequential', 'signRequest'],
        ['`stringToSign` alone', 'stringToSign'],
      ].map(([n, k]) => `| ${n} | ${fmt(wd.med[k])} | ${us(wd.med[k])} | ${wd.haveCpu ? fmt(wd.medCpu[k]) : '–'} | ${wd.haveCpu ? us(wd.medCpu[k]) : '–'} |`).join('\n') + '\n';
  }
  const headline = `Node: ${fmt(m.signature)} sig/s sequential (${ratio(m.signature)}× official; per CPU-second ${cratio(c.signature)}×), ${fmt(m.signature64)} with 64 in flight (${ratio(m.signature64)}×); ` +
    (wd.error ? 'workerd: not measured' : `workerd: ${fmt(wd.med.signature)} sig/s sequential`);
  return {
    markdown: md,
    headline,
    failures,
    notes,
    figures: { node: { agree: node.agree, median: m, medianPerCpuSecond: c, samples: node.samples }, workerd: wd.error ? { error: wd.error } : { agree: wd.agree, median: wd.med, medianPerCpuSecond: wd.medCpu, samples: wd.samples } },
  };
}
