/**
 * Request bodies at the edge: at most MAX_BODY_BYTES (413 otherwise, chunked
 * bodies included: the stream is counted, not the header trusted) and JSON
 * only (415). The body is read once here and handed on as text, so later
 * steps (idempotency fingerprint, policy resources, the route) see exactly
 * the same bytes.
 */
import { readCapped } from '../read-capped.js';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { payloadTooLarge, unsupportedMediaType } from '../errors.js';

const encoder = new TextEncoder();

/** Largest accepted body: CEN parameter sets are far smaller. */
export const MAX_BODY_BYTES = 16 * 1024;

/** `application/json`, with or without parameters such as charset. */
export const isJson = (type: string) => /^application\/json\s*(;|$)/i.test(type.trim());

/** @example app.use('/api/*', bodyGuard()); // then c.var.bodyText holds the body */
export function bodyGuard(max = MAX_BODY_BYTES): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && Number(declared) > max) throw payloadTooLarge(max);
    const type = c.req.header('content-type');
    if (type !== undefined && !isJson(type)) throw unsupportedMediaType(type);
    const text = await readCapped(c.req.raw.body, max, () => payloadTooLarge(max));
    // An empty body means "no parameters"; anything else must say it is JSON.
    if (type === undefined && text.trim() !== '') throw unsupportedMediaType(undefined);
    c.set('bodyText', text);
    // Bytes, not a string: a string body would add `content-type: text/plain` where none was sent.
    c.req.raw = new Request(c.req.raw, { body: encoder.encode(text) });
    await next();
  };
}

