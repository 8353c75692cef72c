// An endpoint's concurrency across processes: each PostgresEndpointSlots is one process's (its own
// session on the test's real Postgres), and the requests go to a real HTTP server on 127.0.0.1.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createChatModel } from "@/lib/adapters/llm/openai-compatible";
import { useTestDatabase } from "@/test/database";
import { startOpenAiServer } from "@/test/openai-server";
import { PostgresEndpointSlots, shareEndpointSlots } from "./endpoint-slots";

const t = useTestDatabase();
const open: PostgresEndpointSlots[] = [];
const processSlots = () => {
  const s = new PostgresEndpointSlots(t.url());
  open.push(s);
  return s;
};
let server: Awaited<ReturnType<typeof startOpenAiServer>> | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});
afterAll(async () => {
  for (const s of open) await s.close();
});

/** A task that holds its slot until released. */
function gated(limit: { run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> }, running: { n: number; max: number }, signal?: AbortSignal) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let started = false;
  const done = limit.run(async () => {
    started = true;
    running.max = Math.max(running.max, ++running.n);
    await gate;
    running.n--;
  }, signal);
  return { done, release, started: () => started };
}
const advisoryLocks = async () => (await t.db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND granted`)[0].n;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("endpoint slots shared through Postgres", () => {
  it("hold an endpoint's concurrency across two processes: the endpoint never sees more, and both are served", async () => {
    server = await startOpenAiServer(() => ({ content: '{"answer":"a"}', delayMs: 60 }));
    // This process's models go through the adapter with the slots registered, as a worker's do...
    const stop = shareEndpointSlots(t.url());
    try {
      const model = createChatModel({ name: "vllm", baseURL: server.baseURL, model: "m", concurrency: 3 });
      const ask = { schemaName: "answer", schema: z.object({ answer: z.string() }), system: "You answer.", user: "Answer." };
      // ... and another process's requests, under its own session, for the same endpoint.
      const other = processSlots().limitFor(`vllm\n${server.baseURL}`, 3);
      const theirs = Array.from({ length: 12 }, () => other.run(() => fetch(`${server!.baseURL}/chat/completions`, { method: "POST", body: JSON.stringify({ model: "m", messages: [] }) }).then((r) => r.json())));
      const ours = Array.from({ length: 12 }, () => model.complete(ask));
      await Promise.all([...theirs, ...ours]);
      expect(server.requests).toHaveLength(24);
      expect(server.maxInFlight()).toBe(3); // each process alone may send 3: without sharing, 6
    } finally {
      await stop();
    }
    await expect.poll(advisoryLocks).toBe(0); // every slot given back
  });

  it("free the slots of a process whose session dies, with nothing to expire", async () => {
    const key = "dies\nhttp://127.0.0.1:1/v1";
    const [dying, alive] = [processSlots(), processSlots()];
    const running = { n: 0, max: 0 };
    const held = Array.from({ length: 2 }, () => gated(dying.limitFor(key, 2), running));
    await expect.poll(() => running.n).toBe(2);
    const waiting = gated(alive.limitFor(key, 2), running);
    await sleep(700); // more than a retry interval: still no slot
    expect(waiting.started()).toBe(false);
    // The dying process's connection is killed (as its process would be): its locks go with its session.
    const [{ pid }] = await t.db().$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND granted GROUP BY pid`;
    await t.db().$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
    await expect.poll(() => waiting.started(), { timeout: 3000 }).toBe(true);
    waiting.release();
    await waiting.done;
    for (const h of held) h.release();
    await Promise.all(held.map((h) => h.done)); // they end without error; their slots are nobody's to give back
    // The process that lost its session takes slots again, in a new one.
    const again = gated(dying.limitFor(key, 2), running);
    await expect.poll(() => again.started()).toBe(true);
    again.release();
    await again.done;
    await expect.poll(advisoryLocks).toBe(0);
  });

  it("hand a released slot to the process's next waiting request, let a waiting request give up when its job is cancelled, and leak none", async () => {
    const key = "handover\nhttp://127.0.0.1:2/v1";
    const [mine, theirs] = [processSlots(), processSlots()];
    const queries = { lock: vi.spyOn(mine, "tryLock"), unlock: vi.spyOn(mine, "unlock") };
    const running = { n: 0, max: 0 };
    const first = Array.from({ length: 2 }, () => gated(mine.limitFor(key, 2), running));
    await expect.poll(() => running.n).toBe(2);
    expect(queries.lock).toHaveBeenCalledTimes(2);
    const cancel = new AbortController();
    const cancelled = gated(mine.limitFor(key, 2), running, cancel.signal);
    const next = gated(mine.limitFor(key, 2), running);
    const other = gated(theirs.limitFor(key, 2), running);
    cancel.abort(new Error("cancelled by a user"));
    await expect(cancelled.done).rejects.toThrow("cancelled by a user");
    // A slot released here goes to this process's waiting request, before the other process's.
    first[0].release();
    await expect.poll(() => next.started()).toBe(true);
    expect(other.started()).toBe(false);
    // ... without a query: holding every slot, the waiting requests sent none, and the slot was never unlocked.
    expect(queries.lock).toHaveBeenCalledTimes(2);
    expect(queries.unlock).not.toHaveBeenCalled();
    // With nothing waiting here, a released slot is unlocked and the other process is woken for it.
    first[1].release();
    await expect.poll(() => other.started(), { timeout: 2000 }).toBe(true);
    next.release();
    other.release();
    await Promise.all([...first, next, other].map((g) => g.done));
    expect(running.max).toBe(2);
    expect(cancelled.started()).toBe(false);
    await expect.poll(advisoryLocks).toBe(0);
  });
});
