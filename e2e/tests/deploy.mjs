// `wrangler deploy --dry-run` of the documented configuration (the repo's
// wrangler.toml): bundles the Worker offline and validates the config,
// without an account or network.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WRANGLER_ENV } from '../lib/server.mjs';

const require = createRequire(import.meta.url);

/** @param {typeof import('../lib/runner.mjs').test} test @param {ReturnType<typeof import('../lib/context.mjs').createContext>} ctx */
export function register(test, ctx) {
  test(
    '`wrangler deploy --dry-run` of wrangler.toml succeeds offline',
    async () => {
      const out = mkdtempSync(join(tmpdir(), 'cen-e2e-deploy-'));
      try {
        const r = spawnSync(process.execPath, [require.resolve('wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', out], {
          cwd: ctx.root,
          encoding: 'utf8',
          env: { ...process.env, ...WRANGLER_ENV },
          timeout: 60_000,
        });
        const said = `${r.stdout}\n${r.stderr}`;
        assert.equal(r.status, 0, `wrangler deploy --dry-run failed:\n${said.slice(-3000)}`);
        assert.match(said, /--dry-run: exiting now/, 'wrangler did not report a dry run');
        // The bindings the documentation promises are in the bundle's configuration.
        for (const b of ['EMULATOR', 'IDEMPOTENCY', 'ASSETS']) assert.match(said, new RegExp(`\\b${b}\\b`), `binding ${b} missing from the dry run`);
        const bundle = join(out, 'index.js');
        assert.ok(existsSync(bundle), 'no index.js in the dry-run output');
        assert.ok(statSync(bundle).size > 10_000, 'the bundle is suspiciously small');
        const code = readFileSync(bundle, 'utf8');
        // The test keys are the emulator's (documented, harmless); real secrets never are in a bundle.
        assert.doesNotMatch(code, /ALIBABA_CLOUD_ACCESS_KEY_SECRET\s*[:=]\s*["'][^"']+["']/, 'a secret value is in the bundle');
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    { timeout: 70_000 },
  );
}
