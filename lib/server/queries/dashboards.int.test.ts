// The leads' dashboard over real route handlers and a real database: the report's figures on a
// hand-made fixture (test/dashboard-fixture.ts), its choices and their refusals, and external
// scores entered, imported (a bad CSV names its lines and writes nothing) and deleted by leads only.
import { beforeAll, describe, expect, it } from "vitest";
import * as report from "@/app/api/dashboards/report/route";
import * as scores from "@/app/api/external-scores/route";
import * as score from "@/app/api/external-scores/[id]/route";
import * as scoresImport from "@/app/api/external-scores/import/route";
import type { DashboardReport } from "@/lib/domain/dashboards";
import type { Principal } from "@/lib/server/auth/principal";
import type { RouteHandler } from "@/lib/server/http/define-route";
import { createAccount } from "@/lib/server/services/auth/accounts";
import { createToken } from "@/lib/server/services/auth/api-tokens";
import { seedDashboardFixture } from "@/test/dashboard-fixture";
import { useTestDatabase } from "@/test/database";
import { callRoute, ORIGIN } from "@/test/http";
import { NextRequest } from "next/server";

const t = useTestDatabase();
const auth: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  const db = t.db();
  await seedDashboardFixture(db);
  for (const role of ["LEAD", "VIEWER"] as const) {
    const user = await db.$transaction((tx) => createAccount(tx, { email: `${role.toLowerCase()}@example.test`, name: `Lee ${role.toLowerCase()}`, password: "a long enough password", role }));
    const principal: Principal = { userId: user.id, email: user.email, name: user.name, role, via: "session" };
    auth[role] = { authorization: `Bearer ${(await createToken(db, principal, { name: "t" }, null)).token}` };
  }
}, 60_000);

const getReport = async (query: Record<string, string> = {}, as = "VIEWER") => {
  const res = await callRoute(report.GET, "GET", "/api/dashboards/report", { headers: auth[as], query });
  return { status: res.status, json: res.json as DashboardReport & { error?: { code: string; message: string; details: unknown } } };
};

/** A CSV upload as `curl --data-binary @scores.csv -H 'content-type: text/csv'` sends it. */
async function importCsv(csv: string, as = "LEAD") {
  const req = new NextRequest(new URL("/api/external-scores/import", ORIGIN), { method: "POST", headers: { origin: ORIGIN, "content-type": "text/csv", ...auth[as] }, body: csv });
  const res = await (scoresImport.POST as RouteHandler)(req, { params: Promise.resolve({}) });
  return { status: res.status, json: (await res.json()) as { imported?: number; created?: number; updated?: number; error?: { code: string; message: string; details: { lines: { line: number; message: string }[] } } } };
}

describe("the comparison report", () => {
  it("by default compares every version evaluated on the newest frozen benchmark, the pair being the two newest", async () => {
    const { status, json: r } = await getReport();
    expect(status).toBe(200);
    expect(r.benchmark).toMatchObject({ version: 1, items: 10 });
    expect(r.benchmarks).toEqual([expect.objectContaining({ version: 1, items: 10, evaluated: 3 })]);
    expect(r.available.map((a) => [a.name, a.stage, a.accuracy])).toEqual([["base", "BASE", 0.5], ["V1", "V1", 0.7], ["V2", "V2", 0.8]]);
    expect(r.models.map((m) => [m.name, m.overall.correct, m.overall.n])).toEqual([["base", 5, 10], ["V1", 7, 10], ["V2", 8, 10]]);
    // Wilson 95% for 7/10: 0.39677–0.89221.
    expect(r.models[1].overall.interval.low).toBeCloseTo(0.39677, 4);
    expect(r.models[1].overall.interval.high).toBeCloseTo(0.89221, 4);
    // V2 − V1: +10 points, i3 and i6 fixed, i5 broken: exact McNemar p = 2 · (1 + 3) / 8, capped at 1.
    expect(r.pair).toMatchObject({ first: "V1", second: "V2", n: 10, fixed: 2, broken: 1, mcnemar: { pValue: 1, method: "exact" } });
    expect(r.pair!.deltaPoints).toBeCloseTo(10, 10);
    expect(r.pair!.sentence).toContain("V2 − V1: +10.0 points (70.0% → 80.0% on 10 items), McNemar p = 1.00: 2 fixed, 1 broken.");
  });

  it("gives per discipline counts, accuracies and the pair's delta, per chain length, and the chosen distractors", async () => {
    const { json: r } = await getReport();
    const [bio, chem] = r.byDiscipline;
    expect(bio).toMatchObject({ slug: "biology", name: "Biology", items: 6, models: { base: { correct: 3, n: 6 }, V1: { correct: 4, n: 6 }, V2: { correct: 5, n: 6 } }, pair: { fixed: 2, broken: 1 } });
    expect(bio.pair!.deltaPoints).toBeCloseTo(100 / 6, 10);
    expect(chem).toMatchObject({ slug: "chemistry", items: 4, models: { base: { correct: 2 }, V1: { correct: 3 }, V2: { correct: 3 } }, pair: { deltaPoints: 0, fixed: 0, broken: 0 } });
    expect(r.byLength.map((l) => [l.hops, l.items, l.models.base.correct, l.models.V1.correct, l.models.V2.correct])).toEqual([[2, 5, 4, 4, 3], [3, 5, 1, 3, 5]]);
    expect(r.models[0].operators).toMatchObject({ INVREL: 0.2, TRUNC: 0.1, NEARMISS: 0.1, unparseable: 0.1 });
    expect(r.models[1].operators.counts).toEqual({ INVREL: 2, TRUNC: 0, NEARMISS: 1, unparseable: 0 });
    expect(r.answerBias).toMatchObject({ items: 10, chance: 0.25, longestOption: 0.333 });
  });

  it("links each flip to the patches behind it: made for the item, or in V2's data teaching its chain", async () => {
    const { json: r } = await getReport();
    const flips = Object.fromEntries(r.flips.map((f) => [f.itemId, [f.kind, f.wrongChose, f.patches.map((p) => `${p.id}:${p.via}:${p.inLineage}`)]]));
    expect(flips).toEqual({
      i3: ["fixed", "INVREL", ["p1:item:true"]],
      i5: ["broken", "INVREL", ["p4:chain:true"]],
      i6: ["fixed", "INVREL", ["p2:item:true"]],
    });
    const p1 = r.flips.find((f) => f.itemId === "i3")!.patches[0];
    expect(p1).toMatchObject({ target: "concept a3 causes concept c3", targetKind: "relation", status: "APPLIED", appliedTo: { id: "s2", name: "v1-data", version: 2 } });
  });

  it("gives V1's diagnoses by discipline from its debug run, and the CORE reports side by side", async () => {
    const { json: r } = await getReport();
    const v1 = r.diagnoses.find((d) => d.model === "V1")!;
    expect(v1.traced).toBe(3);
    expect(v1.byDiscipline.map((d) => [d.slug, d.counts.MISSING_RELATION, d.counts.MISSING_CONCEPT, d.counts.COMPOSITION])).toEqual([["biology", 1, 1, 0], ["chemistry", 0, 0, 1]]);
    expect(r.diagnoses.find((d) => d.model === "base")).toMatchObject({ debugRunId: null, traced: 0, byDiscipline: [] });
    expect(r.core.map((c) => [c.model, c.trainingSet?.version ?? null, c.contextualized, c.evolving?.patches ?? null])).toEqual([["base", null, null, null], ["V1", 1, 0.8, 0], ["V2", 2, 11 / 13, 3]]);
    expect(r.core[2].evolving).toMatchObject({ parent: "v1-data v1", added: 3 });
  });

  it("compares the versions and pair the URL names, with the lineage since the older one", async () => {
    const { status, json: r } = await getReport({ benchmark: "v1", models: "base,V2", pair: "base,V2" });
    expect(status).toBe(200);
    expect(r.models.map((m) => m.name)).toEqual(["base", "V2"]);
    // base → V2: i3 i4 i6 i10 fixed, i5 broken; exact p = 2 · (1 + 5) / 32.
    expect(r.pair).toMatchObject({ first: "base", second: "V2", fixed: 4, broken: 1 });
    expect(r.pair!.mcnemar.pValue).toBeCloseTo(12 / 32, 12);
    expect(r.flips.map((f) => f.itemId)).toEqual(["i3", "i4", "i5", "i6", "i10"]);
  });

  it("refuses versions not evaluated on the benchmark, a pair outside the compared ones, and an unknown benchmark, in the error shape", async () => {
    const unknown = await getReport({ models: "V1,V9" });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ code: "BAD_INPUT", message: expect.stringContaining("Not evaluated on benchmark v1: V9"), details: { fields: [{ field: "models" }] } });
    const stray = await getReport({ models: "V1,V2", pair: "base,V2" });
    expect(stray.status).toBe(400);
    expect(stray.json.error!.message).toContain("base is not");
    expect((await getReport({ pair: "V2,V2" })).status).toBe(400);
    expect((await getReport({ benchmark: "v7" })).json.error).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("external scores", () => {
  it("a viewer reads them but may not write them", async () => {
    expect((await callRoute(scores.GET, "GET", "/api/external-scores", { headers: auth.VIEWER })).status).toBe(200);
    expect((await callRoute(scores.POST, "POST", "/api/external-scores", { headers: auth.VIEWER, body: { model: "V1", benchmark: "GPQA", score: 30 } })).status).toBe(403);
    expect((await importCsv("model,benchmark,score\nV1,GPQA,30\n", "VIEWER")).status).toBe(403);
  });

  it("a bad CSV is refused with its lines numbered, and nothing is written", async () => {
    const bad = await importCsv("model,benchmark,score\nV1,GPQA,30\nV9,GPQA,31\nV2,GPQA,lots\n\nbase,GPQA,20,extra\n");
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: "BAD_INPUT",
      message: "3 bad lines; nothing was imported",
      details: { lines: [{ line: 3, message: 'model: no model version named "V9"' }, { line: 4, message: 'score: "lots" is not a number' }, { line: 6, message: "expected 3 fields (model, benchmark, score), found 4" }] },
    });
    expect(await t.db().externalScore.count()).toBe(0);
    expect((await importCsv("name,score\nV1,3\n")).json.error!.details.lines[0]).toMatchObject({ line: 1, message: expect.stringContaining("header") });
  });

  it("imports a good CSV in one go, then an entry changes one score; the report correlates them with this benchmark", async () => {
    const ok = await importCsv("model,benchmark,score\r\nbase,GPQA,30\r\nV1,GPQA,45\r\nV2,GPQA,45\r\nbase,MMLU-Pro,60\r\nV1,MMLU-Pro,50\r\n");
    expect(ok).toMatchObject({ status: 200, json: { imported: 5, created: 5, updated: 0 } });
    // Entered with another case: the spelling already there is kept, and the score changed.
    const edit = await callRoute(scores.POST, "POST", "/api/external-scores", { headers: auth.LEAD, body: { model: "V2", benchmark: "mmlu-pro", score: 70 } });
    expect(edit.json).toMatchObject({ model: "V2", benchmark: "MMLU-Pro", score: 70, created: true });
    const again = await importCsv("model,benchmark,score\nV2,GPQA,50\n");
    expect(again.json).toMatchObject({ imported: 1, created: 0, updated: 1 });

    const { json: r } = await getReport();
    expect(r.external.scores.map((s) => `${s.benchmark}/${s.model}=${s.score}`)).toEqual(["GPQA/base=30", "GPQA/V1=45", "GPQA/V2=50", "MMLU-Pro/base=60", "MMLU-Pro/V1=50", "MMLU-Pro/V2=70"]);
    expect(r.external.scores[0].updatedBy).toBe("Lee lead");
    const byName = Object.fromEntries(r.external.correlations.map((c) => [c.benchmark, c]));
    // Accuracy 0.5, 0.7, 0.8: GPQA 30, 45, 50 is the same order (ρ = 1); MMLU-Pro 60, 50, 70 ranks 2, 1, 3 (ρ = 0.5).
    expect(byName.GPQA).toMatchObject({ n: 3, rho: 1 });
    expect(byName["MMLU-Pro"].n).toBe(3);
    expect(byName["MMLU-Pro"].rho).toBeCloseTo(0.5, 12);
    // Pooled: scores 30 45 50 60 50 70 rank 1, 2, 3.5, 5, 3.5, 6 against accuracies ranked 1.5, 3.5, 5.5, 1.5, 3.5, 5.5: 7 / √(17 · 16).
    expect(byName.overall.n).toBe(6);
    expect(byName.overall.rho).toBeCloseTo(7 / Math.sqrt(17 * 16), 12);
  });

  it("a lead deletes a score; a missing one is a 404", async () => {
    const [first] = (await t.db().externalScore.findMany({ take: 1 }));
    const del = await callRoute(score.DELETE, "DELETE", `/api/external-scores/${first.id}`, { headers: auth.LEAD, params: { id: first.id } });
    expect(del).toMatchObject({ status: 200 });
    expect((await callRoute(score.DELETE, "DELETE", `/api/external-scores/${first.id}`, { headers: auth.LEAD, params: { id: first.id } })).status).toBe(404);
    expect(await t.db().externalScore.count()).toBe(5);
  });
});
