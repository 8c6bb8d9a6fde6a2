/**
 * Resource IDs shaped like Alibaba's (`cen-` + 18 lower-case letters and
 * digits, `cenbwp-…`, `vpc-bp1…`). Derived from the world's counter and a
 * random part, so they never repeat within a world and do not look sequential.
 */
import type { World } from './world/types.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomPart(n: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(n));
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return s;
}

/** A new ID with `prefix`, e.g. `newId(world, 'cen-')` → `cen-3k…`. */
export function newId(world: World, prefix: string, length = 18): string {
  world.seq += 1;
  const counter = world.seq.toString(36);
  return prefix + randomPart(Math.max(4, length - counter.length)) + counter;
}

/** A numeric order ID like `20156420004…` (15 digits). */
export function newOrderId(world: World): string {
  world.seq += 1;
  return `2015642${String(world.seq).padStart(8, '0')}`;
}

/** An upper-case UUID, as Alibaba's RequestIds are. */
export function requestId(): string {
  return crypto.randomUUID().toUpperCase();
}
