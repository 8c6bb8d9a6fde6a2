/**
 * Nonces seen in the last 15 minutes, per AccessKey, so a replayed request is
 * refused with SignatureNonceUsed. Kept in memory only (a nonce is not stored
 * with the world), and bounded: beyond `max` the oldest are forgotten, which
 * only matters for more than `max` calls inside 15 minutes.
 */
export const NONCE_TTL_MS = 15 * 60_000;

export class NonceCache {
  #seen = new Map<string, number>();
  constructor(private readonly max = 10_000) {}

  /** Records the nonce; false when it was already used within the window. */
  use(accessKeyId: string, nonce: string, now: number): boolean {
    const key = `${accessKeyId}\u0000${nonce}`;
    const at = this.#seen.get(key);
    if (at !== undefined && now - at < NONCE_TTL_MS) return false;
    this.#seen.delete(key);
    this.#seen.set(key, now);
    // Map keeps insertion order: the first entries are the oldest.
    for (const [k, t] of this.#seen) {
      if (this.#seen.size <= this.max && now - t < NONCE_TTL_MS) break;
      this.#seen.delete(k);
    }
    return true;
  }

  clear(): void {
    this.#seen.clear();
  }
}
