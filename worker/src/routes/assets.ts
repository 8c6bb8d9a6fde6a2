/**
 * The elements as the Worker serves them, so any page can embed them from the
 * proxy itself (same origin as `/api`):
 *
 *   /elements.js                       the one-file bundle, short cache
 *   /elements/<name>.js                one element, short cache
 *   /elements/v<version>/elements.js   the same bytes under a versioned URL,
 *   /elements/v<version>/<name>.js     cached for a year (immutable)
 *   /elements/v<version>/elements/<name>.js
 *                                      what the versioned elements.js imports on
 *                                      demand (./elements/locale-zh-cn.js), as above
 *   /custom-elements.json              the manifest, short cache
 *
 * The files themselves come from dist/site through the ASSETS binding; this
 * module only maps URLs and sets cache headers. A version other than the one
 * deployed is a 404: serving today's bytes under an old immutable URL would
 * poison caches for a year.
 */
import { Hono, type Context } from 'hono';
import elementsPackage from '../../../packages/elements/package.json';
import type { AppEnv } from '../env.js';
import type { ErrorBody } from '../errors.js';

/** The elements' package version, which names the immutable URLs. */
export const ELEMENTS_VERSION: string = elementsPackage.version;

export const SHORT_CACHE = 'public, max-age=300, must-revalidate';
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

// One path segment of letters, digits, dashes and underscores (element entries
// and esbuild's chunk-HASH files): nothing that could climb out of /elements/.
const FILE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\.js$/;

/**
 * Mount at the root: `app.route('/', assetRoutes())`.
 *
 * @example
 * ```ts
 * const app = new Hono<AppEnv>();
 * app.route('/', assetRoutes());
 * await app.request('/elements/v0.1.0/elements.js', {}, env); // 200, immutable
 * ```
 */
export function assetRoutes(version: string = ELEMENTS_VERSION) {
  const r = new Hono<AppEnv>();

  r.get('/elements.js', (c) => serve(c, '/elements.js', SHORT_CACHE));
  r.get('/custom-elements.json', (c) => serve(c, '/custom-elements.json', SHORT_CACHE));

  const versioned = (c: Context<AppEnv>, file: string, beside = false) => {
    const first = c.req.param('first') ?? '';
    if (!/^v\d/.test(first) || !FILE.test(file)) return notFound(c);
    if (first !== `v${version}`) {
      return notFound(c, `This deployment serves the elements at version ${version} (/elements/v${version}/${file}), not ${first.slice(0, 40)}.`);
    }
    return serve(c, file === 'elements.js' && !beside ? '/elements.js' : `/elements/${file}`, IMMUTABLE_CACHE);
  };
  r.get('/elements/:first/:file', (c) => versioned(c, c.req.param('file')));
  // elements.js imports ./elements/<file> relative to itself; under a versioned URL that is one level deeper.
  r.get('/elements/:first/elements/:file', (c) => versioned(c, c.req.param('file'), true));

  r.get('/elements/:file', (c) => {
    const file = c.req.param('file');
    if (!FILE.test(file)) return notFound(c);
    return serve(c, `/elements/${file}`, SHORT_CACHE);
  });

  return r;
}

/** A 404 in the Worker's error shape, answered here so the module works wherever it is mounted. */
function notFound(c: Context<AppEnv>, message?: string): Response {
  const body: ErrorBody = { Code: 'NotFound', Message: message ?? `Nothing at ${new URL(c.req.url).pathname.slice(0, 200)}.` };
  const id = c.get('requestId');
  if (id) body.RequestId = id;
  return c.json(body, 404);
}

async function serve(c: Context<AppEnv>, path: string, cacheControl: string): Promise<Response> {
  const assets = c.env.ASSETS;
  if (!assets) return notFound(c, 'This Worker has no static assets (ASSETS binding).');
  const url = new URL(path, c.req.url);
  // Only the validators matter to the assets server; cookies and auth headers stay here.
  const headers = new Headers();
  for (const h of ['if-none-match', 'if-modified-since']) {
    const v = c.req.header(h);
    if (v) headers.set(h, v);
  }
  const res = await assets.fetch(new Request(url, { method: 'GET', headers }));
  if (res.status === 404) return notFound(c, `${path} is not built; run \`npm run build\` (it writes dist/site${path}).`);
  if (res.status !== 200 && res.status !== 304) return new Response(res.body, res);
  const out = new Response(res.status === 304 ? null : res.body, res);
  out.headers.set('cache-control', cacheControl);
  // Public code and metadata, no credentials: other origins may load them too
  // (a module script from another origin is a CORS request).
  out.headers.set('access-control-allow-origin', '*');
  if (path.endsWith('.js')) out.headers.set('content-type', 'text/javascript; charset=utf-8');
  else out.headers.set('content-type', 'application/json; charset=utf-8');
  out.headers.set('x-content-type-options', 'nosniff');
  return out;
}
