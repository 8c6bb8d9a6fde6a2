/**
 * The cen-kit catalogue: every supported CEN (Cbn 2017-09-12) and VPC
 * (2016-04-28) action with its request and response schema, plus regions,
 * areas, rules and error codes. The single source of truth for the Worker,
 * the emulator, the client types and the elements.
 */
import type * as z from 'zod';
import type { ActionSpec } from './action.js';
import * as cen from './actions/cen.js';

export * from './action.js';
export * from './errors.js';
export * from './regions.js';
export * as rules from './rules.js';
export { coerceWire, listPaths } from './wire.js';

/** Every action, by name. */
export const catalog = {
  ...cen,
} as const;

export type Catalog = typeof catalog;
export type ActionName = keyof Catalog;
/** Parameters a caller sends for an action (JSON shape). */
export type RequestOf<A extends ActionName> = z.input<Catalog[A]['request']>;
/** What the Worker answers for an action (official JSON shape). */
export type ResponseOf<A extends ActionName> = z.output<Catalog[A]['response']>;

export const ACTION_NAMES = Object.keys(catalog) as ActionName[];

export function actionSpec(name: string): ActionSpec | undefined {
  return Object.hasOwn(catalog, name) ? (catalog as Record<string, ActionSpec>)[name] : undefined;
}
