/**
 * The cen-kit catalogue: every supported CEN (Cbn 2017-09-12) and VPC
 * (2016-04-28) action with its request and response schema, plus regions,
 * areas, rules and error codes. The single source of truth for the Worker,
 * the emulator, the client types and the elements.
 *
 * The types (`ActionName`, `RequestOf`, `ResponseOf`, …) are usable with
 * `import type` alone, so the browser client ships no zod.
 *
 * @example
 * ```ts
 * import { catalog, validateRequest } from '@cen-kit/catalog';
 * const r = validateRequest(catalog.DescribeCens, { PageSize: 100 });
 * // r.ok === false; r.issues[0] = { path: 'PageSize', message: 'PageSize must be at most 50' }
 * ```
 */
import type { ActionSpec } from './action.js';
import { catalog, type ActionName } from './catalog.js';

export * from './action.js';
export * from './errors.js';
export * from './regions.js';
export * from './regions-zh.js';
export * as rules from './rules.js';
export { coerceWire, listPaths } from './wire.js';
export { parseResponse, compileResponse, REJECT, type Normaliser } from './compile-response.js';
export { validateRequest, wireIssuePath, issuePath, type Issue, type ValidationResult } from './validate.js';
export { requestJsonSchema, apiIndexActions, type ApiIndexActionBase } from './json-schema.js';
export { PERIODS } from './actions/bandwidth-packages.js';

export * from './catalog.js';

export const ACTION_NAMES = Object.keys(catalog) as ActionName[];

/**
 * The spec of an action by name, or undefined for a name the catalogue does
 * not know (prototype keys such as `constructor` included).
 *
 * @example
 * ```ts
 * actionSpec('DescribeCens')?.access; // 'read'
 * ```
 */
export function actionSpec(name: string): ActionSpec | undefined {
  return Object.hasOwn(catalog, name) ? (catalog as unknown as Record<string, ActionSpec>)[name] : undefined;
}
