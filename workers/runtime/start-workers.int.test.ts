import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { paragraph, spooledFile as spooled } from "@/test/fixtures";
import { getBoss } from "@/lib/server/jobs/boss";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { BY_SYSTEM } from "@/lib/jobs/created-by";
import { startUploadImport } from "@/lib/server/services/corpus/start-upload-import";
import { cancelRun, retryRun } from "@/lib/server/services/jobs/control-run";
import { startWorkers } from "./start-workers";

const t = useTestDatabase();
const file = (name: string, topic: string) => spooled(name, `# ${topic}\n\n${paragraph(topic)}`);

async function waitFor(runId: string, statuses: string[]) {
  for (let i = 0; i < 300; i++) {
    const run = await t.db().jobRun.findUniqueOrThrow({ where: { id: runId } });
    if (statuses.includes(run.status)) return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`run ${runId} never reached ${statuses.join("/")}`);
}

describe("uploads through pg-boss and a worker", () => {
  it("queues an upload, lets a user cancel it before it runs, retry it, and the worker imports it", async () => {
    await ensureDefaultDisciplines(t.db());
    const run = await startUploadImport(t.db(), [file("cells.md", "Cells")], BY_SYSTEM, "biology");
    expect(run.status).toBe("QUEUED");
    expect(run.bossJobId).toBeTruthy();
    expect(await t.db().uploadedFile.count({ where: { runId: run.id } })).toBe(1);

    const cancelled = await cancelRun(t.db(), run.id);
    expect(cancelled.status).toBe("CANCELLED");

    await startWorkers(await getBoss({ supervise: true }), { pollingIntervalSeconds: 0.5 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await t.db().document.count()).toBe(0); // the cancelled run never ran

    await retryRun(t.db(), run.id);
    const done = await waitFor(run.id, ["SUCCEEDED", "FAILED"]);
    expect(done.status).toBe("SUCCEEDED");
    expect(done.result).toMatchObject({ documents: 1 });
    const doc = await t.db().document.findFirstOrThrow({ include: { discipline: true } });
    expect(doc).toMatchObject({ sourcePath: "cells.md", discipline: { slug: "biology" } });
    expect(await t.db().uploadedFile.count({ where: { runId: run.id } })).toBe(0);
  });

  it("refuses an unsupported file and writes nothing", async () => {
    const before = await t.db().jobRun.count();
    await expect(startUploadImport(t.db(), [file("notes.md", "Notes"), spooled("slides.pptx", new Uint8Array([1, 2]))], BY_SYSTEM, "biology"))
      .rejects.toMatchObject({ code: "UNSUPPORTED_FORMAT", message: expect.stringContaining("slides.pptx") });
    expect(await t.db().jobRun.count()).toBe(before);
  });
});
