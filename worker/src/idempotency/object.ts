/**
 * IdempotencyObject: one SQLite-backed Durable Object per (caller, key) that
 * remembers a write's outcome for 24 hours.
 *
 *   begin(fingerprint) → proceed (you run the call) | replay (stored outcome)
 *                        | mismatch (same key, other request) | busy (still running)
 *   finish(lease, outcome | null) → stores the outcome, or releases the key
 *
 * A duplicate arriving while the first call runs waits here (up to the time
 * it asked for) and then gets the first call's outcome. Records expire by
 * alarm, and lazily when read. A call that never finished (Worker crash)
 * holds its key for at most STALE_MS.
 */
import { DurableObject } from 'cloudflare:workers';

/** How long an outcome is kept. */
export const RETENTION_MS = 24 * 60 * 60_000;
/** A pending record older than this is abandoned (longer than any upstream deadline). */
export const STALE_MS = 60_000;
/** Largest stored answer body; a bigger one is not stored (the key is released). */
export const MAX_STORED_BODY = 256 * 1024;

export interface StoredOutcome {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export type BeginResult =
  | { kind: 'proceed'; lease: string }
  | { kind: 'replay'; outcome: StoredOutcome }
  | { kind: 'mismatch' }
  | { kind: 'busy' };

interface Row {
  fingerprint: string;
  state: 'pending' | 'done';
  lease: string;
  started: number;
  expires: number;
  status: number | null;
  body: string | null;
  headers: string | null;
  [key: string]: SqlStorageValue;
}

export class IdempotencyObject extends DurableObject {
  #waiters = new Set<() => void>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec(
      `CREATE TABLE IF NOT EXISTS record (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        fingerprint TEXT NOT NULL, state TEXT NOT NULL, lease TEXT NOT NULL,
        started INTEGER NOT NULL, expires INTEGER NOT NULL,
        status INTEGER, body TEXT, headers TEXT)`,
    );
  }

  /** Claims the key for a request, or tells what happened to it. */
  async begin(fingerprint: string, waitMs: number): Promise<BeginResult> {
    const deadline = Date.now() + Math.max(0, Math.min(waitMs, 30_000));
    for (;;) {
      const now = Date.now();
      const row = this.#read(now);
      if (!row) return await this.#claim(fingerprint, now, false);
      if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (row.state === 'done') {
        return { kind: 'replay', outcome: { status: row.status ?? 200, body: row.body ?? '', headers: JSON.parse(row.headers ?? '{}') as Record<string, string> } };
      }
      if (now - row.started > STALE_MS) return await this.#claim(fingerprint, now, true);
      if (now >= deadline) return { kind: 'busy' };
      await this.#changed(deadline - now);
    }
  }

  /** Ends a claimed call: keeps its outcome, or (null) frees the key for a retry. */
  async finish(lease: string, outcome: StoredOutcome | null): Promise<void> {
    const now = Date.now();
    const row = this.#read(now);
    // A lease taken over after going stale no longer owns the record.
    if (!row || row.lease !== lease || row.state !== 'pending') return;
    if (outcome && outcome.body.length <= MAX_STORED_BODY) {
      const expires = now + RETENTION_MS;
      this.ctx.storage.sql.exec(
        `UPDATE record SET state = 'done', status = ?, body = ?, headers = ?, expires = ? WHERE id = 1`,
        outcome.status,
        outcome.body,
        JSON.stringify(outcome.headers),
        expires,
      );
      await this.ctx.storage.setAlarm(expires);
    } else {
      this.ctx.storage.sql.exec(`DELETE FROM record`);
    }
    this.#notify();
  }

  override async alarm(): Promise<void> {
    const row = this.#read(Date.now());
    if (row) await this.ctx.storage.setAlarm(row.expires);
  }

  /** The record, or undefined (an expired one is deleted on the way). */
  #read(now: number): Row | undefined {
    const row = this.ctx.storage.sql.exec<Row>(`SELECT * FROM record WHERE id = 1`).toArray()[0];
    if (row && row.expires <= now) {
      this.ctx.storage.sql.exec(`DELETE FROM record`);
      return undefined;
    }
    return row;
  }

  async #claim(fingerprint: string, now: number, takeover: boolean): Promise<BeginResult> {
    const lease = crypto.randomUUID();
    // A pending record also expires (after the retention period) so the alarm can clean it.
    const expires = now + RETENTION_MS;
    if (takeover) {
      this.ctx.storage.sql.exec(`UPDATE record SET lease = ?, started = ? WHERE id = 1`, lease, now);
    } else {
      this.ctx.storage.sql.exec(
        `INSERT INTO record (id, fingerprint, state, lease, started, expires) VALUES (1, ?, 'pending', ?, ?, ?)`,
        fingerprint,
        lease,
        now,
        expires,
      );
      // The row is written before this await, so a concurrent begin() already sees it.
      await this.ctx.storage.setAlarm(expires);
    }
    return { kind: 'proceed', lease };
  }

  #changed(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#waiters.add(done);
    });
  }

  #notify(): void {
    for (const w of [...this.#waiters]) w();
  }
}
