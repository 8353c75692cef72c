import { describe, expect, it } from "vitest";
import { Semaphore, endpointLimit } from "./semaphore";

const tick = () => new Promise((r) => setTimeout(r, 0));
/** A task that holds its slot until released (or at once, if released before it starts), recording the most holders seen. */
function held(s: Semaphore, seen: { max: number }) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const done = s.run(async () => {
    seen.max = Math.max(seen.max, s.holders);
    await gate;
  });
  return { done, release };
}

describe("Semaphore", () => {
  it("hands a released slot to the waiter, whenever another caller arrives around the release", async () => {
    // The caller arrives 0, 1, 2, ... microtasks after the holder is released: at some of these
    // points the holder has left and the waiter has not yet resumed.
    for (let depth = 0; depth < 8; depth++) {
      const s = new Semaphore(1);
      const seen = { max: 0 };
      const first = held(s, seen);
      await tick();
      const waiter = held(s, seen);
      first.release();
      const late = await new Promise<ReturnType<typeof held>>((resolve) => {
        const arrive = (n: number): void => (n === 0 ? resolve(held(s, seen)) : queueMicrotask(() => arrive(n - 1)));
        arrive(depth);
      });
      await tick();
      waiter.release();
      late.release();
      await Promise.all([first.done, waiter.done, late.done]);
      expect(seen.max, `a caller arriving ${depth} microtasks after a release`).toBe(1);
      expect(s.holders).toBe(0);
    }
  });

  it("lets waiters in when its limit is raised, and drains to a lowered one", async () => {
    const s = new Semaphore(1);
    const seen = { max: 0 };
    const tasks = Array.from({ length: 4 }, () => held(s, seen));
    await tick();
    expect(s.holders).toBe(1);
    s.setLimit(3);
    await tick();
    expect(s.holders).toBe(3);
    s.setLimit(1);
    for (const t of tasks.slice(0, 3)) t.release();
    await tick();
    await tick();
    expect(s.holders).toBe(1); // the fourth, let in only once the holders were under the new limit
    tasks[3].release();
    await Promise.all(tasks.map((t) => t.done));
    expect(s.holders).toBe(0);
    expect(seen.max).toBe(3);
  });

  it("is one per endpoint in a process, whatever run asks for it", () => {
    const a = endpointLimit("vllm", "http://127.0.0.1:1/v1", 4);
    expect(endpointLimit("vllm", "http://127.0.0.1:1/v1", 2)).toBe(a);
    expect(endpointLimit("vllm", "http://127.0.0.1:2/v1", 4)).not.toBe(a);
    expect(endpointLimit("other", "http://127.0.0.1:1/v1", 4)).not.toBe(a);
  });
});
