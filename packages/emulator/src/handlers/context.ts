/**
 * What a handler gets: the world (to read and change), the calling account,
 * the clock and the transition delay. Handlers return the official JSON body
 * without RequestId, or throw an ApiError.
 */
import type { World } from '../world/types.js';

export interface Ctx {
  world: World;
  /** Account ID of the caller. */
  caller: string;
  now: number;
  /** How long Creating/Attaching/Modifying/… last, in ms. */
  delayMs: number;
}

export type Result = Record<string, unknown>;
// Parameters are already validated against the catalogue schema; each handler names the fields it reads.
export type Handler = (ctx: Ctx, params: any) => Result;

export interface Paging {
  PageNumber?: number;
  PageSize?: number;
}

/**
 * One page of `items` with Alibaba's paging fields.
 *
 * @example
 * ```ts
 * const { page, fields } = paginate(cens, { PageNumber: 2, PageSize: 10 });
 * ```
 */
export function paginate<T>(items: readonly T[], p: Paging): { page: T[]; fields: { TotalCount: number; PageNumber: number; PageSize: number } } {
  const PageNumber = p.PageNumber ?? 1;
  const PageSize = p.PageSize ?? 10;
  const start = (PageNumber - 1) * PageSize;
  return { page: items.slice(start, start + PageSize), fields: { TotalCount: items.length, PageNumber, PageSize } };
}

/** Account IDs arrive as numbers or strings of digits; the world keeps strings. */
export function accountParam(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

/** The `{Tag:[…]}` list, as every Describe action writes tags. */
export function tagsOut(tags: readonly { Key: string; Value?: string }[]): Result {
  return { Tag: tags.map((t) => ({ Key: t.Key, Value: t.Value ?? '' })) };
}

/** Filters (AND between keys unless `or`, OR between values). */
export function matchesFilters<T>(
  item: T,
  filters: readonly { Key: string; Value: string[] }[] | undefined,
  fieldOf: (item: T, key: string) => string | undefined,
  or = false,
): boolean {
  if (!filters?.length) return true;
  const hit = (f: { Key: string; Value: string[] }) => f.Value.includes(fieldOf(item, f.Key) ?? '\u0000');
  return or ? filters.some(hit) : filters.every(hit);
}
