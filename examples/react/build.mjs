#!/usr/bin/env node
// Builds the React example with esbuild: examples/react/dist/{index.html,app.js}
// (or the directory given as the first argument). It imports the elements the
// way an npm user does (@cen-kit/elements/<name> → packages/elements/dist), so
// run packages/elements/build-npm.mjs first.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, 'dist'));
if (!existsSync(join(here, '../../packages/elements/dist/index.js'))) {
  console.error('react example: packages/elements/dist is missing; run `node packages/elements/build-npm.mjs` first.');
  process.exit(1);
}
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src/main.jsx')],
  outfile: join(out, 'app.js'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  minify: true,
  logLevel: 'warning',
  // Default conditions only: what a consumer of the published package resolves.
  conditions: ['production', 'browser'],
  define: { 'process.env.NODE_ENV': '"production"' },
});
copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
console.log(`react example: ${out}/index.html, app.js`);
