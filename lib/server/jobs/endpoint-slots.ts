import pg from "pg";
import { shareEndpointLimits, type EndpointLimit } from "@/lib/adapters/llm/semaphore";

// An endpoint's concurrency is its capacity, whatever number of worker processes (on any number of
// machines) call it. Each of its `limit` slots is a Postgres session advisory lock (two-key form:
// the endpoint's key hash, the slot's index), held on one connection of this process's own: a
// process that dies, or loses its connection, frees its slots with its session, with nothing to
// expire or sweep. A released slot goes straight to a request of this process waiting for one
// (under steady load, no query at all); only when none waits is it unlocked, with a notification
// that wakes the processes waiting for it.

const CHANNEL = "proda_endpoint_slots";
/** how often a waiter tries again without a notification (a slot freed by a session that ended sends none) */
const RETRY_MS = 500;

/** FNV-1a of the endpoint's key: the advisory lock's first key (int4), and its notification's payload. */
function lockKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

type Waiter = { resolve: (slot: number) => void; reject: (e: unknown) => void };

/** One endpoint's slots in this process: the ones it holds, and its requests waiting for one. */
class SharedLimit implements EndpointLimit {
  private readonly held = new Set<number>();
  private readonly waiters: Waiter[] = [];
  private acquiring = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly slots: PostgresEndpointSlots,
    readonly lock: number,
    public limit: number,
  ) {}

  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const { slot, session } = await this.take(signal);
    try {
      return await fn();
    } finally {
      this.give(slot, session);
    }
  }

  /** Notified (or the connection changed): a waiting acquisition tries again now. */
  notify(): void {
    this.wake?.();
  }

  /** The session holding this process's locks ended: they are gone with it. */
  forget(): void {
    this.held.clear();
    this.notify();
  }

  /** A slot, with the session it is held in (read when it is handed over, not when the caller resumes). */
  private take(signal?: AbortSignal): Promise<{ slot: number; session: number }> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const abort = () => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(signal!.reason);
      };
      const waiter: Waiter = {
        resolve: (slot) => (signal?.removeEventListener("abort", abort), resolve({ slot, session: this.slots.session })),
        reject: (e) => (signal?.removeEventListener("abort", abort), reject(e)),
      };
      signal?.addEventListener("abort", abort, { once: true });
      this.waiters.push(waiter);
      void this.acquire();
    });
  }

  private give(slot: number, session: number): void {
    // Its session ended meanwhile: the lock went with it (and may be another process's by now).
    if (session !== this.slots.session || !this.held.has(slot)) return;
    const next = slot < this.limit ? this.waiters.shift() : undefined;
    if (next) return next.resolve(slot);
    this.held.delete(slot);
    this.slots.unlock(this.lock, slot);
  }

  /** Takes free slots for the waiters, one at a time, until none waits; between tries, sleeps until notified. */
  private async acquire(): Promise<void> {
    if (this.acquiring) return;
    this.acquiring = true;
    try {
      while (this.waiters.length) {
        let slot: number | null = null;
        // Holding every slot, it only waits: a slot given back goes to a waiter without a query.
        const session = this.slots.session;
        if (this.held.size < this.limit) {
          try {
            slot = await this.slots.tryLock(this.lock, this.limit, [...this.held]);
          } catch (e) {
            // The database is unreachable: the requests waiting fail with that (their job retries).
            for (const w of this.waiters.splice(0)) w.reject(e);
            return;
          }
          if (session !== this.slots.session) continue; // taken in a session that just ended: not held
        }
        if (slot === null) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => ((this.wake = null), resolve()), RETRY_MS);
            this.wake = () => (clearTimeout(timer), (this.wake = null), resolve());
          });
          continue;
        }
        this.held.add(slot);
        const waiter = this.waiters.shift();
        if (waiter) waiter.resolve(slot);
        else this.give(slot, this.slots.session); // its waiter gave up meanwhile
      }
    } finally {
      this.acquiring = false;
    }
  }
}

/** The endpoint slots of this process, on one connection of its own to `connectionString`. */
export class PostgresEndpointSlots {
  /** which session holds this process's locks: a slot taken in an earlier one is not given back */
  session = 0;
  private client: Promise<pg.Client> | null = null;
  private readonly limits = new Map<string, SharedLimit>();
  private readonly byLock = new Map<number, SharedLimit>();
  private closed = false;

  constructor(private readonly connectionString: string) {}

  /** The limit of one endpoint (by key), shared with every process that registers these slots on the same database. */
  limitFor(key: string, limit: number): EndpointLimit {
    let l = this.limits.get(key);
    if (l) l.limit = limit;
    else {
      l = new SharedLimit(this, lockKey(key), limit);
      this.limits.set(key, l);
      this.byLock.set(l.lock, l);
    }
    return l;
  }

  /** Locks the first slot under `limit` that nobody holds (skipping this session's own: its locks are re-entrant); null when all are taken. */
  async tryLock(lock: number, limit: number, mine: number[]): Promise<number | null> {
    const client = await this.connection();
    // CASE fixes the order: a slot this session holds is skipped before any lock is tried on it.
    const { rows } = await client.query<{ s: number }>(
      `SELECT s FROM generate_series(0, $2::int - 1) s
       WHERE CASE WHEN s = ANY($3::int[]) THEN false ELSE pg_try_advisory_lock($1::int, s) END
       LIMIT 1`,
      [lock, limit, mine],
    );
    return rows.length ? rows[0].s : null;
  }

  /** Unlocks a slot and tells the processes waiting for this endpoint; a lost connection took the lock already. */
  unlock(lock: number, slot: number): void {
    const session = this.session;
    void this.connection()
      .then((client) => (session === this.session ? client.query("SELECT pg_advisory_unlock($1::int, $2::int), pg_notify($3, $4)", [lock, slot, CHANNEL, String(lock)]) : null))
      .catch(() => {});
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    if (client) await (await client.catch(() => null))?.end().catch(() => {});
  }

  private connection(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error("The endpoint slots were closed"));
    if (!this.client) {
      const client = new pg.Client({ connectionString: this.connectionString, application_name: "proda-endpoint-slots" });
      const lost = () => {
        if (this.client !== pending) return;
        this.client = null;
        this.session++;
        for (const l of this.limits.values()) l.forget();
      };
      client.on("error", lost);
      client.on("end", lost);
      client.on("notification", (n) => this.byLock.get(Number(n.payload))?.notify());
      const pending: Promise<pg.Client> = client
        .connect()
        .then(() => client.query(`LISTEN ${CHANNEL}`))
        .then(() => client)
        .catch((e: unknown) => {
          if (this.client === pending) this.client = null;
          void client.end().catch(() => {});
          throw e;
        });
      this.client = pending;
    }
    return this.client;
  }
}

/**
 * Shares every endpoint's concurrency of this process with the other processes on the database at
 * `connectionString` (a worker, the CLI). Answers how to stop: back to limits of its own, slots freed.
 */
export function shareEndpointSlots(connectionString: string): () => Promise<void> {
  const slots = new PostgresEndpointSlots(connectionString);
  shareEndpointLimits((key, limit) => slots.limitFor(key, limit));
  return async () => {
    shareEndpointLimits(null);
    await slots.close();
  };
}
