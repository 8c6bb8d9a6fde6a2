// Browser tests of the elements: headless Chromium against the REAL Worker
// (wrangler's unstable_startWorker, built-in emulator), proxied so the
// elements use their default same-origin `/api`.
//
//   /api/*        → Worker (profiles A and B, EMULATOR_DELAY_MS=300)
//   /emulator/*   → same Worker (tests reset the world and set faults there)
//   /ro-api/*     → a second Worker with READ_ONLY=true, as /api/*
//
// Writes test-results/elements.json = {passed, failed, skipped} for scripts/test.mjs.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyTemplates } from './minify-templates.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// WTR_PORT lets two runs (or helpers) share one machine.
const PORT = Number(process.env.WTR_PORT ?? 8800);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const root = join(here, '../..');
process.env.WRANGLER_SEND_METRICS = 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
process.env.WRANGLER_HIDE_BANNER = 'true';

/** Starts a Worker from the repo's wrangler.toml on a free loopback port; resolves to its origin. */
async function startWorker(vars) {
  const { unstable_startWorker } = await import('wrangler');
  const worker = await unstable_startWorker({
    config: join(root, 'wrangler.toml'),
    bindings: {
      ...Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, { type: 'plain_text', value: v }])),
      // The test page is served from the test server's origin; the Worker only accepts its own and these.
      ALLOWED_ORIGINS: { type: 'plain_text', value: ORIGIN },
      // Many short tests from one caller in a minute: the production limits (300 reads, 30 writes
      // per minute) would throttle the suite, not the elements. The limiter itself is the Worker's to test.
      RATE_LIMIT_READ: { type: 'ratelimit', namespace_id: '4101', simple: { limit: 100000, period: 60 } },
      RATE_LIMIT_WRITE: { type: 'ratelimit', namespace_id: '4102', simple: { limit: 100000, period: 60 } },
    },
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, watch: false, persist: false, logLevel: 'warn' },
  });
  await worker.ready;
  const url = await worker.url;
  return { worker, origin: url.origin };
}

let workers;
function workersReady() {
  workers ??= Promise.all([
    startWorker({ EMULATOR_DELAY_MS: '300' }),
    startWorker({ EMULATOR_DELAY_MS: '300', READ_ONLY: 'true' }),
  ]);
  return workers;
}

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Koa middleware: forwards /api, /emulator and /ro-api to the Workers. */
async function proxyToWorker(ctx, next) {
  const p = ctx.path;
  const ro = p === '/ro-api' || p.startsWith('/ro-api/');
  if (!ro && !(p === '/api' || p.startsWith('/api/') || p.startsWith('/emulator'))) return next();
  const [main, readOnly] = await workersReady();
  const target = (ro ? readOnly : main).origin + (ro ? ctx.url.replace(/^\/ro-api/, '/api') : ctx.url);
  const headers = new Headers();
  for (const [k, v] of Object.entries(ctx.request.headers)) {
    if (!['host', 'connection', 'content-length', 'accept-encoding'].includes(k) && typeof v === 'string') headers.set(k, v);
  }
  const body = ['GET', 'HEAD'].includes(ctx.method) ? undefined : await readBody(ctx.req);
  const res = await fetch(target, { method: ctx.method, headers, body, redirect: 'manual' });
  ctx.status = res.status;
  res.headers.forEach((v, k) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) ctx.set(k, v);
  });
  ctx.body = Buffer.from(await res.arrayBuffer());
}

/** Counts results into test-results/elements.json (a file that failed to load counts as one failure). */
function countsReporter() {
  const count = (suite, c) => {
    for (const t of suite?.tests ?? []) {
      if (t.skipped) c.skipped++;
      else if (t.passed) c.passed++;
      else c.failed++;
    }
    for (const s of suite?.suites ?? []) count(s, c);
  };
  return {
    stop({ sessions }) {
      const c = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        const before = c.failed;
        count(s.testResults, c);
        // A file that did not load or threw outside a test has errors but maybe no failed test.
        if ((s.errors?.length || s.passed === false) && c.failed === before) c.failed++;
      }
      mkdirSync(join(root, 'test-results'), { recursive: true });
      writeFileSync(join(root, 'test-results/elements.json'), JSON.stringify(c) + '\n');
    },
  };
}

export default {
  rootDir: root,
  files: [join(here, 'src/**/*.test.ts')],
  port: PORT,
  hostname: '127.0.0.1',
  // One emulator world for all files: run them one after another (each resets it).
  concurrency: 1,
  nodeResolve: { exportConditions: ['production', 'browser'] },
  middleware: [proxyToWorker],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(here, 'tsconfig.json') }),
    {
      // The shipped bundle has its html``/css`` templates minified (build.mjs): test them that way.
      name: 'cen-minify-templates',
      transform(context) {
        const p = context.path;
        if (p.includes('/packages/elements/src/') && p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.includes('/src/test/')) {
          return { body: minifyTemplates(context.body) };
        }
      },
    },
    {
      name: 'cen-worker-lifecycle',
      async serverStart() {
        await workersReady();
      },
      async serverStop() {
        if (workers) for (const { worker } of await workers) await worker.dispose();
      },
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      },
      createBrowserContext: ({ browser }) => browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] }),
    }),
  ],
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  reporters: [(await import('@web/test-runner')).defaultReporter(), countsReporter()],
};
