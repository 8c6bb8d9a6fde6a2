// `wrangler dev` for the bench: the repo's Worker on 127.0.0.1:<port>, quiet
// logs, a throw-away state directory (so the emulator starts from its seed),
// started in its own process group and stopped with it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './bundle.mjs';
import { assertPortFree, startGroup, waitForHttp } from './procs.mjs';

/** Why the bench must not run the Worker here, or undefined. Real credentials would send the load to Alibaba. */
export function refuseReason() {
  for (const f of ['.dev.vars', '.env']) {
    const p = join(root, f);
    if (existsSync(p) && /^\s*ALIBABA_CLOUD_(ACCESS_KEY_ID|PROFILES)\s*=\s*\S/m.test(readFileSync(p, 'utf8'))) {
      return `${f} configures Alibaba Cloud credentials; the bench only runs the Worker on its built-in emulator`;
    }
  }
  if (!existsSync(join(root, 'wrangler.toml'))) return 'wrangler.toml does not exist';
  const main = /^main\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'wrangler.toml'), 'utf8'))?.[1];
  if (main && !existsSync(join(root, main))) return `the Worker entry ${main} does not exist yet`;
  return undefined;
}

/** Rate limit the bench gives each `[[ratelimits]]` binding (the Worker still calls the binding per request). */
export const BENCH_RATE_LIMIT = 10_000_000;

/**
 * The repo's wrangler.toml, written into `dir` with absolute paths and every
 * `[[ratelimits]]` limit raised to BENCH_RATE_LIMIT: a load test of a few
 * thousand requests would otherwise measure 429 answers (300 reads/min per caller).
 */
function benchConfig(dir) {
  let toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
  toml = toml.replace(/^(main\s*=\s*)"([^"]+)"/m, (_m, k, p) => `${k}${JSON.stringify(join(root, p))}`);
  toml = toml.replace(/^(directory\s*=\s*)"([^"]+)"/m, (_m, k, p) => `${k}${JSON.stringify(join(root, p))}`);
  toml = toml.replace(/^(simple\s*=\s*\{\s*limit\s*=\s*)\d+/gm, `$1${BENCH_RATE_LIMIT}`);
  const file = join(dir, 'wrangler.bench.toml');
  writeFileSync(file, toml);
  return file;
}

/**
 * Starts the Worker (`vars`: extra bindings, e.g. an upstream endpoint). Resolves once it answers; `stop()` ends the process group
 * and removes the state directory.
 */
export async function startWrangler({ port, inspectorPort, vars }) {
  await assertPortFree(port);
  await assertPortFree(inspectorPort);
  const state = mkdtempSync(join(tmpdir(), 'cen-bench-state-'));
  const extra = [];
  if (vars) {
    // Bindings as an env file (not on the command line, where `ps` shows them).
    const envFile = join(state, 'bench.env');
    writeFileSync(envFile, Object.entries(vars).map(([k, v]) => `${k}=${v}`).join('\n') + '\n', { mode: 0o600 });
    extra.push('--env-file', envFile);
  }
  const t0 = Date.now();
  const proc = startGroup(
    join(root, 'node_modules/.bin/wrangler'),
    ['dev', '--config', benchConfig(state), '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--log-level', 'warn', '--persist-to', state, '--show-interactive-dev-session=false', ...extra],
    { cwd: root },
  );
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await proc.stop();
    rmSync(state, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      waitForHttp(`${base}/api`, 45_000),
      proc.exited.then(({ code }) => {
        throw new Error(`wrangler dev exited (${code}) before answering: ${proc.output().trim().split('\n').slice(-5).join(' | ')}`);
      }),
    ]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { base, readyMs: Date.now() - t0, output: proc.output, stop };
}
