#!/usr/bin/env node
// Builds what the Worker serves: the elements bundle and the demo pages into
// dist/site (the Worker's static assets). Parts that do not exist yet are skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

mkdirSync('dist/site', { recursive: true });
const steps = [
  ['packages/elements/build.mjs', ['node', 'packages/elements/build.mjs']],
  ['demo/build.mjs', ['node', 'demo/build.mjs']],
];
for (const [when, cmd] of steps) {
  if (!existsSync(when)) continue;
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
