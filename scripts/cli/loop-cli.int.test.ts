// The lead's and annotators' loop, headless, as a data-CI script would run it: test first, V1 with
// the local student, the Debugger, patches, V2; each step's JSON and exit code checked.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prodaAgainst } from "@/test/cli";
import { useTestDatabase } from "@/test/database";
import { SHARED_CORPUS } from "@/test/fixtures";

const t = useTestDatabase();
const proda = prodaAgainst(() => t.url());
const json = async (...args: string[]) => {
  const run = await proda(...args, "--json");
  expect(run.code, `proda ${args.join(" ")}: ${run.stderr}${run.stdout.slice(0, 400)}`).toBe(0);
  return JSON.parse(run.stdout);
};

describe("proda benchmark --freeze, build, check, approve, train, eval, debug, patch", () => {
  it("runs V1 to V2 headless, and refuses bad flags with exit code 2", async () => {
    await json("import", path.join(SHARED_CORPUS, "biology"), "--discipline", "biology");
    await json("extract");
    await json("benchmark", "--freeze");
    await json("build", "--name", "v1-data", "--budget", "10", "--tested-only");
    await json("check");
    await json("approve", "v1-data");

    expect((await proda("train", "--name", "V1", "--epochs", "0")).code).toBe(2);
    const v1 = await json("train", "--trainer", "local", "--name", "V1");
    expect(v1).toMatchObject({ name: "V1", stage: "V1", trainer: "local", trainingSet: { name: "v1-data" } });
    const e1 = await json("eval", "--model", "V1");
    expect(e1.accuracy).toBeGreaterThan(0);
    expect(e1.accuracy).toBeLessThan(1);
    expect(e1).toMatchObject({ interval: { low: expect.any(Number), high: expect.any(Number) }, byDiscipline: { biology: expect.any(Object) }, byOperator: expect.any(Object), byLength: expect.any(Object), unparseable: expect.any(Number) });

    const debug = await json("debug", "--model", "V1");
    const failures = e1.n - e1.correct;
    expect(debug).toMatchObject({ model: "V1", failures, traced: failures });
    expect(Object.values(debug.byDiagnosis as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(failures);
    expect(debug.patches.proposed).toBeGreaterThan(0);

    expect((await proda("patch", "approve")).code).toBe(2);
    const listed = await json("patch", "list", "--status", "PROPOSED");
    expect(listed.items.length).toBe(debug.patches.proposed);
    const approved = await json("patch", "approve", "--all");
    expect(approved.items.length).toBe(debug.patches.proposed - debug.patches.gateFailed);
    const v2set = await json("patch", "apply");
    expect(v2set).toMatchObject({ name: "v1-data", version: 2, parent: { name: "v1-data", version: 1 }, patches: approved.items.length });
    await json("check");
    await json("approve", "v1-data@2");
    await json("train", "--trainer", "local", "--training-set", "v1-data@2", "--name", "V2");
    const e2 = await json("eval", "--model", "V2");
    expect(e2.correct).toBeGreaterThan(e1.correct);
    const models = await json("models");
    expect(models.items.map((m: { name: string }) => m.name)).toEqual(["V1", "V2"]);
  }, 300_000);
});
