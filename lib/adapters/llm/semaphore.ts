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

const shared = new Map<string, Semaphore>();

/**
 * The one semaphore of an endpoint (by name and address) in this process: every run calling it
 * (two evaluations on one worker, an extraction beside them) shares its concurrency, which is the
 * endpoint's capacity, instead of each run having its own.
 */
export function endpointSemaphore(name: string, baseURL: string, limit: number): Semaphore {
  const key = `${name}\n${baseURL}`;
  let s = shared.get(key);
  if (s) s.setLimit(limit);
  else shared.set(key, (s = new Semaphore(limit)));
  return s;
}
