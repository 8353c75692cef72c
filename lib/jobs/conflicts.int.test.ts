import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { cancelRun, retryRun } from "@/lib/server/services/jobs/control-run";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { startExtraction } from "@/lib/server/services/knowledge/start-extraction";
import { knowledgeExtractHandler } from "@/workers/handlers/knowledge-extract";
import { runInline } from "@/workers/runtime/run-inline";
import { keysOverlap } from "./conflicts";
import { BY_SYSTEM } from "./created-by";
import { knowledgeExtractJob } from "./knowledge-extract";

const t = useTestDatabase();
beforeAll(() => ensureDefaultDisciplines(t.db()));
// Through the service the extraction route calls, which labels each run with its discipline's name.
const extract = (p: { discipline?: string; force?: boolean }) => startExtraction(t.db(), { engine: "local", ...p }, BY_SYSTEM);

describe("conflict keys", () => {
  it("overlap when equal, or when one covers its whole scope", () => {
    expect(keysOverlap("knowledge-structure:biology", "knowledge-structure:biology")).toBe(true);
    expect(keysOverlap("knowledge-structure:*", "knowledge-structure:physics")).toBe(true);
    expect(keysOverlap("knowledge-structure:physics", "knowledge-structure:*")).toBe(true);
    expect(keysOverlap("knowledge-structure:biology", "knowledge-structure:physics")).toBe(false);
    expect(keysOverlap("corpus:*", "knowledge-structure:physics")).toBe(false);
  });
});

describe("conflicting re-runs are refused (409) naming the live run", () => {
  it("one extraction per discipline, an extraction of all alone; in the queue, in the CLI and on retry", async () => {
    const biology = await extract({ discipline: "biology" });
    expect(biology.conflictKey).toBe("knowledge-structure:biology");
    const forced = extract({ discipline: "biology", force: true });
    await expect(forced).rejects.toMatchObject({ code: "CONFLICT", status: 409, details: { runId: biology.id, status: "QUEUED" } });
    // The message names the run as people know it, by the discipline's name; slugs stay in the details.
    await expect(forced).rejects.toThrow(`“Extract Biology” (Extract knowledge run ${biology.id}) is queued on the same data`);
    await expect(forced).rejects.toMatchObject({ message: expect.not.stringMatching(/\bbiology\b/), details: { conflictKey: "knowledge-structure:biology" } });
    const physics = await extract({ discipline: "physics" });
    await expect(extract({})).rejects.toMatchObject({ code: "CONFLICT", details: { runId: biology.id } });
    await expect(runInline(t.db(), knowledgeExtractJob, knowledgeExtractHandler, { engine: "local", discipline: "physics" })).rejects.toMatchObject({ code: "CONFLICT", details: { runId: physics.id } });
    const before = await t.db().jobRun.count();

    await cancelRun(t.db(), biology.id);
    await cancelRun(t.db(), physics.id);
    const all = await extract({ force: true });
    await expect(retryRun(t.db(), biology.id)).rejects.toMatchObject({ code: "CONFLICT", details: { runId: all.id } });
    expect((await t.db().jobRun.findUniqueOrThrow({ where: { id: biology.id } })).status).toBe("CANCELLED");
    expect(await t.db().jobRun.count()).toBe(before + 1);
    await cancelRun(t.db(), all.id);
  });

  it("lets exactly one of two simultaneous requests through", async () => {
    const results = await Promise.allSettled([extract({ discipline: "chemistry" }), extract({ discipline: "chemistry", force: true }), extract({ discipline: "chemistry" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["CONFLICT", "CONFLICT"]);
  });
});
