import { Hono } from 'hono';
import { env } from 'cloudflare:workers';
import { describe, expect, test } from 'vitest';
import type { AppEnv, Bindings } from '../env.js';
import { assetRoutes, ELEMENTS_VERSION, IMMUTABLE_CACHE, SHORT_CACHE } from './assets.js';

/** A stand-in for the ASSETS binding that serves a few files and records what was asked. */
function fakeAssets(files: Record<string, string>) {
  const asked: { path: string; headers: Record<string, string> }[] = [];
  const fetcher = {
    async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
      const req = new Request(input, init);
      const path = new URL(req.url).pathname;
      asked.push({ path, headers: Object.fromEntries(req.headers) });
      const body = files[path];
      if (body === undefined) return new Response('not found', { status: 404 });
      const etag = `"${body.length}"`;
      if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
      return new Response(body, { headers: { etag, 'content-type': 'application/octet-stream', 'cache-control': 'public, max-age=0, must-revalidate' } });
    },
    connect() {
      throw new Error('not used');
    },
  } as unknown as Fetcher;
  return { fetcher, asked };
}

function appWith(files: Record<string, string>) {
  const assets = fakeAssets(files);
  const app = new Hono<AppEnv>();
  app.route('/', assetRoutes('1.2.3'));
  // No onError: the module answers its own 404s, wherever it is mounted.
  const bindings = { ...(env as unknown as Bindings), ASSETS: assets.fetcher };
  return { get: (path: string, headers: Record<string, string> = {}) => app.request(`https://cen.example${path}`, { headers }, bindings), asked: assets.asked };
}

const FILES = { '/elements.js': 'export const bundle = 1;', '/elements/cen-list.js': 'import "./chunk-AB12CD.js";', '/elements/chunk-AB12CD.js': 'export {};', '/elements/locale-zh-cn.js': 'export const locale = {};', '/custom-elements.json': '{"schemaVersion":"1.0.0","modules":[]}' };

describe('elements served by the Worker', () => {
  test('the version comes from packages/elements/package.json', () => {
    expect(ELEMENTS_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('/elements.js is the bundle, as JavaScript, with a short cache', async () => {
    const { get } = appWith(FILES);
    const res = await get('/elements.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(FILES['/elements.js']);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe(SHORT_CACHE);
    expect(res.headers.get('etag')).toBe(`"${FILES['/elements.js'].length}"`);
  });

  test('the versioned URL gives the same bytes, cached for a year', async () => {
    const { get } = appWith(FILES);
    const res = await get('/elements/v1.2.3/elements.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(FILES['/elements.js']);
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE_CACHE);
    const one = await get('/elements/v1.2.3/cen-list.js');
    expect(await one.text()).toBe(FILES['/elements/cen-list.js']);
    expect(one.headers.get('cache-control')).toBe(IMMUTABLE_CACHE);
    // The shared chunk an element imports relatively resolves under the same versioned URL.
    const chunk = await get('/elements/v1.2.3/chunk-AB12CD.js');
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('cache-control')).toBe(IMMUTABLE_CACHE);
  });

  test('what elements.js imports on demand (./elements/locale-zh-cn.js) resolves beside it, versioned or not', async () => {
    const { get } = appWith(FILES);
    for (const [path, cache] of [
      ['/elements/locale-zh-cn.js', SHORT_CACHE],
      // new URL('./elements/locale-zh-cn.js', '/elements/v1.2.3/elements.js')
      ['/elements/v1.2.3/elements/locale-zh-cn.js', IMMUTABLE_CACHE],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe(FILES['/elements/locale-zh-cn.js']);
      expect(res.headers.get('cache-control')).toBe(cache);
    }
    expect((await get('/elements/v0.0.1/elements/locale-zh-cn.js')).status).toBe(404);
    expect((await get('/elements/v1.2.3/elements/elements.js')).status).toBe(404);
  });

  test('per-element files and the manifest have short caches and their own types', async () => {
    const { get } = appWith(FILES);
    const list = await get('/elements/cen-list.js');
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe(SHORT_CACHE);
    const manifest = await get('/custom-elements.json');
    expect(manifest.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await manifest.json()).toEqual({ schemaVersion: '1.0.0', modules: [] });
  });

  test('another version is a 404 that names the deployed one, and nothing is fetched', async () => {
    const { get, asked } = appWith(FILES);
    const res = await get('/elements/v0.0.1/elements.js');
    expect(res.status).toBe(404);
    expect((await res.json()) as { Message: string }).toMatchObject({ Code: 'NotFound', Message: expect.stringContaining('/elements/v1.2.3/elements.js') });
    expect(asked).toEqual([]);
  });

  test('paths that are not element files never reach the assets', async () => {
    const { get, asked } = appWith(FILES);
    for (const p of ['/elements/..%2Fsecret.js', '/elements/v1.2.3/..%2F..%2Fx.js', '/elements/cen-list.JS', '/elements/.hidden.js', '/elements/x.map']) {
      expect((await get(p)).status, p).toBe(404);
    }
    expect(asked).toEqual([]);
  });

  test('a file that was not built is a 404 saying how to build it', async () => {
    const { get } = appWith({});
    const res = await get('/elements.js');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { Message: string }).Message).toMatch(/npm run build/);
  });

  test('validators pass through and a 304 keeps the cache header; cookies do not', async () => {
    const { get, asked } = appWith(FILES);
    const etag = `"${FILES['/elements.js'].length}"`;
    const res = await get('/elements.js', { 'if-none-match': etag, cookie: 'session=secret' });
    expect(res.status).toBe(304);
    expect(res.headers.get('cache-control')).toBe(SHORT_CACHE);
    expect(asked[0]!.headers['if-none-match']).toBe(etag);
    expect(asked[0]!.headers.cookie).toBeUndefined();
  });
});
