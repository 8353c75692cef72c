import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { DomainError } from "@/lib/domain/errors";
import { executeRun } from "./execute-run";
import type { JobHandler } from "./job-context";

const t = useTestDatabase();
const newRun = (status: "QUEUED" | "RUNNING" | "SUCCEEDED" = "QUEUED") => t.db().jobRun.create({ data: { type: "test-job", status } });
const once = { retryCount: 0, retryLimit: 0 };

describe("executeRun", () => {
  it("runs a queued job, records progress, logs and the result", async () => {
    const run = await newRun();
    const handler: JobHandler<{ n: number }> = async (ctx, p) => {
      await ctx.log("working");
      await ctx.progress(0.5, "half way");
      return { doubled: p.n * 2 };
    };
    const out = await executeRun(t.db(), handler, run.id, { n: 21 }, once);
    expect(out.outcome).toBe("succeeded");
    const row = await t.db().jobRun.findUniqueOrThrow({ where: { id: run.id }, include: { logs: true } });
    expect(row).toMatchObject({ status: "SUCCEEDED", progress: 1, attempts: 1, result: { doubled: 42 } });
    expect(row.startedAt).not.toBeNull();
    expect(row.finishedAt).not.toBeNull();
    expect(row.logs.map((l) => l.message)).toContain("working");
  });

  it("skips a duplicate delivery of a finished run", async () => {
    const run = await newRun("SUCCEEDED");
    let called = false;
    const out = await executeRun(t.db(), async () => { called = true; }, run.id, {}, once);
    expect(out.outcome).toBe("skipped");
    expect(called).toBe(false);
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
    expect((await t.db().jobRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("CANCELLED");
  });

  it("fails at once on a domain error (a retry cannot fix bad input)", async () => {
    const run = await newRun();
    const out = await executeRun(t.db(), async () => { throw new DomainError("BAD_INPUT", "no such folder"); }, run.id, {}, { retryCount: 0, retryLimit: 3 });
    expect(out.outcome).toBe("failed");
    expect(await t.db().jobRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "FAILED", error: "no such folder" });
  });

  it("hands other errors back to the queue while retries remain, then resumes from the checkpoint", async () => {
    const run = await newRun();
    let calls = 0;
    const handler: JobHandler<object> = async (ctx) => {
      calls++;
      const done = (ctx.saved as { done?: number } | null)?.done ?? 0;
      for (let i = done; i < 5; i++) {
        if (i === 2 && calls === 1) throw new Error("connection reset");
        await ctx.db.jobRun.update({ where: { id: ctx.runId }, data: { result: { done: i + 1 } } });
      }
      return { done: 5, calls };
    };
    await expect(executeRun(t.db(), handler, run.id, {}, { retryCount: 0, retryLimit: 2 })).rejects.toThrow("connection reset");
    const between = await t.db().jobRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(between).toMatchObject({ status: "QUEUED", result: { done: 2 } });
    const out = await executeRun(t.db(), handler, run.id, {}, { retryCount: 1, retryLimit: 2 });
    expect(out).toMatchObject({ outcome: "succeeded", result: { done: 5, calls: 2 } });
    expect((await t.db().jobRun.findUniqueOrThrow({ where: { id: run.id } })).attempts).toBe(2);
  });

  it("records a final failure when no retry is left", async () => {
    const run = await newRun();
    await expect(executeRun(t.db(), async () => { throw new Error("disk full"); }, run.id, {}, { retryCount: 2, retryLimit: 2 })).rejects.toThrow();
    expect(await t.db().jobRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "FAILED", error: "disk full" });
  });
});
