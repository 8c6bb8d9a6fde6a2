#!/usr/bin/env node
// Builds what the Worker serves from dist/site:
//   elements.js              every element, Lit and the client in one minified ESM file
//   elements/<name>.js       one entry per element (shared code in chunk files beside them)
//   elements/locale-zh-cn.js the Simplified Chinese texts, imported on demand by both
//   custom-elements.json     the manifest (also written to packages/elements/)
// and reports elements.js against the gzip budget (`npm run bench` enforces it).
import { build, transform } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { minifyTemplates } from './minify-templates.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const site = join(root, 'dist/site');
const BUDGET = 35 * 1024;

/** Compiles the elements' TypeScript here so the html``/css`` template text can be minified (esbuild keeps it verbatim). */
const templates = {
  name: 'cen-minify-templates',
  setup(b) {
    const tsconfigRaw = { compilerOptions: JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions };
    b.onLoad({ filter: /[\\/]packages[\\/]elements[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
      const ts = await transform(readFileSync(path, 'utf8'), { loader: 'ts', target: 'es2022', sourcefile: path, tsconfigRaw });
      return { contents: minifyTemplates(ts.code), loader: 'js', resolveDir: dirname(path) };
    });
  },
};

// The zh-CN texts stay out of elements.js: its dynamic import points at the
// file the split build writes (relative to elements.js, so self-hosting works
// when elements/ is copied beside it).
const LOCALE_ENTRY = join(here, 'src/i18n/locale-zh-cn.ts');
const localeOnDemand = {
  name: 'cen-locale-on-demand',
  setup(b) {
    b.onResolve({ filter: /[\\/]locale-zh-cn\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: './elements/locale-zh-cn.js', external: true } : undefined,
    );
  },
};

const common = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  // Module scripts are always read as UTF-8: Chinese text as itself is a third of its \u escapes.
  charset: 'utf8',
  logLevel: 'warning',
  // Lit's production build (no dev-mode warnings); `browser` for anything that offers one.
  conditions: ['production', 'browser'],
  tsconfig: join(here, 'tsconfig.json'),
  plugins: [templates],
  // index.ts imports the message catalogues first only to order the bundle (better gzip); they have no side effects.
  logOverride: { 'ignored-bare-import': 'silent' },
};

mkdirSync(site, { recursive: true });
rmSync(join(site, 'elements'), { recursive: true, force: true });

// The source map goes to dist/analysis (not deployed, no sourceMappingURL in
// the bundle): the weight bench reads it to say which source costs what.
const one = await build({
  ...common,
  plugins: [localeOnDemand, ...common.plugins],
  entryPoints: [join(here, 'src/index.ts')],
  outfile: join(site, 'elements.js'),
  sourcemap: 'external',
  write: false,
});
mkdirSync(join(root, 'dist/analysis'), { recursive: true });
for (const f of one.outputFiles) {
  if (f.path.endsWith('.map')) writeFileSync(join(root, 'dist/analysis/elements.js.map'), f.contents);
  else writeFileSync(f.path, f.contents);
}
const defines = readdirSync(join(here, 'src/define')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
await build({
  ...common,
  entryPoints: [...defines.map((f) => join(here, 'src/define', f)), LOCALE_ENTRY],
  outdir: join(site, 'elements'),
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
});

// The manifest, from the JSDoc of each element (the analyzer brings its own TypeScript 5).
const cem = spawnSync(
  process.execPath,
  // Globs, Lit mode and a plugin for Lit's internal state are in custom-elements-manifest.config.mjs.
  [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--litelement'],
  { cwd: here, stdio: ['ignore', 'ignore', 'inherit'] },
);
if (cem.status !== 0) {
  console.error('elements: custom-elements manifest failed');
  process.exit(cem.status ?? 1);
}
copyFileSync(join(here, 'custom-elements.json'), join(site, 'custom-elements.json'));

const size = (f) => {
  const b = readFileSync(f);
  return { raw: b.length, gzip: gzipSync(b, { level: 9 }).length };
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const all = size(join(site, 'elements.js'));
console.log(`elements: dist/site/elements.js ${kb(all.raw)} (${kb(all.gzip)} gzip, budget ${kb(BUDGET)})`);
for (const f of readdirSync(join(site, 'elements'))) {
  const s = size(join(site, 'elements', f));
  console.log(`elements: dist/site/elements/${f} ${kb(s.raw)} (${kb(s.gzip)} gzip)`);
}
if (all.gzip > BUDGET) {
  // The build still succeeds so the portal and tests run; the benchmark fails.
  console.warn(`elements: WARNING elements.js is ${kb(all.gzip)} gzip, over the ${kb(BUDGET)} budget`);
}
