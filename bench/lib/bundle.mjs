// Builds the project's TypeScript sources into plain ES modules the bench can
// load in Node or in workerd (the packages export .ts files; Node 20 cannot
// import those directly).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const cacheDir = join(root, 'node_modules/.cache/cen-kit-bench');

/**
 * Bundles `entry` (a file path or `{contents, resolveDir}`) to `cacheDir/outName`.
 * `platform` is 'node' or 'neutral' (workerd). Returns the output path.
 */
export async function bundle(entry, outName, { platform = 'node', minify = false, external = [] } = {}) {
  mkdirSync(cacheDir, { recursive: true });
  const outfile = join(cacheDir, outName);
  const common = {
    bundle: true,
    format: 'esm',
    outfile,
    minify,
    external,
    logLevel: 'error',
    target: 'es2022',
    platform: platform === 'workerd' ? 'neutral' : platform,
    mainFields: platform === 'workerd' ? ['module', 'main'] : undefined,
    conditions: platform === 'workerd' ? ['workerd', 'worker', 'browser', 'import'] : undefined,
  };
  if (typeof entry === 'string') await build({ ...common, entryPoints: [entry] });
  else await build({ ...common, stdin: { contents: entry.contents, resolveDir: entry.resolveDir ?? root, loader: 'ts', sourcefile: entry.name ?? 'entry.ts' } });
  return outfile;
}
