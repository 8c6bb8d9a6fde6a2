#!/usr/bin/env node
// End-to-end: the shipped site as a user meets it. Starts the Worker the way
// `npm start` does (wrangler dev, emulator, fresh world, port 8830), then
// drives the portal and the docs page in headless Chromium with clicks and
// typing, builds and checks the npm package and the React example, and
// dry-runs `wrangler deploy`. The build (`npm run build`) must have run.
//
//   node e2e/run.mjs                 everything
//   node e2e/run.mjs docs react      only tests whose name contains a word
//   E2E_ORIGIN=http://127.0.0.1:8787 node e2e/run.mjs
//                                    against a running server instead (its
//                                    emulator world is reset first)
//
// Writes test-results/e2e.json = {passed, failed, skipped}.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests, test, write } from './lib/runner.mjs';
import { killAllNow, startWorker } from './lib/server.mjs';
import { createContext } from './lib/context.mjs';
import { register as registerDeploy } from './tests/deploy.mjs';
import { register as registerNpm } from './tests/npm-package.mjs';
import { register as registerAssets } from './tests/assets.mjs';
import { register as registerDocs } from './tests/docs.mjs';
import { register as registerPortal } from './tests/portal.mjs';
import { register as registerLook } from './tests/look.mjs';
import { register as registerRestart } from './tests/restart.mjs';
import { register as registerReact } from '../examples/react/react-example.e2e.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(root, 'test-results/e2e.json');
const PORT = 8830;
const INSPECTOR_PORT = 8831;
const WHOLE_RUN_MS = 300_000;

process.chdir(root);
Object.assign(process.env, { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_HIDE_BANNER: 'true' });

// Whatever happens, the server's process group goes with us.
process.on('exit', killAllNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killAllNow();
    process.exit(130);
  });
}
const deadline = setTimeout(() => {
  console.error(`e2e: the run took longer than ${WHOLE_RUN_MS / 1000} s; stopping.`);
  write(RESULTS, { passed: 0, failed: 1 });
  killAllNow();
  process.exit(1);
}, WHOLE_RUN_MS);
deadline.unref();

if (!existsSync(join(root, 'dist/site/index.html')) || !existsSync(join(root, 'dist/site/elements.js'))) {
  console.error('e2e: dist/site is not built (dist/site/index.html, elements.js); run `npm run build` first.');
  write(RESULTS, { passed: 0, failed: 1 });
  process.exit(1);
}

const ctx = createContext(root);

// Offline checks first: they need no server.
registerDeploy(test, ctx);
registerNpm(test, ctx);
registerRestart(test, ctx);

test(
  'the Worker starts like `npm start` (wrangler dev, emulator, fresh world)',
  async () => {
    if (process.env.E2E_ORIGIN) {
      ctx.origin = process.env.E2E_ORIGIN.replace(/\/+$/, '');
      const r = await fetch(`${ctx.origin}/emulator/_control/reset`, { method: 'POST' });
      if (!r.ok) throw new Error(`could not reset the emulator at ${ctx.origin}: HTTP ${r.status}`);
      return;
    }
    const server = await startWorker({ root, port: PORT, inspectorPort: INSPECTOR_PORT, vars: { EMULATOR_DELAY_MS: '300' } });
    ctx.origin = server.origin;
    ctx.stopServer = server.stop;
    ctx.serverOutput = server.output;
    const index = await (await fetch(`${ctx.origin}/api`)).json();
    if (index.backend !== 'emulator') throw new Error(`expected the emulator backend, got ${JSON.stringify(index.backend)}`);
    if (!index.caller?.profiles?.includes('A') || !index.caller.profiles.includes('B')) throw new Error(`expected profiles A and B, got ${JSON.stringify(index.caller?.profiles)}`);
  },
  { timeout: 50_000 },
);

registerAssets(test, ctx);
registerDocs(test, ctx);
registerPortal(test, ctx);
registerLook(test, ctx);
registerReact(test, ctx);

/** @type {{ passed: number, failed: number, skipped?: number }} */
let counts = { passed: 0, failed: 1 };
try {
  counts = await runTests({ results: RESULTS, only: process.argv.slice(2) });
} finally {
  await ctx.close();
  clearTimeout(deadline);
}
console.log(`e2e: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(counts.failed ? 1 : 0);
