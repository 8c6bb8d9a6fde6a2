// Starts the Worker the way `npm start` does (wrangler dev on the repo's
// wrangler.toml, serving dist/site), but on the e2e port, with a fresh
// emulator world and no local credentials, in its own process group so it
// can always be stopped as a whole.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export const WRANGLER_ENV = {
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CI: 'true',
};

/**
 * @param {{ root: string, port: number, inspectorPort: number, vars?: Record<string,string>, readyTimeout?: number }} opts
 * @returns {Promise<{ origin: string, stop: () => Promise<void>, output: () => string }>}
 */
export async function startWorker({ root, port, inspectorPort, vars = {}, readyTimeout = 45_000 }) {
  const state = mkdtempSync(join(tmpdir(), 'cen-e2e-state-'));
  // An empty env file instead of .dev.vars/.env: the run must use the emulator even on a machine with real keys.
  const envFile = join(state, 'empty.env');
  writeFileSync(envFile, '');
  const args = [
    require.resolve('wrangler/bin/wrangler.js'),
    'dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--inspector-port', String(inspectorPort),
    '--persist-to', join(state, 'wrangler'),
    '--env-file', envFile,
    '--show-interactive-dev-session=false',
    '--log-level', 'warn',
    ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true, // its own process group: wrangler leaves esbuild and workerd children
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...WRANGLER_ENV },
  });
  let log = '';
  const keep = (c) => {
    log = (log + String(c)).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  child.on('exit', () => (exited = true));

  const origin = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      const t0 = Date.now();
      while (!exited && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 100));
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    rmSync(state, { recursive: true, force: true });
  };
  if (child.pid) groups.add(child.pid);
  child.on('exit', () => child.pid && groups.delete(child.pid));

  const t0 = Date.now();
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`wrangler dev exited before it was ready:\n${log.slice(-3000)}`);
    }
    if (Date.now() - t0 > readyTimeout) {
      await stop();
      throw new Error(`wrangler dev was not ready within ${readyTimeout / 1000} s:\n${log.slice(-3000)}`);
    }
    try {
      const res = await fetch(`${origin}/api`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { origin, stop, output: () => log };
}

/** Process groups of servers still running. */
const groups = new Set();

/** Kills every started server's process group at once (for exit and signal handlers, which cannot wait). */
export function killAllNow() {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  groups.clear();
}
