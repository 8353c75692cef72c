/**
 * At most `limit` holders at once; the rest wait in arrival order. A released slot is handed to
 * the next waiter directly, so a caller arriving meanwhile cannot take it too.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private limit: number) {}

  get holders(): number {
    return this.active;
  }

  /** A new limit (an endpoint's settings changed): waiters are let in up to it; a lower one is reached as holders leave. */
  setLimit(limit: number): void {
    this.limit = limit;
    while (this.active < this.limit && this.waiting.length) {
      this.active++;
      this.waiting.shift()!();
    }
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the releasing holder's slot
    try {
      return await fn();
    } finally {
      if (this.active > this.limit || this.waiting.length === 0) this.active--;
      else this.waiting.shift()!();
    }
  }
}

/** What limits the requests in flight to one endpoint: `run` holds a slot while `fn` runs. */
export interface EndpointLimit {
  /**
   * waits for a slot, runs `fn`, frees the slot; the shared limit ends a wait aborted by `signal`
   * with its reason, a process's own Semaphore waits on (its holders' requests time out)
   */
  run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** Makes the limit of an endpoint (by key) shared with other processes; `limit` may change between calls. */
export type SharedLimits = (key: string, limit: number) => EndpointLimit;

const local = new Map<string, Semaphore>();
let sharedLimits: SharedLimits | null = null;

/**
 * From now on, every endpoint's limit in this process is the one `limits` gives, shared with the
 * other processes that call it (a worker and the CLI register Postgres advisory locks:
 * lib/server/jobs/endpoint-slots.ts); null goes back to a limit of this process's own.
 */
export function shareEndpointLimits(limits: SharedLimits | null): void {
  sharedLimits = limits;
}

/**
 * The one limit of an endpoint (by name and address) in this process: every run calling it (two
 * evaluations on one worker, an extraction beside them) shares its concurrency, which is the
 * endpoint's capacity, instead of each run having its own; and with shared limits registered, so
 * do the other processes.
 */
export function endpointLimit(name: string, baseURL: string, limit: number): EndpointLimit {
  const key = `${name}\n${baseURL}`;
  if (sharedLimits) return sharedLimits(key, limit);
  let s = local.get(key);
  if (s) s.setLimit(limit);
  else local.set(key, (s = new Semaphore(limit)));
  return s;
}
