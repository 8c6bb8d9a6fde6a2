#!/usr/bin/env node
// Type-checks every package with its own tsconfig (DOM for the elements,
// workerd's runtime types for the Worker, Node for tools and node tests).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = ['packages/catalog', 'packages/rpc', 'packages/client', 'packages/emulator', 'packages/elements', 'worker', 'e2e', 'scripts'];
let bad = 0;
// The Worker's runtime types are generated (and git-ignored): make them when missing.
if (existsSync('worker/tsconfig.json') && !existsSync('worker/worker-configuration.d.ts')) {
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_HIDE_BANNER: 'true' };
  const r = spawnSync('npx', ['wrangler', 'types', 'worker/worker-configuration.d.ts'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) bad++;
}
for (const p of projects) {
  if (!existsSync(`${p}/tsconfig.json`)) continue;
  const r = spawnSync('npx', ['tsc', '-p', p], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`type errors in ${p}`);
    bad++;
  }
}
process.exit(bad ? 1 : 0);
