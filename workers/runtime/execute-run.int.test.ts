import { describe, expect, it } from "vitest";
import { z } from "zod";
import { useTestDatabase } from "@/test/database";
import { DomainError, EndpointRefusedError, RateLimitedError, RetryableError } from "@/lib/domain/errors";
import { encryptSecret } from "@/lib/server/secrets";
import { executeRun, type ExecuteOptions } from "./execute-run";
import { workerShutdown, type JobHandler } from "./job-context";

const t = useTestDatabase();
const newRun = (status: "QUEUED" | "RUNNING" | "SUCCEEDED" = "QUEUED", bossJobId?: string) => t.db().jobRun.create({ data: { type: "test-job", status, bossJobId } });
const row = (id: string) => t.db().jobRun.findUniqueOrThrow({ where: { id }, include: { logs: { orderBy: { id: "asc" } } } });
const once = { retryCount: 0, retryLimit: 0 };

/** A queue stand-in: records when the runtime asked for the run's next delivery. */
function fakeQueue() {
  const sent: Date[] = [];
  const opts: ExecuteOptions = { requeue: async (_tx, startAfter) => { sent.push(startAfter); } };
  return { sent, opts };
}

describe("executeRun", () => {
  it("runs a queued job under a lease, records progress, logs and the result, and releases the lease", async () => {
    const run = await newRun();
    let during: { workerId: string | null; leaseExpiresAt: Date | null } | null = null;
    const handler: JobHandler<{ n: number }> = async (ctx, p) => {
      await ctx.log("working");
      await ctx.progress(0.5, "half way");
      during = await ctx.db.jobRun.findUniqueOrThrow({ where: { id: ctx.runId }, select: { workerId: true, leaseExpiresAt: true } });
      return { doubled: p.n * 2 };
    };
    const out = await executeRun(t.db(), handler, run.id, { n: 21 }, once, { workerId: "worker-a" });
    expect(out.outcome).toBe("succeeded");
    expect(during).toMatchObject({ workerId: "worker-a", leaseExpiresAt: expect.any(Date) });
    const after = await row(run.id);
    expect(after).toMatchObject({ status: "SUCCEEDED", progress: 1, attempts: 1, result: { doubled: 42 }, checkpoint: null, workerId: null, leaseExpiresAt: null });
    expect(after.startedAt).not.toBeNull();
    expect(after.finishedAt).not.toBeNull();
    expect(after.logs.map((l) => l.message)).toContain("working");
  });

  it("skips a duplicate delivery of a finished run, and a delivery of a queue job the run no longer uses", async () => {
    const finished = await newRun("SUCCEEDED");
    let called = false;
    expect((await executeRun(t.db(), async () => { called = true; }, finished.id, {}, once)).outcome).toBe("skipped");
    const moved = await newRun("QUEUED", "job-2");
    const stale = await executeRun(t.db(), async () => { called = true; }, moved.id, {}, { ...once, bossJobId: "job-1" });
    expect(stale.outcome).toBe("skipped");
    expect(called).toBe(false);
    expect((await executeRun(t.db(), async () => "ran", moved.id, {}, { ...once, bossJobId: "job-2" })).outcome).toBe("succeeded");
  });

  it("stops a running job at its next check once cancellation is requested", async () => {
    const run = await newRun();
    const handler: JobHandler<object> = async (ctx) => {
      for (let i = 0; i < 100; i++) {
        if (i === 3) await ctx.db.jobRun.update({ where: { id: ctx.runId }, data: { cancelRequestedAt: new Date() } });
        await new Promise((r) => setTimeout(r, 30));
        await ctx.throwIfCancelled();
      }
      return "finished";
    };
    const out = await executeRun(t.db(), handler, run.id, {}, once);
    expect(out.outcome).toBe("cancelled");
    expect((await row(run.id)).status).toBe("CANCELLED");
  });

  it("fails at once, with its reason, on a domain error, an endpoint's refusal and invalid data", async () => {
    const retries = { retryCount: 0, retryLimit: 3 };
    const cases: [unknown, RegExp][] = [
      [new DomainError("BAD_INPUT", "no such folder"), /^no such folder$/],
      [new EndpointRefusedError('endpoint "x" (m) refused the API key (HTTP 401)', 401), /HTTP 401/],
      [z.object({ n: z.number() }).safeParse({ n: "one" }).error, /^Invalid data: n: /],
    ];
    for (const [error, reason] of cases) {
      const run = await newRun();
      const out = await executeRun(t.db(), async () => { throw error; }, run.id, {}, retries);
      expect(out.outcome).toBe("failed");
      const after = await row(run.id);
      expect(after).toMatchObject({ status: "FAILED", attempts: 1, message: "Failed" });
      expect(after.error).toMatch(reason);
    }
  });

  it("scrubs every known secret from what it stores: the error, log lines and progress messages", async () => {
    const key = "ak/run+0123456789=never-stored";
    await t.db().endpoint.create({ data: { name: "scrub-test", baseUrl: "http://127.0.0.1:9/v1", model: "m", apiKeyEnc: encryptSecret(key) } });
    const run = await newRun();
    const handler: JobHandler<object> = async (ctx) => {
      await ctx.log(`calling with Authorization: Bearer ${key}`);
      await ctx.progress(0.5, `sent ${encodeURIComponent(key)}`);
      throw new EndpointRefusedError(`endpoint said: {"error":"bad key ${JSON.stringify(key).slice(1, -1)}"}`, 401);
    };
    expect((await executeRun(t.db(), handler, run.id, {}, once)).outcome).toBe("failed");
    const after = await row(run.id);
    const stored = JSON.stringify(after, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    for (const form of [key, encodeURIComponent(key), JSON.stringify(key).slice(1, -1)]) expect(stored).not.toContain(form);
    expect(after.error).toContain("[redacted]");
    expect(after.logs.map((l) => l.message)).toContain("calling with Authorization: Bearer [redacted]");
    await t.db().endpoint.delete({ where: { name: "scrub-test" } });
  });

  it("hands retryable errors back to the queue while attempts remain, then resumes from the checkpoint; the result is only the finished one", async () => {
    const run = await newRun();
    let calls = 0;
    const handler: JobHandler<object> = async (ctx) => {
      calls++;
      const done = (ctx.saved as { done?: number } | null)?.done ?? 0;
      for (let i = done; i < 5; i++) {
        if (i === 2 && calls === 1) throw new RetryableError("connection reset");
        await ctx.checkpoint({ done: i + 1 });
      }
      return { done: 5, calls };
    };
    await expect(executeRun(t.db(), handler, run.id, {}, { retryCount: 0, retryLimit: 2 })).rejects.toThrow("connection reset");
    expect(await row(run.id)).toMatchObject({ status: "QUEUED", checkpoint: { done: 2 }, result: null, workerId: null });
    const out = await executeRun(t.db(), handler, run.id, {}, { retryCount: 1, retryLimit: 2 });
    expect(out).toMatchObject({ outcome: "succeeded", result: { done: 5, calls: 2 } });
    const after = await row(run.id);
    expect(after).toMatchObject({ attempts: 2, result: { done: 5, calls: 2 }, checkpoint: null });
    expect(after.logs.map((l) => l.message)).toContainEqual(expect.stringMatching(/^Attempt 2: resuming from the last checkpoint on worker /));
  });

  it("records a final failure when no attempt is left, without handing it back", async () => {
    const run = await newRun();
    const out = await executeRun(t.db(), async () => { throw new Error("disk full"); }, run.id, {}, { retryCount: 2, retryLimit: 2 });
    expect(out.outcome).toBe("failed");
    expect(await row(run.id)).toMatchObject({ status: "FAILED", error: "disk full", message: "Failed after 1 attempt" });
  });

  it("parks a rate-limited run for its Retry-After without spending an attempt", async () => {
    const run = await newRun();
    const queue = fakeQueue();
    const before = Date.now();
    const out = await executeRun(t.db(), async () => { throw new RateLimitedError("endpoint busy (HTTP 429)", 30_000); }, run.id, {}, { retryCount: 0, retryLimit: 3 }, queue.opts);
    expect(out.outcome).toBe("waiting");
    const after = await row(run.id);
    expect(after).toMatchObject({ status: "WAITING", attempts: 0, workerId: null, message: "Rate limited: waiting 30 s" });
    expect(after.waitUntil!.getTime() - before).toBeGreaterThanOrEqual(29_000);
    expect(queue.sent).toHaveLength(1);
    expect(queue.sent[0].getTime()).toBe(after.waitUntil!.getTime());
  });

  it("waits on a remote state across deliveries: the handler is called again from its checkpoint", async () => {
    // A fake remote fine-tune that finishes after two polls; it must be started only once.
    let started = 0;
    let polls = 0;
    const remote = { start: () => `ft-${++started}`, status: () => (++polls >= 3 ? "succeeded" : "running") };
    const handler: JobHandler<object> = async (ctx) => {
      const state = (ctx.saved as { job: string } | null) ?? { job: remote.start() };
      if (remote.status() !== "succeeded") return ctx.waitUntil(new Date(Date.now() + 50), state, `Fine-tune ${state.job} running`);
      return { model: `${state.job}:model` };
    };
    const run = await newRun();
    const queue = fakeQueue();
    const first = await executeRun(t.db(), handler, run.id, {}, once, queue.opts);
    expect(first.outcome).toBe("waiting");
    expect(await row(run.id)).toMatchObject({ status: "WAITING", checkpoint: { job: "ft-1" }, message: "Fine-tune ft-1 running", attempts: 0 });
    expect((await executeRun(t.db(), handler, run.id, {}, once, queue.opts)).outcome).toBe("waiting");
    const last = await executeRun(t.db(), handler, run.id, {}, once, queue.opts);
    expect(last).toMatchObject({ outcome: "succeeded", result: { model: "ft-1:model" } });
    expect(started).toBe(1);
    expect(queue.sent).toHaveLength(2);
    expect(await row(run.id)).toMatchObject({ status: "SUCCEEDED", attempts: 1, waitUntil: null });
  });

  it("ends a waiting run at once if a user asked to cancel it while it ran", async () => {
    const run = await newRun();
    const handler: JobHandler<object> = async (ctx) => {
      await ctx.db.jobRun.update({ where: { id: ctx.runId }, data: { cancelRequestedAt: new Date() } });
      return ctx.waitUntil(new Date(Date.now() + 3_600_000), { job: "ft-9" });
    };
    expect((await executeRun(t.db(), handler, run.id, {}, once, fakeQueue().opts)).outcome).toBe("cancelled");
    expect(await row(run.id)).toMatchObject({ status: "CANCELLED", waitUntil: null });
  });

  it("puts a run back in the queue at once, attempt given back, when its worker shuts down", async () => {
    const run = await newRun();
    const queue = fakeQueue();
    const handler: JobHandler<object> = async (ctx) => {
      await ctx.checkpoint({ step: 1 });
      workerShutdown.requested = true;
      await ctx.throwIfCancelled();
    };
    try {
      expect((await executeRun(t.db(), handler, run.id, {}, { retryCount: 0, retryLimit: 1 }, queue.opts)).outcome).toBe("released");
    } finally {
      workerShutdown.requested = false;
    }
    expect(await row(run.id)).toMatchObject({ status: "QUEUED", attempts: 0, checkpoint: { step: 1 }, workerId: null });
    expect(queue.sent).toHaveLength(1);
  });
});
