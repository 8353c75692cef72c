// `proda report` as a script runs it: the dashboard's figures as JSON (the report's schema) and as
// a readable table, and choices it cannot honour refused in the CLI's error shape.
import { beforeAll, describe, expect, it } from "vitest";
import { dashboardReportSchema } from "@/lib/domain/dashboards";
import { prodaAgainst } from "@/test/cli";
import { seedDashboardFixture } from "@/test/dashboard-fixture";
import { useTestDatabase } from "@/test/database";

const t = useTestDatabase();
const proda = prodaAgainst(() => t.url());

beforeAll(async () => {
  await seedDashboardFixture(t.db());
}, 60_000);

describe("proda report", () => {
  it("prints the dashboard's figures as JSON for the versions and pair asked for", async () => {
    const run = await proda("report", "--models", "base,V2", "--json");
    expect(run.code, run.stderr).toBe(0);
    const r = dashboardReportSchema.parse(JSON.parse(run.stdout));
    expect(r.models.map((m) => [m.name, m.overall.correct, m.overall.n])).toEqual([["base", 5, 10], ["V2", 8, 10]]);
    expect(r.pair).toMatchObject({ first: "base", second: "V2", fixed: 4, broken: 1 });
    expect(r.pair!.mcnemar.pValue).toBeCloseTo(12 / 32, 12);
    expect(r.byDiscipline.map((d) => [d.slug, d.models.base.correct, d.models.V2.correct])).toEqual([["biology", 3, 5], ["chemistry", 2, 3]]);
  }, 60_000);

  it("prints a readable report by default: overall, the paired test in words, disciplines, flips with patches, CORE", async () => {
    const run = await proda("report", "--benchmark", "v1");
    expect(run.code, run.stderr).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Benchmark v1 "Dashboard fixture": 10 active items. Compared: base, V1, V2');
    expect(out).toMatch(/V1\s+V1\s+70\.0%\s+39\.7%–89\.2%\s+7\s+10\s+0/);
    expect(out).toContain("V2 − V1: +10.0 points (70.0% → 80.0% on 10 items), McNemar p = 1.00: 2 fixed, 1 broken.");
    expect(out).toMatch(/Biology\s+6\s+50\.0% 3\/6\s+66\.7% 4\/6\s+83\.3% 5\/6\s+\+16\.7 pts\s+2\s+1/);
    expect(out).toContain("Flips V1 → V2: 2 fixed, 1 broken");
    expect(out).toMatch(/broken\s+#5\s+biology.*\n\s+patches: p4 \(definition of concept concept c5, in v1-data v2\)/);
    expect(out).toContain("base: not traced (`proda debug --model base`)");
    expect(out).toMatch(/V2\s+v1-data v2 \(13\)\s+84\.6%\s+100\.0%\s+pending\s+\+3 since v1-data v1, 3 patches/);
  }, 60_000);

  it("refuses a version not evaluated on the benchmark: exit code 1, the error as JSON", async () => {
    const run = await proda("report", "--models", "V1,nope", "--json");
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ error: { code: "BAD_INPUT", message: expect.stringContaining("Not evaluated on benchmark v1: nope"), details: { fields: [{ field: "models", message: expect.any(String) }] } } });
  }, 60_000);
});
