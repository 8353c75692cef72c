import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { useTestDatabase } from "@/test/database";
import { defineJob } from "@/lib/jobs/define";
import { BY_SYSTEM } from "@/lib/jobs/created-by";
import { enqueueJob, requeueRun } from "@/lib/jobs/enqueue";
import { getBoss } from "@/lib/server/jobs/boss";
import { cancelRun } from "@/lib/server/services/jobs/control-run";
import { executeRun } from "./execute-run";
import type { JobHandler } from "./job-context";
import { claimRun } from "./lease";
import { ORPHAN_RESENDS, sweepStaleRuns } from "./sweep";

const t = useTestDatabase();
const leaseJob = defineJob({
  name: "lease-test",
  title: "Lease test",
  payload: z.object({}),
  options: { retryLimit: 2, retryDelay: 2, retryBackoff: false, expireInSeconds: 60 },
});
const defs = [leaseJob];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const row = (id: string) => t.db().jobRun.findUniqueOrThrow({ where: { id }, include: { logs: { orderBy: { id: "asc" } } } });
const bossJob = async (id: string) => (await getBoss()).getJobById(leaseJob.name, id);

beforeAll(async () => {
  await (await getBoss()).createQueue(leaseJob.name, { name: leaseJob.name, ...leaseJob.options });
});

/** A run claimed by a worker that then died (no heartbeat): its lease expires after `leaseMs`. */
async function claimedByDeadWorker(opts: { attempts?: number; checkpoint?: object; leaseMs?: number } = {}) {
  const run = await enqueueJob(t.db(), leaseJob, {}, BY_SYSTEM);
  expect(await claimRun(t.db(), run.id, "dead-worker", opts.leaseMs ?? 100, run.bossJobId!)).toBe(true);
  await t.db().jobRun.update({ where: { id: run.id }, data: { checkpoint: opts.checkpoint ?? { done: 3 }, ...(opts.attempts ? { attempts: opts.attempts } : {}) } });
  if ((opts.leaseMs ?? 100) < 1000) await sleep((opts.leaseMs ?? 100) + 50);
  return run;
}

describe("leases and heartbeats", () => {
  it("records the worker holding a run and renews its lease while the handler runs", async () => {
    const run = await enqueueJob(t.db(), leaseJob, {}, BY_SYSTEM);
    const seen: Date[] = [];
    const handler: JobHandler<object> = async (ctx) => {
      for (let i = 0; i < 4; i++) {
        await sleep(350);
        seen.push((await ctx.db.jobRun.findUniqueOrThrow({ where: { id: ctx.runId } })).leaseExpiresAt!);
        // Well past the 500 ms lease: nobody may take the run while the heartbeat renews it.
        expect((await sweepStaleRuns(t.db(), defs)).requeued).toEqual([]);
      }
      return "done";
    };
    const out = await executeRun(t.db(), handler, run.id, {}, { retryCount: 0, retryLimit: 2, bossJobId: run.bossJobId! }, { workerId: "live-worker", lease: { leaseMs: 500, heartbeatMs: 100 } });
    expect(out.outcome).toBe("succeeded");
    expect(seen.at(-1)!.getTime()).toBeGreaterThan(seen[0].getTime() + 600);
  });

  it("takes back a run whose worker died, from its checkpoint, as one more attempt; only one sweeper takes it", async () => {
    const run = await claimedByDeadWorker({ checkpoint: { done: 3 } });
    const [a, b] = await Promise.all([sweepStaleRuns(t.db(), defs), sweepStaleRuns(t.db(), defs)]);
    expect([...a.requeued, ...b.requeued]).toEqual([run.id]);
    const back = await row(run.id);
    expect(back).toMatchObject({ status: "QUEUED", workerId: null, leaseExpiresAt: null, attempts: 1, checkpoint: { done: 3 } });
    expect(back.message).toMatch(/dead-worker\) stopped responding: queued again from its last checkpoint/);
    expect(back.logs.at(-1)!.message).toMatch(/attempt 2 of 3 in 2 s/);
    expect(back.bossJobId).not.toBe(run.bossJobId);
    expect((await bossJob(run.bossJobId!))?.state).toBe("cancelled");
    const next = await bossJob(back.bossJobId!);
    expect(next?.state).toBe("created");
    expect(next!.startAfter.getTime()).toBeGreaterThan(Date.now());

    let resumedFrom: unknown;
    const handler: JobHandler<object> = async (ctx) => { resumedFrom = ctx.saved; return "resumed"; };
    // The dead worker's own job, delivered again by the queue, finds the run moved on.
    expect((await executeRun(t.db(), handler, run.id, {}, { retryCount: 1, retryLimit: 2, bossJobId: run.bossJobId! })).outcome).toBe("skipped");
    expect((await executeRun(t.db(), handler, run.id, {}, { retryCount: 0, retryLimit: 2, bossJobId: back.bossJobId! })).outcome).toBe("succeeded");
    expect(resumedFrom).toEqual({ done: 3 });
    expect(await row(run.id)).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
  });

  it("fails a run with a clear error once its worker died on its last attempt", async () => {
    const run = await claimedByDeadWorker({ attempts: 3 });
    expect((await sweepStaleRuns(t.db(), defs)).failed).toEqual([run.id]);
    const after = await row(run.id);
    expect(after).toMatchObject({ status: "FAILED", workerId: null });
    expect(after.error).toBe("Its worker (dead-worker) stopped responding during attempt 3 of 3; no attempt is left");
    expect((await bossJob(run.bossJobId!))?.state).toBe("cancelled");
  });

  it("stops a worker that lost its lease from writing anything more to the run", async () => {
    const run = await enqueueJob(t.db(), leaseJob, {}, BY_SYSTEM);
    let steps = 0;
    const handler: JobHandler<object> = async (ctx) => {
      for (; steps < 200; steps++) {
        await ctx.throwIfCancelled();
        await ctx.checkpoint({ step: steps });
        await ctx.progress(steps / 200, `step ${steps}`);
        await sleep(20);
      }
      return "finished";
    };
    // A heartbeat far slower than the lease: as if the worker's event loop stalled.
    const stalled = executeRun(t.db(), handler, run.id, {}, { retryCount: 0, retryLimit: 2, bossJobId: run.bossJobId! }, { workerId: "stalled", lease: { leaseMs: 300, heartbeatMs: 60_000 } });
    await sleep(400);
    // A sweep skips a row that a write holds locked at that instant; the next sweep takes it.
    let taken: string[] = [];
    for (let i = 0; i < 50 && taken.length === 0; i++) taken = (await sweepStaleRuns(t.db(), defs)).requeued;
    expect(taken).toEqual([run.id]);
    const atTakeover = await row(run.id);
    expect((await stalled).outcome).toBe("lost");
    await sleep(100);
    const after = await row(run.id);
    expect(steps).toBeLessThan(200);
    expect(after).toMatchObject({ status: "QUEUED", checkpoint: atTakeover.checkpoint, progress: atTakeover.progress, workerId: null });
    expect(after.logs).toHaveLength(atTakeover.logs.length);
  });
});

describe("cancel and retry of runs whose worker is gone", () => {
  it("cancels a stale run at once, while a live one stops at its next check", async () => {
    const stale = await claimedByDeadWorker();
    expect(await cancelRun(t.db(), stale.id)).toMatchObject({ status: "CANCELLED", message: "Cancelled", workerId: null });
    expect((await bossJob(stale.bossJobId!))?.state).toBe("cancelled");
    expect((await row(stale.id)).logs.at(-1)!.message).toMatch(/at once: its worker \(dead-worker\) had stopped/);

    const live = await claimedByDeadWorker({ leaseMs: 60_000 });
    expect(await cancelRun(t.db(), live.id)).toMatchObject({ status: "RUNNING", message: "Cancelling", cancelRequestedAt: expect.any(Date) });
    // Its worker then dies too: the sweep ends it instead of queueing it again.
    await t.db().jobRun.update({ where: { id: live.id }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
    expect((await sweepStaleRuns(t.db(), defs)).cancelled).toEqual([live.id]);
    expect((await row(live.id)).status).toBe("CANCELLED");
  });

  it("cancels a waiting run at once, with its scheduled queue job", async () => {
    const run = await enqueueJob(t.db(), leaseJob, {}, BY_SYSTEM);
    await t.db().jobRun.update({ where: { id: run.id }, data: { status: "WAITING", waitUntil: new Date(Date.now() + 3_600_000) } });
    expect(await cancelRun(t.db(), run.id)).toMatchObject({ status: "CANCELLED" });
    expect((await bossJob(run.bossJobId!))?.state).toBe("cancelled");
  });

  it("retries a stale run at once with a fresh budget, and refuses to retry one whose worker is alive", async () => {
    const stale = await claimedByDeadWorker({ attempts: 3 });
    // retryRun (the API's) looks the definition up in the registry, then does this.
    const again = await requeueRun(t.db(), leaseJob, stale.id);
    expect(again).toMatchObject({ status: "QUEUED", attempts: 0, workerId: null, checkpoint: { done: 3 } });
    expect(again.bossJobId).not.toBe(stale.bossJobId);
    expect((await bossJob(stale.bossJobId!))?.state).toBe("cancelled");
    expect((await row(stale.id)).logs.at(-1)!.message).toBe("Queued again by a user: its worker (dead-worker) had stopped");

    const live = await claimedByDeadWorker({ leaseMs: 60_000 });
    await expect(requeueRun(t.db(), leaseJob, live.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/its worker is alive/) });
    await expect(requeueRun(t.db(), leaseJob, again.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("queued runs whose queue job is gone", () => {
  const dropQueueJob = (bossJobId: string) => t.db().$executeRawUnsafe(`DELETE FROM pgboss.job WHERE id = $1::uuid`, bossJobId);

  it("sends such a run to the queue again, once it has waited long enough, and leaves runs with a live job alone", async () => {
    const orphan = await enqueueJob(t.db(), leaseJob, {}, BY_SYSTEM);
    const waiting = await enqueueJob(t.db(), leaseJob, {}, BY_SYSTEM);
    await dropQueueJob(orphan.bossJobId!);
    // Younger than the threshold: nothing yet (its process may still be about to run it).
    expect((await sweepStaleRuns(t.db(), defs)).resent).not.toContain(orphan.id);
    const report = await sweepStaleRuns(t.db(), defs, 20, 0);
    expect(report.resent).toContain(orphan.id);
    expect(report.resent).not.toContain(waiting.id);
    const after = await row(orphan.id);
    expect(after).toMatchObject({ status: "QUEUED", message: "Queued again: its queue job was gone" });
    expect(after.bossJobId).not.toBe(orphan.bossJobId);
    expect((await bossJob(after.bossJobId!))?.state).toBe("created");
    expect(after.logs.at(-1)!.message).toMatch(/queue job was gone/);
    // Sent once: the next sweep finds its new job alive.
    expect((await sweepStaleRuns(t.db(), defs, 20, 0)).resent).not.toContain(orphan.id);
    expect((await row(waiting.id)).bossJobId).toBe(waiting.bossJobId);
  });

  it("fails a run whose queue job keeps going before a worker takes it, after ORPHAN_RESENDS sends", async () => {
    const orphan = await enqueueJob(t.db(), leaseJob, {}, BY_SYSTEM);
    for (let i = 1; i <= ORPHAN_RESENDS; i++) {
      await dropQueueJob((await row(orphan.id)).bossJobId!);
      expect((await sweepStaleRuns(t.db(), defs, 20, 0)).resent).toContain(orphan.id);
      expect((await row(orphan.id)).resends).toBe(i);
    }
    await dropQueueJob((await row(orphan.id)).bossJobId!);
    expect((await sweepStaleRuns(t.db(), defs, 20, 0)).failed).toContain(orphan.id);
    expect(await row(orphan.id)).toMatchObject({ status: "FAILED", error: `Its queue job was gone ${ORPHAN_RESENDS + 1} times before a worker took it (sent again ${ORPHAN_RESENDS} times); see the worker's log` });
    // Ended for good: the next sweep leaves it alone.
    const next = await sweepStaleRuns(t.db(), defs, 20, 0);
    expect([...next.resent, ...next.failed]).not.toContain(orphan.id);
  });

  it("ends an orphaned stage of a loop run (its parent runs it again) and a cancelled orphan", async () => {
    const parent = await enqueueJob(t.db(), leaseJob, {}, BY_SYSTEM);
    const stage = await enqueueJob(t.db(), leaseJob, {}, BY_SYSTEM);
    await t.db().jobRun.update({ where: { id: stage.id }, data: { parentRunId: parent.id } });
    const cancelled = await enqueueJob(t.db(), leaseJob, {}, BY_SYSTEM);
    await t.db().jobRun.update({ where: { id: cancelled.id }, data: { cancelRequestedAt: new Date() } });
    await dropQueueJob(stage.bossJobId!);
    await dropQueueJob(cancelled.bossJobId!);
    const report = await sweepStaleRuns(t.db(), defs, 20, 0);
    expect(report.failed).toContain(stage.id);
    expect(report.cancelled).toContain(cancelled.id);
    expect(await row(stage.id)).toMatchObject({ status: "FAILED", error: expect.stringMatching(`stage of loop run ${parent.id}`) });
    expect((await row(cancelled.id)).status).toBe("CANCELLED");
    expect((await row(parent.id)).status).toBe("QUEUED");
  });
});
