// `proda loop` as data CI runs it: the whole loop in one command on the shared corpus (biology),
// then again with nothing changed (no work at all), then after a change (only what is downstream).
// A base model served by a real OpenAI-compatible server on 127.0.0.1 is evaluated with V1 and V2.
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { DIAGNOSES } from "@/lib/domain/debugger/types";
import { LOOP_STAGES, loopReportSchema, type LoopReport, type StageName } from "@/lib/server/services/loop/loop-report";
import { prodaAgainst } from "@/test/cli";
import { describeGain } from "@/lib/server/services/loop/loop-figures";
import { useTestDatabase } from "@/test/database";
import { SHARED_CORPUS } from "@/test/fixtures";
import { useEnvEndpoint } from "@/test/openai-server";

const t = useTestDatabase();
const proda = prodaAgainst(() => t.url());
// A base model that always answers A: the loop evaluates it beside V1 and V2.
useEnvEndpoint(() => ({ content: "A" }), "scripted-base");

async function loop(...args: string[]): Promise<LoopReport> {
  const run = await proda("loop", ...args, "--json");
  expect(run.code, `proda loop ${args.join(" ")}: ${run.stderr}${run.stdout.slice(0, 600)}`).toBe(0);
  return loopReportSchema.parse(JSON.parse(run.stdout));
}
const statuses = (r: LoopReport) => Object.fromEntries(r.stages.map((s) => [s.stage, s.status]));
const only = (ran: StageName[]) => Object.fromEntries(LOOP_STAGES.map((s) => [s, ran.includes(s) ? "ran" : "up to date"]));
const counts = async () => {
  const db = t.db();
  const [jobRuns, trainingSets, models, evaluations, benchmarks] = await Promise.all([db.jobRun.count(), db.trainingSet.count(), db.modelVersion.count(), db.evaluationRun.count(), db.benchmark.count()]);
  return { jobRuns, trainingSets, models, evaluations, benchmarks };
};

describe("proda loop", () => {
  it("runs every stage from an imported corpus and prints the documented JSON; a second run does no work", async () => {
    expect((await proda("import", path.join(SHARED_CORPUS, "biology"), "--discipline", "biology")).code).toBe(0);
    expect((await proda("models", "register", "--name", "base", "--endpoint", "env", "--stage", "BASE")).code).toBe(0);

    const first = await proda("loop", "--auto-approve", "--budget", "10", "--json");
    expect(first.code, first.stderr + first.stdout.slice(0, 600)).toBe(0);
    const raw = JSON.parse(first.stdout);
    // Exactly the documented keys (the schema is strict, and says so again here for a reader).
    expect(Object.keys(raw).sort()).toEqual(["benchmark", "failures", "gain", "knowledge", "models", "orthogonality", "stages", "trainingSets"]);
    const r = loopReportSchema.parse(raw);
    expect(r.stages.map((s) => s.stage)).toEqual([...LOOP_STAGES]);
    expect(statuses(r)).toEqual(only([...LOOP_STAGES]));
    for (const s of r.stages) expect(s.reason).not.toBe("");

    expect(r.knowledge).toMatchObject({ reachability: 1 });
    expect(Math.min(r.knowledge.concepts, r.knowledge.relations, r.knowledge.chains)).toBeGreaterThan(0);
    expect(Object.keys(r.benchmark!.byOperator).sort()).toEqual(["INVREL", "NEARMISS", "TRUNC"]);
    expect(r.benchmark!.items).toBeGreaterThan(0);
    expect(r.orthogonality).toEqual({ V1: { violations: 0 }, V2: { violations: 0 } });
    const { V1, V2 } = r.trainingSets;
    expect(V2!.patches).toBeGreaterThan(0);
    expect(V2!.instances).toBe(V1!.instances + V2!.patches);
    expect(r.models.V1!.accuracy).toBeLessThan(1);
    expect(r.models.V2!.accuracy).toBeGreaterThanOrEqual(r.models.V1!.accuracy);
    expect(Object.keys(r.models.V1!.byDiscipline)).toEqual(["biology"]);
    expect(Object.keys(r.failures!.byDiagnosis).sort()).toEqual([...DIAGNOSES].sort());
    expect(r.failures!.traced).toBe(r.failures!.V1);
    expect(Object.values(r.failures!.byDiagnosis).reduce((a, b) => a + b, 0)).toBe(r.failures!.traced);
    // The same versions the step-by-step commands make: V1 and V2 of the local student, base beside them.
    const models = await t.db().modelVersion.findMany({ select: { name: true, stage: true, trainer: true, evaluations: { select: { finishedAt: true } } }, orderBy: { name: "asc" } });
    expect(models.map((m) => [m.name, m.stage, m.trainer, m.evaluations.length])).toEqual([
      ["V1", "V1", "local", 1],
      ["V2", "V2", "local", 1],
      ["base", "BASE", "registered", 1],
    ]);
    // The gain, paired by item, with its interval; the same figures the report stage states.
    const g = r.gain!;
    expect([g.V1, g.V2, g.items]).toEqual([r.models.V1!.accuracy, r.models.V2!.accuracy, r.benchmark!.items]);
    expect(g.difference).toBeCloseTo(g.V2 - g.V1, 10);
    expect(g.interval.low).toBeLessThanOrEqual(g.difference);
    expect(g.interval.high).toBeGreaterThanOrEqual(g.difference);
    expect(g.fixed - g.broken).toBe(Math.round(g.difference * g.items));
    expect(r.stages.find((s) => s.stage === "report")!.reason.startsWith(describeGain(g))).toBe(true);
    expect(r.stages.find((s) => s.stage === "report")!.reason).toMatch(/^V2 − V1: [+−]\d+\.\d points \(\d+\.\d% → \d+\.\d% on \d+ items\), 95% interval [+−]\d+\.\d to [+−]\d+\.\d: \d+ fixed, \d+ broken/);

    const before = await counts();
    const second = await loop("--auto-approve");
    expect(statuses(second)).toEqual(only([]));
    expect(await counts()).toEqual(before);
    // The same figures: nothing was built, so nothing moved.
    expect({ ...second, stages: [] }).toEqual({ ...r, stages: [] });
    // The budget given once stays in effect: the stage says what V1 was built after.
    expect(second.stages.find((s) => s.stage === "build-v1")!.reason).toMatch(/v1-data@1/);
  }, 150_000);

  it("runs again only the stages downstream of what changed", async () => {
    // A base model registered since: only its evaluation has work.
    expect((await proda("models", "register", "--name", "official", "--endpoint", "env", "--stage", "OFFICIAL")).code).toBe(0);
    const before = await counts();
    const registered = await loop();
    expect(statuses(registered)).toEqual(only(["evaluate-base"]));
    expect(registered.stages.find((s) => s.stage === "evaluate-base")!.reason).toMatch(/official \(OFFICIAL\)/);
    expect(await counts()).toEqual({ ...before, jobRuns: before.jobRuns + 1, evaluations: before.evaluations + 1 });

    // An expert's edit of the knowledge: the documents did not change, everything after the benchmark runs again.
    const relation = await t.db().relation.findFirstOrThrow({ orderBy: { id: "asc" } });
    await t.db().relation.update({ where: { id: relation.id }, data: { status: "APPROVED" } });
    const edited = await loop("--auto-approve");
    expect(statuses(edited)).toEqual(only(LOOP_STAGES.filter((s) => s !== "extract")));
    expect(edited.stages.find((s) => s.stage === "benchmark")!.reason).toMatch(/its inputs changed: newestEdit changed/);
    expect(edited.benchmark!.id).not.toBe(registered.benchmark!.id);
    expect(edited.orthogonality).toEqual({ V1: { violations: 0 }, V2: { violations: 0 } });
    const after = await counts();
    expect(after).toMatchObject({ benchmarks: before.benchmarks + 1, trainingSets: before.trainingSets + 2, models: before.models + 2 });
    // The retrained versions take the next free names; the earlier V1 and V2 stay as they were.
    const names = (await t.db().modelVersion.findMany({ where: { stage: { in: ["V1", "V2"] } }, select: { name: true }, orderBy: { name: "asc" } })).map((m) => m.name);
    expect(names).toEqual(["V1", "V1-2", "V2", "V2-2"]);
  }, 150_000);

  it("refuses bad flags with exit code 2 and the reason, and changes nothing", async () => {
    const before = await counts();
    const budget = await proda("loop", "--budget", "0", "--json");
    expect(budget.code).toBe(2);
    expect(JSON.parse(budget.stdout)).toEqual({ error: { code: "BAD_INPUT", message: "--budget must be a positive whole number, not 0" } });
    const trainer = await proda("loop", "--trainer", "gpu");
    expect(trainer.code).toBe(2);
    expect(trainer.stderr).toMatch(/--trainer must be one of local, openai, together, not gpu/);
    expect((await proda("loop", "--engine", "gpt", "--json")).code).toBe(2);
    const endpoint = await proda("loop", "--endpoint", "my-llm", "--json");
    expect(endpoint.code).toBe(2);
    expect(JSON.parse(endpoint.stdout).error.message).toMatch(/--endpoint names the endpoint of --engine llm or of a remote --trainer/);
    expect((await proda("loop", "--auto-aprove")).code).toBe(2);
    const from = await proda("loop", "--from", "compile", "--json");
    expect(from.code).toBe(2);
    expect(JSON.parse(from.stdout).error.message).toBe(
      "--from must be one of the stages extract, benchmark, build-v1, gates-v1, train-v1, evaluate-v1, evaluate-base, trace, patch, build-v2, gates-v2, train-v2, evaluate-v2, report, not compile",
    );
    expect(await counts()).toEqual(before);
  });

  it("refuses to run while another loop runs on the workspace", async () => {
    // The other loop, as far as this one can tell: a session holding the loop's lock.
    const other = new pg.Client({ connectionString: t.url() });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock(727310002)");
      const loops = await t.db().loopRun.count();
      const refused = await proda("loop", "--json");
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stdout).error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Another `proda loop` is running/) });
      expect(await t.db().loopRun.count()).toBe(loops);
    } finally {
      await other.end();
    }
  });
});
