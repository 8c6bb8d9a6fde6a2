/**
 * Gives every request the Worker's own id (`c.var.requestId`) and sends it
 * back as `X-Request-Id` on every response, errors included. An incoming
 * X-Request-Id is not trusted as ours: logs must be able to rely on it.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** @example app.use('*', requestId()); */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = crypto.randomUUID();
    c.set('requestId', id);
    await next();
    // Responses from fetch()/a Durable Object have immutable headers.
    try {
      c.res.headers.set(REQUEST_ID_HEADER, id);
    } catch {
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set(REQUEST_ID_HEADER, id);
    }
  };
}
