/**
 * `@cen-kit/client`: a tiny typed client for the cen-kit Worker's `/api`.
 * Types come from the catalogue (`import type` only), so no schema library
 * ships to the browser.
 *
 * @example
 * ```ts
 * import { createCenClient, CenApiError } from '@cen-kit/client';
 * const cen = createCenClient();
 * const { CenId } = await cen.CreateCen({ Name: 'prod' }, { idempotencyKey: crypto.randomUUID() });
 * ```
 */
export { createCenClient } from './client.js';
export { CenApiError, type CenIssue, type CenApiErrorInit } from './errors.js';
export { findListPath } from './pages.js';
export type {
  ActionName,
  ActionMethods,
  AllPagesOptions,
  AllPagesResult,
  ApiIndex,
  CallOptions,
  CenClient,
  CenClientCore,
  CenClientOptions,
  ItemOf,
  PagedActionName,
  RequestOf,
  ResponseOf,
} from './types.js';
