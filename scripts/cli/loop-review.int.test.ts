// `proda loop` without --auto-approve: it stops after tracing while patches wait for annotators,
// says which and where, and goes on from there once they are reviewed. And a failed gate stops it
// with exit code 1, saying which gate.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loopReportSchema, type LoopReport } from "@/lib/server/services/loop/loop-report";
import { prodaAgainst } from "@/test/cli";
import { useTestDatabase } from "@/test/database";
import { SHARED_CORPUS } from "@/test/fixtures";

const t = useTestDatabase();
const proda = prodaAgainst(() => t.url());
const statusOf = (r: LoopReport) => Object.fromEntries(r.stages.map((s) => [s.stage, s.status]));
const json = async (...args: string[]) => {
  const run = await proda("loop", ...args, "--json");
  return { code: run.code, report: loopReportSchema.parse(JSON.parse(run.stdout)), stderr: run.stderr };
};
const V1_STAGES = ["extract", "benchmark", "build-v1", "gates-v1", "train-v1", "evaluate-v1", "evaluate-base", "trace"] as const;
const V2_STAGES = ["build-v2", "gates-v2", "train-v2", "evaluate-v2", "report"] as const;
/** Every stage's status: V1's, the patch review's, V2's. */
const stagesAre = (v1: string, patch: string, v2: string) => ({ ...Object.fromEntries(V1_STAGES.map((s) => [s, v1])), patch, ...Object.fromEntries(V2_STAGES.map((s) => [s, v2])) });

describe("proda loop without --auto-approve", () => {
  it("stops after tracing with the patches that wait for review named, then goes on once they are reviewed", async () => {
    expect((await proda("import", path.join(SHARED_CORPUS, "biology"), "--discipline", "biology")).code).toBe(0);

    const first = await proda("loop", "--budget", "10");
    expect(first.code, first.stderr).toBe(0);
    // One line per stage, then the figures.
    expect(first.stdout).toMatch(/^extract +ran +extracted \d+ chunks/m);
    expect(first.stdout).toMatch(/^trace +ran +traced \d+ of V1's \d+ failures/m);
    expect(first.stdout).toMatch(/^patch +waiting for review +\d+ patch(es)? of the trace wait for review.*`proda patch list --status PROPOSED`.*the Debugger page \(\/debugger\)/m);
    expect(first.stdout).toMatch(/^build-v2 +not run +the loop waits for the patch review/m);
    expect(first.stdout).toMatch(/^V1: \d+ instances; 0 orthogonality violations; accuracy \d+\.\d% \(biology/m);
    const waiting = await t.db().patch.count({ where: { status: "PROPOSED", gatePassed: true } });
    expect(waiting).toBeGreaterThan(0);
    expect(first.stdout).toContain(`${waiting} patch${waiting === 1 ? "" : "es"} of the trace wait for review`);

    // Again, with nobody having reviewed: the same stop, and no work.
    const jobRuns = await t.db().jobRun.count();
    const again = await json();
    expect(again.code).toBe(0);
    expect(statusOf(again.report)).toEqual(stagesAre("up to date", "waiting for review", "not run"));
    expect(again.report.trainingSets.V2).toBeNull();
    expect(again.report.models).toMatchObject({ V1: { accuracy: expect.any(Number) }, V2: null });
    expect(again.report.failures!.traced).toBeGreaterThan(0);
    expect(await t.db().jobRun.count()).toBe(jobRuns);
    expect(await t.db().patch.count({ where: { status: { not: "PROPOSED" } } })).toBe(0);

    // The annotators approve what the gate passes: the loop goes on from the patches, V1 untouched.
    expect((await proda("patch", "approve", "--all")).code).toBe(0);
    const reviewed = await json();
    expect(reviewed.code).toBe(0);
    expect(statusOf(reviewed.report)).toEqual(stagesAre("up to date", "up to date", "ran"));
    expect(reviewed.report.stages.find((s) => s.stage === "patch")!.reason).toMatch(new RegExp(`the review is done: ${waiting} approved, 0 rejected`));
    expect(reviewed.report.trainingSets.V2!.patches).toBe(waiting);
    expect(reviewed.report.models.V2!.accuracy).toBeGreaterThanOrEqual(reviewed.report.models.V1!.accuracy);
    expect(reviewed.report.trainingSets.V1).toEqual(again.report.trainingSets.V1);
  }, 150_000);

  it("stops with exit code 1 at a failed gate, and says which", async () => {
    // A chain cut down to one step breaks reachability (a chain has two steps at least).
    const chain = await t.db().chain.findFirstOrThrow({ where: { steps: { some: { position: 1 } } }, select: { id: true, steps: { select: { position: true }, orderBy: { position: "desc" } } } });
    await t.db().chainStep.deleteMany({ where: { chainId: chain.id, position: { gte: 1 } } });
    await t.db().chain.update({ where: { id: chain.id }, data: { summary: "cut short" } });
    const sets = await t.db().trainingSet.count();

    const failed = await json("--auto-approve");
    expect(failed.code).toBe(1);
    const gates = failed.report.stages.find((s) => s.stage === "gates-v1")!;
    expect(gates).toMatchObject({ status: "failed", reason: expect.stringMatching(/^gates-v1: the reachability gate failed: 1 violation/) });
    expect(statusOf(failed.report)["train-v1"]).toBe("not run");
    expect(failed.report.knowledge.reachability).toBeLessThan(1);
    // The set was built but never approved: nothing trains on data that failed a gate.
    expect(await t.db().trainingSet.count()).toBe(sets + 1);
    expect(await t.db().trainingSet.count({ where: { status: "APPROVED" } })).toBe(2);

    const plain = await proda("loop");
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/proda: gates-v1: the reachability gate failed/);
    // Every run is recorded, with how it ended.
    const runs = await t.db().loopRun.findMany({ orderBy: { startedAt: "asc" }, select: { status: true, finishedAt: true } });
    expect(runs.map((r) => r.status)).toEqual(["waiting", "waiting", "done", "failed", "failed"]);
    expect(runs.every((r) => r.finishedAt)).toBe(true);
  }, 150_000);
});
