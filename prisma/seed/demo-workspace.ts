import { fileURLToPath } from "node:url";
import type { Db } from "@/lib/server/db";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { BY_SYSTEM } from "@/lib/jobs/created-by";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { runInline } from "@/workers/runtime/run-inline";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";

export const SAMPLE_CORPUS_DIR = fileURLToPath(new URL("./sample-corpus", import.meta.url));
const SEEDED = "demo-workspace-seeded";

/**
 * First start: the 16 default disciplines and our small sample corpus, imported as a regular
 * job so it shows on the Jobs page. A marker row makes sure it never happens twice, even
 * after the user deletes the demo documents.
 */
export async function ensureDemoWorkspace(db: Db): Promise<"seeded" | "already"> {
  if (await db.workspaceMeta.findUnique({ where: { key: SEEDED } })) return "already";
  await ensureDefaultDisciplines(db);
  // Started by `npm start` on a first run, not by a person: the system.
  const run = await runInline(db, corpusImportJob, corpusImportHandler, { source: { kind: "path", path: SAMPLE_CORPUS_DIR }, label: "Demo workspace sample corpus" }, BY_SYSTEM);
  if (run.outcome !== "succeeded") throw new Error(`Seeding the demo workspace failed: ${run.error ?? run.outcome}`);
  await db.workspaceMeta.create({ data: { key: SEEDED, value: { runId: run.runId, at: new Date().toISOString() } } });
  return "seeded";
}
