// The Jobs list and detail as the API serves them: who started each run, and for imports the
// outcome summed up from the stored report in SQL, in one statement per page.
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/auth/roles";
import { importCounts, importCountsSchema, importFailures } from "@/lib/domain/corpus/import-outcome";
import { runCreatorSchema } from "@/lib/domain/jobs/run-creator";
import { BY_SYSTEM, createdBy } from "@/lib/jobs/created-by";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import type { Principal } from "@/lib/server/auth/principal";
import { createAccount } from "@/lib/server/services/auth/accounts";
import { createToken } from "@/lib/server/services/auth/api-tokens";
import type { ImportReport } from "@/lib/server/services/corpus/import-report";
import { startUploadImport } from "@/lib/server/services/corpus/start-upload-import";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { corruptPdf } from "@/test/documents";
import { paragraph, spooledFile, tempFolder } from "@/test/fixtures";
import { appRoutes, callRoute, type RouteFile } from "@/test/http";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { executeRun } from "@/workers/runtime/execute-run";
import { runInline } from "@/workers/runtime/run-inline";
import { getRun, listRuns } from "./jobs";

const t = useTestDatabase();
let routes: RouteFile[] = [];
let ada: Principal;
let token: string;
const runs: Record<"failed" | "partly" | "extraction", string> = { failed: "", partly: "", extraction: "" };

// What the browser receives for a row (lib/client/jobs.ts types it from the same schemas).
const row = z.object({ id: z.string(), type: z.string(), status: z.string(), createdBy: runCreatorSchema, importCounts: importCountsSchema.nullable() });
const route = (pattern: string) => routes.find((r) => r.pattern === pattern)!.handlers;
const listed = async (query: Record<string, string> = {}) => {
  const res = await callRoute(route("/api/jobs").GET!, "GET", "/api/jobs", { headers: { authorization: `Bearer ${token}` }, query });
  expect(res.status).toBe(200);
  const body = res.json as { items: unknown[]; nextCursor: string | null };
  return { items: body.items.map((i) => row.parse(i)), nextCursor: body.nextCursor };
};

beforeAll(async () => {
  routes = await appRoutes();
  await ensureDefaultDisciplines(t.db());
  const role: Role = "EXPERT";
  const user = await t.db().$transaction((tx) => createAccount(tx, { email: "ada@example.test", name: "Ada Expert", password: "correct horse battery", role }));
  ada = { userId: user.id, email: user.email, name: user.name, role, via: "session" };
  token = (await createToken(t.db(), ada, { name: "nightly" }, null)).token;

  // Ada uploads two files that both fail, in the studio; a worker runs the import.
  const upload = await startUploadImport(t.db(), [spooledFile("a.pdf", corruptPdf()), spooledFile("b.pdf", corruptPdf())], createdBy(ada), "biology");
  expect((await executeRun(t.db(), corpusImportHandler, upload.id, corpusImportJob.payload.parse(upload.payload), { retryCount: 0, retryLimit: 0 })).outcome).toBe("succeeded");
  runs.failed = upload.id;
  // The CLI imports a folder where one of two files fails.
  const dir = tempFolder({ "biology/cells.md": `# Cells\n\n${paragraph("Cells")}`, "biology/broken.pdf": corruptPdf() });
  runs.partly = (await runInline(t.db(), corpusImportJob, corpusImportHandler, { source: { kind: "path", path: dir } })).runId;
  // A script starts an extraction with Ada's token, through the API.
  const started = await callRoute(route("/api/knowledge/extractions").POST!, "POST", "/api/knowledge/extractions", {
    headers: { authorization: `Bearer ${token}` },
    body: { discipline: "biology", engine: "local" },
  });
  expect(started.status).toBe(202);
  runs.extraction = (started.json as { id: string }).id;
});

describe("the Jobs list", () => {
  it("shows each run's starter and an import's outcome, so a run whose every file failed is not a success", async () => {
    const { items } = await listed();
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(runs.failed)).toMatchObject({ status: "SUCCEEDED", createdBy: { origin: "STUDIO", user: "Ada Expert", token: null }, importCounts: { imported: 0, skipped: 0, errors: 2 } });
    expect(importFailures(byId.get(runs.failed)!.importCounts!)?.label).toBe("Failed (2 of 2 files)");
    expect(byId.get(runs.partly)).toMatchObject({ createdBy: { origin: "CLI", user: null }, importCounts: { imported: 1, errors: 1 } });
    expect(importFailures(byId.get(runs.partly)!.importCounts!)?.label).toBe("Partly failed (1 of 2 files)");
    expect(byId.get(runs.extraction)).toMatchObject({ type: "knowledge-extract", createdBy: { origin: "API_TOKEN", user: "Ada Expert", token: "nightly" }, importCounts: null });
  });

  it("sums up in SQL exactly what the whole report says", async () => {
    const { items } = await listed({ type: corpusImportJob.name });
    for (const item of items) {
      const { run } = await getRun(t.db(), item.id);
      expect(item.importCounts).toEqual(importCounts(run.result as unknown as ImportReport));
    }
  });

  it("reads a page in one statement, and pages and filters by status and type", async () => {
    // Counted as Postgres sees them: a relation loaded per row, or in a second query, would show.
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: t.url() }), log: [{ emit: "event", level: "query" }] });
    const statements: string[] = [];
    client.$on("query", (e) => statements.push(e.query));
    expect((await listRuns(client, { limit: 50 })).items).toHaveLength(3);
    await client.$disconnect();
    expect(statements).toHaveLength(1);
    const first = await listed({ limit: "1" });
    const second = await listed({ limit: "1", cursor: first.nextCursor! });
    const third = await listed({ limit: "1", cursor: second.nextCursor! });
    expect([first, second, third].map((p) => p.items[0].id)).toEqual([runs.extraction, runs.partly, runs.failed]);
    expect(third.nextCursor).toBeNull();
    expect((await listed({ type: "knowledge-extract" })).items.map((i) => i.id)).toEqual([runs.extraction]);
    // A tab lists the status shown: the import whose every file failed is under Failed, not Succeeded.
    expect((await listed({ status: "SUCCEEDED", type: corpusImportJob.name })).items.map((i) => i.id)).toEqual([runs.partly]);
    expect((await listed({ status: "FAILED" })).items.map((i) => i.id)).toEqual([runs.failed]);
    expect((await listed({ status: "SUCCEEDED" })).items.map((i) => i.id)).not.toContain(runs.failed);
  });
});

describe("a run's detail", () => {
  it("says who started it; a run no person asked for says so", async () => {
    expect((await getRun(t.db(), runs.extraction)).run).toMatchObject({ createdBy: { origin: "API_TOKEN", user: "Ada Expert", token: "nightly" }, payload: { label: "Extract Biology" } });
    const system = await t.db().jobRun.create({ data: { type: corpusImportJob.name, ...BY_SYSTEM } });
    expect((await getRun(t.db(), system.id)).run.createdBy).toEqual({ origin: "SYSTEM", user: null, token: null });
  });
});
