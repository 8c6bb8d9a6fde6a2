/**
 * An Idempotency-Key for one submit. `crypto.randomUUID` exists only in
 * secure contexts; an intranet portal on plain http still gets a random key.
 *
 * @example client.CreateCen(p, { idempotencyKey: newKey() })
 */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
