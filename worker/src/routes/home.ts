/**
 * `/` when dist/site has no page yet (before the demo is built): a small page
 * that says which backend is in use and links to the API index.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { backendOf } from '../upstream/profiles.js';

export function homeRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', (c) => {
    const backend = backendOf(c.env);
    const what =
      backend === 'emulator'
        ? 'the built-in CEN emulator (no Alibaba Cloud credentials are configured)'
        : 'Alibaba Cloud (credentials are configured)';
    return c.html(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>cen-kit</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>cen-kit</h1>
<p>The Worker is running. Backend: <strong data-backend="${backend}">${what}</strong>.</p>
<ul>
<li><a href="/api">/api</a>: the actions, their parameters and what this deployment allows</li>
${backend === 'emulator' ? '<li><code>/emulator</code>: the emulator as an endpoint for official Alibaba Cloud clients</li>' : ''}
</ul>
<p>The demo portal appears here once it is built (<code>npm run build</code>).</p>
</body>
</html>`);
  });
  return r;
}
