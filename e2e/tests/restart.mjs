// `npm start` as a new user runs it: the real start script (build, then
// wrangler dev on the emulator), ready within 30 s, and a CEN created through
// /api is still there after stopping and starting it again (wrangler dev's
// local persistence keeps the emulator's Durable Object).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WRANGLER_ENV } from '../lib/server.mjs';

const PORT = 8836;
const origin = `http://127.0.0.1:${PORT}`;

/** Starts `node scripts/start.mjs` in its own process group; resolves when /api answers. */
async function start(root, stateDir) {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...WRANGLER_ENV, PORT: String(PORT), CEN_KIT_STATE_DIR: stateDir, ALIBABA_CLOUD_ACCESS_KEY_ID: '' },
  });
  let log = '';
  child.stdout.on('data', (c) => (log = (log + c).slice(-8000)));
  child.stderr.on('data', (c) => (log = (log + c).slice(-8000)));
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = async () => {
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      for (let i = 0; i < 50 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  };
  const t0 = Date.now();
  for (;;) {
    if (exited) throw new Error(`npm start exited early:\n${log.slice(-3000)}`);
    if (Date.now() - t0 > 30_000) {
      await stop();
      throw new Error(`npm start did not serve within 30 s:\n${log.slice(-3000)}`);
    }
    try {
      const r = await fetch(`${origin}/api`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { stop, log: () => log, readyMs: Date.now() - t0 };
}

const call = async (action, body) => {
  const r = await fetch(`${origin}/api/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await r.json();
  assert.equal(r.status, 200, `${action}: ${JSON.stringify(json)}`);
  return json;
};

/** @param {typeof import('../lib/runner.mjs').test} test @param {{ root: string }} ctx */
export function register(test, ctx) {
  test(
    '`npm start` serves the seeded world within 30 s and keeps a new CEN across a restart',
    async ({ log }) => {
      const state = mkdtempSync(join(tmpdir(), 'cen-e2e-restart-'));
      let server;
      try {
        server = await start(ctx.root, state);
        log(`ready in ${(server.readyMs / 1000).toFixed(1)} s`);
        assert.match(server.log(), /built-in CEN emulator/, 'the start script did not say which backend it uses');
        const index = await (await fetch(`${origin}/api`)).json();
        assert.equal(index.backend, 'emulator');
        const seeded = await call('DescribeCens', { PageSize: 50 });
        assert.ok(seeded.TotalCount >= 1, 'the seeded world has no CEN');
        const name = `restart-${Date.now()}`;
        const { CenId } = await call('CreateCen', { Name: name, Description: 'kept across a restart' });
        await server.stop();

        server = await start(ctx.root, state);
        const after = await call('DescribeCens', { Filter: [{ Key: 'CenId', Value: [CenId] }] });
        assert.equal(after.TotalCount, 1, `the CEN ${CenId} is gone after the restart`);
        assert.equal(after.Cens.Cen[0].Name, name);
      } finally {
        await server?.stop();
        rmSync(state, { recursive: true, force: true });
      }
    },
    { timeout: 90_000 },
  );
}
