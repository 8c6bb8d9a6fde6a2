// Child processes the bench starts: each in its own process group, so that a
// stop (or the bench exiting for any reason) ends the whole tree.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const live = new Set();

/** Environment for anything that runs wrangler/miniflare: no telemetry, no cf fetch. */
export const quietEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CI: 'true',
};

/**
 * Starts a detached process group. `stop()` sends SIGTERM to the group, then
 * SIGKILL after `graceMs`; it resolves once the leader has exited.
 */
export function startGroup(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: quietEnv, ...opts });
  let output = '';
  const keep = (d) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const entry = { child, exited };
  live.add(entry);
  exited.then(() => live.delete(entry));
  return {
    child,
    exited,
    output: () => output,
    async stop(graceMs = 3000) {
      killGroup(child.pid, 'SIGTERM');
      const t = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(t);
      // The leader may exit before its children; make sure the group is gone.
      killGroup(child.pid, 'SIGKILL');
    },
  };
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Kills every group still running (called on exit and on signals). */
export function killAll() {
  for (const { child } of live) killGroup(child.pid, 'SIGKILL');
}

process.once('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    killAll();
    process.exit(130);
  });
}

/** Polls `url` until it answers (any status) or `timeoutMs` passes. */
export async function waitForHttp(url, timeoutMs = 30_000, init = {}) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      const r = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      return r.status;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last?.message ?? 'no answer'})`);
}

/** Throws when something already listens on 127.0.0.1:`port` (a tool could otherwise quietly pick another port, or the bench measure a stranger). */
export async function assertPortFree(port) {
  await new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', (e) => reject(new Error(`port ${port} on 127.0.0.1 is in use (${e.code}); the bench needs it`)));
    srv.listen(port, '127.0.0.1', () => srv.close(resolve));
  });
}
