#!/usr/bin/env node
// Builds the demo into dist/site (the Worker's static assets), beside the
// elements bundle that packages/elements/build.mjs writes there:
//   index.html   the operations portal
//   docs.html    a static docs page (one script tag, elements with attributes)
//   assets/      the portal's stylesheet
//   portal.js    the portal's glue (demo/portal.ts + @cen-kit/client), bundled
import { build } from 'esbuild';
import { copyFileSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const site = join(here, '../dist/site');
mkdirSync(site, { recursive: true });

for (const page of ['index.html', 'docs.html']) copyFileSync(join(here, page), join(site, page));
cpSync(join(here, 'assets'), join(site, 'assets'), { recursive: true });

await build({
  entryPoints: [join(here, 'portal.ts')],
  outfile: join(site, 'portal.js'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  conditions: ['cen-kit-source', 'production', 'browser'],
});

// The portal must not carry a second copy of the elements (or Lit): it drives
// them through attributes and events, and /elements.js defines them.
const portal = readFileSync(join(site, 'portal.js'), 'utf8');
if (/customElements\.define\(|lit-html|LitElement/.test(portal)) {
  console.error('demo: portal.js contains element or Lit code; import only @cen-kit/client there.');
  process.exit(1);
}
console.log(`demo: dist/site/index.html, docs.html, assets/, portal.js (${(portal.length / 1024).toFixed(1)} KB)`);
