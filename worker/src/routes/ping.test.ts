import { env } from 'cloudflare:workers';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app.js';
import type { Bindings } from '../env.js';

const app = createApp({
  fetch: async () => {
    throw new Error('the ping must not call upstream');
  },
});
const get = (path: string, init: RequestInit = {}) => app.request(`https://worker.test${path}`, init, env as unknown as Bindings);

describe('GET /api/_ping', () => {
  test('answers {"ok":true} without credentials, from any origin, and says nothing more', async () => {
    const r = await get('/api/_ping', { headers: { origin: 'https://elsewhere.example' } });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true });
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('answers GET only', async () => {
    const r = await get('/api/_ping', { method: 'POST', body: '{}' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, HEAD');
    expect(((await r.json()) as { Code: string }).Code).toBe('MethodNotAllowed');
  });

  test('is only that path: other /api paths still go through security', async () => {
    const r = await get('/api/_ping/more');
    expect(r.status).not.toBe(200);
  });
});
