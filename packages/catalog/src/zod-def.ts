/**
 * Reading zod's schema definitions, for the few places that walk a schema
 * (wire coercion, list paths, known keys for validation messages, the
 * compiled response normaliser).
 */
import type * as z from 'zod';

export type Def = { type: string; [k: string]: unknown };

/** What zod's own parser reads off a schema besides its definition. */
export interface Internals {
  def: Def;
  /** zod's class chain (`$ZodString`, `$ZodCheck`, …). */
  traits: Set<string>;
  /** Whether an absent key is allowed in (`optional`) or filled in (`defaulted`). */
  optin?: 'optional' | 'defaulted';
  /** Whether the output may be undefined. */
  optout?: 'optional';
  /** The accepted values of an enum or literal. */
  values?: Set<unknown>;
  /** A check's test: pushes its issues onto the payload. */
  check?: (payload: { value: unknown; issues: unknown[] }) => unknown;
}

export const internalsOf = (s: unknown): Internals => (s as { _zod: Internals })._zod;

export const defOf = (s: unknown): Def => internalsOf(s).def;

/**
 * The schema that does the work: optional/default/nullable/readonly wrappers
 * removed, and for a pipe its input (or, after a preprocess transform, its output).
 */
export function core(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (;;) {
    const d = defOf(s);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'readonly' || d.type === 'prefault') {
      s = d.innerType as z.ZodType;
    } else if (d.type === 'pipe') {
      s = d.in as z.ZodType;
      if (defOf(s).type === 'transform') s = d.out as z.ZodType;
    } else return s;
  }
}
