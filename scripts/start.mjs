#!/usr/bin/env node
// `npm start`: build what the Worker serves, then run it with `wrangler dev`
// on http://127.0.0.1:8787. Without Alibaba credentials the backend is the
// built-in CEN emulator, whose world persists in .wrangler/state across
// restarts. Credentials come from .dev.vars (or .env), or from this process's
// environment (ALIBABA_CLOUD_*), which is handed to wrangler in a private
// temporary file rather than on the command line (where `ps` would show it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const HOST = '127.0.0.1';
// PORT and CEN_KIT_STATE_DIR let tests run a second copy beside a developer's own.
const PORT = Number(process.env.PORT) || 8787;
const base = `http://${HOST}:${PORT}`;
process.chdir(root);

/** KEY=VALUE lines of a .dev.vars/.env file (quotes removed); missing file → {}. */
function readVarsFile(file) {
  if (!existsSync(file)) return {};
  const out = {};
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

// wrangler reads .dev.vars, or .env when there is no .dev.vars.
const varsFile = existsSync('.dev.vars') ? '.dev.vars' : existsSync('.env') ? '.env' : undefined;
const fileVars = varsFile ? readVarsFile(varsFile) : {};
const fromProcess = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k.startsWith('ALIBABA_CLOUD_') && v));
const keyId = fromProcess.ALIBABA_CLOUD_ACCESS_KEY_ID || fileVars.ALIBABA_CLOUD_ACCESS_KEY_ID;
const backend = keyId ? 'alibaba' : 'emulator';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('cen-kit: the build failed; not starting.');
  process.exit(build.status ?? 1);
}

const args = ['dev', '--ip', HOST, '--port', String(PORT), '--log-level', 'info', '--show-interactive-dev-session=false'];
if (process.env.CEN_KIT_STATE_DIR) args.push('--persist-to', process.env.CEN_KIT_STATE_DIR);
// wrangler's default inspector port (9229) would clash with a second copy.
args.push('--inspector-port', String(PORT + 1000));
let secretDir;
if (Object.keys(fromProcess).length) {
  // Later env files win, so the process environment overrides the file.
  secretDir = mkdtempSync(join(tmpdir(), 'cen-kit-'));
  const file = join(secretDir, 'process.env');
  writeFileSync(file, Object.entries(fromProcess).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('\n') + '\n', { mode: 0o600 });
  if (varsFile) args.push('--env-file', varsFile);
  args.push('--env-file', file);
}
const cleanup = () => {
  if (secretDir) rmSync(secretDir, { recursive: true, force: true });
  secretDir = undefined;
};

const wranglerBin = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
const child = spawn(process.execPath, [wranglerBin, ...args], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_HIDE_BANNER: 'true' },
});

const banner = () => {
  const lines = [
    '',
    backend === 'emulator'
      ? 'cen-kit backend: the built-in CEN emulator (no ALIBABA_CLOUD_ACCESS_KEY_ID in .dev.vars, .env or the environment)'
      : `cen-kit backend: Alibaba Cloud (AccessKey ID from ${fromProcess.ALIBABA_CLOUD_ACCESS_KEY_ID ? 'the environment' : varsFile})`,
    `  portal      ${base}/`,
    `  API index   ${base}/api`,
    backend === 'emulator'
      ? `  emulator    ${base}/emulator  (endpoint for official Alibaba Cloud SDKs and CLIs)`
      : '  emulator    off (real credentials are configured)',
    backend === 'emulator' ? '  The emulator world is kept in .wrangler/state; delete that folder to start afresh.' : '',
    '',
  ];
  console.log(lines.filter((l, i) => l !== '' || i === 0 || i === lines.length - 1).join('\n'));
};

let ready = false;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!ready && /Ready on/i.test(String(chunk))) {
    ready = true;
    banner();
  }
});

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    cleanup();
    child.kill(sig);
  });
}
child.on('exit', (code, signal) => {
  cleanup();
  process.exit(code ?? (signal ? 0 : 1));
});
