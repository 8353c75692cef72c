import { z } from "zod";
import { patchContentSchema } from "@/lib/domain/debugger";
import { DomainError } from "@/lib/domain/errors";
import type { Principal } from "@/lib/server/auth/principal";
import type { Db, Prisma } from "@/lib/server/db";
import { audit } from "@/lib/server/services/auth/audit";
import { frozenGate, gateOf } from "./debug-inputs";

export const editPatchInput = z.object({
  /** the version the edit was made from: an older one means someone else saved meanwhile (409) */
  version: z.number().int().positive(),
  content: patchContentSchema,
});
export const decidePatchInput = z.object({ decision: z.enum(["approve", "reject"]), version: z.number().int().positive().optional() });

async function patchOf(db: Db, id: string) {
  const patch = await db.patch.findUnique({ where: { id } });
  if (!patch) throw new DomainError("NOT_FOUND", `No patch ${id}`);
  return patch;
}

const stale = (latest: { version: number; content: unknown }) =>
  new DomainError("CONFLICT", `This patch was changed meanwhile (now version ${latest.version}): review the latest and edit again`, { latest });

/**
 * An annotator's edit: validated by the patch schema, checked by the gate again, saved as the
 * next version. Based on an older version than the stored one, it is refused (409) with the
 * latest attached, so two annotators never overwrite each other. Applied patches are final.
 */
export async function editPatch(db: Db, actor: Principal | null, id: string, raw: z.input<typeof editPatchInput>) {
  const input = editPatchInput.parse(raw);
  const patch = await patchOf(db, id);
  if (patch.status === "APPLIED") throw new DomainError("CONFLICT", "This patch is in a training set already: it can no longer be edited");
  if (input.version !== patch.version) throw stale(patch);
  const verdict = gateOf(await frozenGate(db), `patch:${id}`, input.content.prompt, input.content.completion, input.content.conceptIds, input.content.relationIds);
  // The version moves only if nobody saved since it was read: the compare-and-set is the update itself.
  const { count } = await db.patch.updateMany({
    where: { id, version: input.version },
    data: { content: input.content as Prisma.InputJsonValue, version: { increment: 1 }, gatePassed: verdict.passed, violations: verdict.violations as Prisma.InputJsonValue, status: "PROPOSED", decidedBy: null, decidedAt: null },
  });
  if (!count) throw stale(await patchOf(db, id));
  await audit(db, { action: "patch.edited", actor, target: { type: "patch", id }, details: { version: input.version + 1, gatePassed: verdict.passed } });
  return patchOf(db, id);
}

/** Approve or reject: a patch the gate refuses cannot be approved; the decision goes to the audit log. */
export async function decidePatch(db: Db, actor: Principal | null, id: string, raw: z.input<typeof decidePatchInput>) {
  const input = decidePatchInput.parse(raw);
  const patch = await patchOf(db, id);
  if (patch.status === "APPLIED") throw new DomainError("CONFLICT", "This patch is in a training set already: its decision is final");
  if (input.version !== undefined && input.version !== patch.version) throw stale(patch);
  if (input.decision === "approve" && !patch.gatePassed) throw new DomainError("ORTHOGONALITY_VIOLATION", "This patch overlaps a frozen benchmark item: edit it until the gate passes, or reject it", { violations: patch.violations });
  const status = input.decision === "approve" ? "APPROVED" : "REJECTED";
  const updated = await db.patch.update({ where: { id }, data: { status, decidedBy: actor?.userId ?? null, decidedAt: new Date() } });
  await audit(db, { action: `patch.${input.decision === "approve" ? "approved" : "rejected"}`, actor, target: { type: "patch", id }, details: { version: patch.version, form: patch.form, targetKind: patch.targetKind } });
  return updated;
}
