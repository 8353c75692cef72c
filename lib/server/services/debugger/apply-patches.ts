import { DomainError } from "@/lib/domain/errors";
import { patchContentSchema } from "@/lib/domain/debugger";
import type { Principal } from "@/lib/server/auth/principal";
import type { Db, Prisma } from "@/lib/server/db";
import { audit } from "@/lib/server/services/auth/audit";
import { contentHash } from "@/lib/server/services/builder/content-hash";
import { gatherCoreInputs } from "@/lib/server/services/builder/core-inputs";

export type ApplyReport = { trainingSetId: string; name: string; version: number; parent: { id: string; name: string; version: number }; instances: number; patches: number; added: number };

/**
 * V2 = V1 + patches: the next version of the training set the debugged model was trained on,
 * holding every instance of it and one instance per approved patch, those applied to an earlier V2
 * of the run included (each recorded with its patch,
 * and the lineage listing which patch added which instance). It is a draft: the gate and a lead's
 * approval come before it is fine-tuned, as for any set.
 */
export async function applyPatches(db: Db, actor: Principal | null, debugRunId: string): Promise<ApplyReport> {
  const run = await db.debugRun.findUnique({ where: { id: debugRunId }, select: { id: true, evaluationRun: { select: { modelVersion: { select: { name: true, trainingSet: { select: { id: true, name: true, version: true, settings: true } } } } } } } });
  if (!run) throw new DomainError("NOT_FOUND", `No debug run ${debugRunId}`);
  const base = run.evaluationRun.modelVersion.trainingSet;
  if (!base) throw new DomainError("CONFLICT", `${run.evaluationRun.modelVersion.name} was not trained on a training set here: there is nothing to patch`);
  // Patches applied to an earlier V2 of this run come along: each V2 is V1 plus every patch approved so far.
  // In an order of their own content (ids and creation times differ between workspaces), so the same patches make the same V2.
  const patches = (await db.patch.findMany({ where: { debugRunId, status: { in: ["APPROVED", "APPLIED"] }, gatePassed: true } })).sort((a, b) => stableKey(a).localeCompare(stableKey(b)));
  if (!patches.some((p) => p.status === "APPROVED")) throw new DomainError("NOTHING_TO_BUILD", patches.length ? "Every approved patch is already in a training set: approve more patches first" : "No approved patch to apply: annotators approve patches first (`proda patch approve`)");

  const created = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`training-set:${base.name}`}))`;
      const latest = await tx.trainingSet.findFirst({ where: { name: base.name }, orderBy: { version: "desc" }, select: { version: true } });
      const set = await tx.trainingSet.create({
        data: { name: base.name, version: (latest?.version ?? 0) + 1, parentId: base.id, status: "BUILDING", settings: { ...(base.settings as object), patchedFrom: debugRunId } as Prisma.InputJsonValue, lineage: {}, createdBy: actor?.userId ?? null },
      });
      // V1's instances, copied in place (positions and patch lineage kept), in one statement.
      await tx.$executeRaw`
        INSERT INTO "TrainingInstance" (id, "trainingSetId", "disciplineId", position, kind, prompt, completion, "conceptIds", "relationIds", "chunkId", "contentHash", "patchId")
        SELECT gen_random_uuid()::text, ${set.id}, "disciplineId", position, kind, prompt, completion, "conceptIds", "relationIds", "chunkId", "contentHash", "patchId"
        FROM "TrainingInstance" WHERE "trainingSetId" = ${base.id}`;
      const [{ next }] = await tx.$queryRaw<{ next: number }[]>`SELECT coalesce(max(position) + 1, 0)::int AS next FROM "TrainingInstance" WHERE "trainingSetId" = ${set.id}`;
      const rows = patches.map((p, i) => {
        const c = patchContentSchema.parse(p.content);
        return { trainingSetId: set.id, disciplineId: p.disciplineId, position: next + i, kind: c.kind, prompt: c.prompt, completion: c.completion, conceptIds: c.conceptIds, relationIds: c.relationIds, chunkId: c.chunkId, contentHash: contentHash(c.prompt, c.completion), patchId: p.id };
      });
      await tx.trainingInstance.createMany({ data: rows });
      const added = await tx.trainingInstance.findMany({ where: { trainingSetId: set.id, patchId: { in: patches.map((p) => p.id) }, position: { gte: next } }, select: { id: true, patchId: true } });
      await tx.patch.updateMany({ where: { id: { in: patches.map((p) => p.id) } }, data: { status: "APPLIED", appliedToId: set.id } });
      await audit(tx, { action: "patches.applied", actor, target: { type: "training-set", id: set.id }, details: { debugRunId, patches: patches.length, parent: base.id } });
      return { set, added };
    },
    { timeout: 10 * 60_000 },
  );
  const disciplineIds = [...new Set((await db.trainingInstance.findMany({ where: { trainingSetId: created.set.id }, distinct: ["disciplineId"], select: { disciplineId: true } })).map((r) => r.disciplineId))];
  const core = await gatherCoreInputs(db, created.set.id, disciplineIds, `${base.name} v${base.version} + ${patches.length} patches`);
  const instanceCount = await db.trainingInstance.count({ where: { trainingSetId: created.set.id } });
  const lineage = { ...(core.lineage as object), patches: created.added.map((a) => ({ patchId: a.patchId, instanceId: a.id })), debugRunId };
  await db.trainingSet.update({ where: { id: created.set.id }, data: { status: "DRAFT", instanceCount, core: core as unknown as Prisma.InputJsonValue, lineage: lineage as Prisma.InputJsonValue } });
  return { trainingSetId: created.set.id, name: created.set.name, version: created.set.version, parent: { id: base.id, name: base.name, version: base.version }, instances: instanceCount, patches: patches.length, added: created.added.length };
}

const stableKey = (p: { targetKind: string; form: string; content: unknown }) => {
  const c = p.content as { prompt?: string; completion?: string };
  return `${p.targetKind}\u0000${p.form}\u0000${c.prompt ?? ""}\u0000${c.completion ?? ""}`;
};
