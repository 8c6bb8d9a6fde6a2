/**
 * `Idempotency-Key` for writes: retries, double clicks and reloads run a
 * write once. The outcome of the first call (2xx only) is kept for 24 hours
 * and replayed (`Idempotent-Replayed: true`); the same key with another
 * action, profile or body is refused (422); a duplicate that arrives while
 * the first runs waits for it (up to WAIT_MS, then 409). The ClientToken sent
 * to Alibaba is derived from caller and key, so Alibaba dedupes too.
 *
 * Only 2xx outcomes are kept: after an error the key is free again, and a
 * retry is safe because it carries the same ClientToken.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { ApiError, invalidParameter } from '../errors.js';
import { clientTokenFor, fingerprint, IDEMPOTENCY_HEADER, recordName, validIdempotencyKey } from './key.js';
import type { BeginResult, IdempotencyObject, StoredOutcome } from './object.js';

/** How long a duplicate waits for the first call before 409. */
export const WAIT_MS = 10_000;
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** Answer headers kept with the outcome. */
const KEPT_HEADERS = ['content-type'];

/** @example app.use('/api/*', idempotency()); // after authentication and authorisation */
export function idempotency(waitMs = WAIT_MS): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const spec = c.var.action;
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (!spec || spec.access !== 'write' || key === undefined) return next();
    if (!validIdempotencyKey(key)) {
      throw invalidParameter([{ path: IDEMPOTENCY_HEADER, message: 'must be 1 to 255 printable ASCII characters' }]);
    }
    const callerKey = c.var.caller?.key;
    if (!callerKey) throw new Error('idempotency() needs an authenticated caller');
    if (spec.ClientToken) c.set('clientToken', await clientTokenFor(callerKey, key));

    const ns = c.env.IDEMPOTENCY as DurableObjectNamespace<IdempotencyObject> | undefined;
    if (!ns) throw unavailable();
    const stub = ns.get(ns.idFromName(await recordName(callerKey, key)));
    const fp = await fingerprint(spec.Action, c.var.profile?.name ?? '', c.var.bodyText ?? '');
    let begun: BeginResult;
    try {
      begun = (await stub.begin(fp, waitMs)) as BeginResult;
    } catch {
      // Without the record a retry could run twice: refuse rather than guess.
      throw unavailable();
    }
    if (begun.kind === 'mismatch') {
      throw new ApiError(
        422,
        'IdempotenceParam.NotMatch',
        `The Idempotency-Key was already used for a different request (another action, profile or body). Use a new key for a new request.`,
      );
    }
    if (begun.kind === 'busy') {
      throw new ApiError(409, 'Conflict', `A request with this Idempotency-Key is still running; retry after it has finished.`);
    }
    if (begun.kind === 'replay') {
      c.set('replayed', true);
      return replay(begun.outcome);
    }

    await next();
    let outcome: StoredOutcome | null = null;
    try {
      if (c.res.status >= 200 && c.res.status < 300) {
        const headers: Record<string, string> = {};
        for (const h of KEPT_HEADERS) {
          const v = c.res.headers.get(h);
          if (v !== null) headers[h] = v;
        }
        outcome = { status: c.res.status, body: await c.res.clone().text(), headers };
      }
    } finally {
      await stub.finish(begun.lease, outcome).catch(() => {
        // The record stays pending and goes stale after STALE_MS; the answer itself is still good.
      });
    }
  };
}

function replay(o: StoredOutcome): Response {
  const res = new Response(o.body, { status: o.status, headers: o.headers });
  res.headers.set(REPLAYED_HEADER, 'true');
  return res;
}

const unavailable = () => new ApiError(503, 'ServiceUnavailable', 'The idempotency record store is unavailable; the write was not sent. Retry with the same Idempotency-Key.');
