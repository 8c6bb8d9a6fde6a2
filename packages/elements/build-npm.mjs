#!/usr/bin/env node
// The npm build of @cen-kit/elements, into packages/elements/dist/:
//
//   index.js                 every element, registered, plus configure() (the "." export)
//   define/<name>.js         one element, registered (the "./<name>" exports)
//   chunks/*.js              code they share
//   types/**.d.ts            declarations (tsc --declaration --emitDeclarationOnly)
//   custom-elements.json     the manifest (the "customElements" field)
//
// Published code is readable ESM, not minified, and keeps `lit` as an import so
// an app shares one copy of Lit with everything else on its page. Our own
// workspace packages (@cen-kit/client, the zod-free catalogue rules) are not
// published, so they are compiled in: into the chunks for JavaScript, and
// into types/_deps/ for declarations.
//
// In this monorepo, package.json's exports resolve to ./src through the
// `cen-kit-source` condition; everyone else gets ./dist.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const dist = join(here, 'dist');
const fail = (msg) => {
  console.error(`elements (npm): ${msg}`);
  process.exit(1);
};

const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const defines = readdirSync(join(here, 'src/define'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

// package.json must export exactly the elements that exist, so a new element is never unpublished by accident.
const exported = Object.keys(pkg.exports ?? {})
  .filter((k) => /^\.\/cen-[a-z-]+$/.test(k))
  .map((k) => k.slice(2))
  .sort();
const missing = defines.filter((d) => !exported.includes(d));
const stale = exported.filter((e) => !defines.includes(e));
if (missing.length) fail(`src/define/ has elements that package.json does not export: ${missing.join(', ')}. Add a "./<name>" entry to "exports".`);
// An element announced in exports but not written yet: said, not fatal, so the rest still builds.
if (stale.length) console.warn(`elements (npm): package.json exports ${stale.join(', ')}, which src/define/ does not have yet; those entries are not built.`);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// ---------------------------------------------------------------- JavaScript
await build({
  entryPoints: [join(here, 'src/index.ts'), ...defines.map((d) => join(here, 'src/define', `${d}.ts`))],
  outbase: join(here, 'src'),
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  target: 'es2022',
  minify: false,
  legalComments: 'inline',
  logLevel: 'warning',
  external: ['lit', 'lit/*', '@lit/*'],
  conditions: ['cen-kit-source'],
  tsconfig: join(here, 'tsconfig.json'),
});

// ---------------------------------------------------------------- declarations
// tsc follows @cen-kit/client and @cen-kit/catalog into their sources, so the
// root directory is packages/ and the output is rearranged afterwards.
const tmp = mkdtempSync(join(tmpdir(), 'cen-elements-types-'));
try {
  const tsconfig = join(tmp, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(here, 'tsconfig.json'),
      compilerOptions: {
        noEmit: false,
        declaration: true,
        emitDeclarationOnly: true,
        rootDir: join(root, 'packages'),
        outDir: join(tmp, 'out'),
        types: [],
        customConditions: ['cen-kit-source'],
      },
      // The workspace packages as root files too, so tsc emits their declarations (it does not for files it reaches through node_modules).
      include: [join(here, 'src'), join(root, 'packages/client/src'), join(root, 'packages/catalog/src')],
      exclude: ['elements', 'client', 'catalog'].flatMap((p) => [join(root, 'packages', p, 'src/**/*.test.ts'), join(root, 'packages', p, 'src/test/**'), join(root, 'packages', p, 'src/testing/**')]).concat(join(root, 'packages/client/src/fake-fetch.ts')),
    }),
  );
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], { stdio: 'inherit' });
  if (tsc.status !== 0) fail('tsc could not emit the declarations (see above).');

  const out = join(tmp, 'out');
  const types = join(dist, 'types');
  cpSync(join(out, 'elements/src'), types, { recursive: true });
  // Everything else tsc reached (client, catalogue) goes to _deps/<package>/.
  for (const name of readdirSync(out)) {
    if (name === 'elements') continue;
    const src = join(out, name, 'src');
    if (existsSync(src)) cpSync(src, join(types, '_deps', name), { recursive: true });
  }

  // Bare workspace specifiers become relative paths into _deps/.
  const target = (spec) => {
    const m = /^@cen-kit\/([a-z-]+)(?:\/([a-z-]+))?$/.exec(spec);
    if (!m) return undefined;
    return join(types, '_deps', m[1], `${m[2] ?? 'index'}.js`);
  };
  for (const file of walk(types).filter((f) => f.endsWith('.d.ts'))) {
    const text = readFileSync(file, 'utf8');
    const fixed = text.replace(/(from\s+|import\(\s*)(['"])(@cen-kit\/[a-z/-]+)\2/g, (all, lead, q, spec) => {
      const t = target(spec);
      if (!t) return all;
      let rel = relative(dirname(file), t).split('\\').join('/');
      if (!rel.startsWith('.')) rel = `./${rel}`;
      return `${lead}${q}${rel}${q}`;
    });
    if (fixed !== text) writeFileSync(file, fixed);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// ---------------------------------------------------------------- manifest
const cem = spawnSync(
  process.execPath,
  [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--exclude', 'src/test/**', '--outdir', 'dist'],
  { cwd: here, stdio: ['ignore', 'ignore', 'inherit'] },
);
if (cem.status !== 0) fail('the custom-elements manifest failed (see above).');

// ---------------------------------------------------------------- check what package.json promises
const promised = [];
const collect = (v) => {
  if (typeof v === 'string') promised.push(v);
  else if (v && typeof v === 'object') for (const [cond, x] of Object.entries(v)) if (cond !== 'cen-kit-source') collect(x);
};
for (const [key, v] of Object.entries(pkg.exports ?? {})) if (!stale.includes(key.slice(2))) collect(v);
for (const f of [pkg.types, pkg.customElements]) if (f) promised.push(f);
const absent = [...new Set(promised)].filter((p) => p.startsWith('./dist/') && !existsSync(join(here, p)));
if (absent.length) fail(`package.json points at files the build did not make: ${absent.join(', ')}`);

const files = walk(dist);
console.log(`elements (npm): packages/elements/dist: ${files.filter((f) => f.endsWith('.js')).length} .js, ${files.filter((f) => f.endsWith('.d.ts')).length} .d.ts, custom-elements.json; ${defines.length} elements (${defines.join(', ')})`);

function walk(dir) {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}
