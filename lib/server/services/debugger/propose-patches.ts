import { makePatches, traceProbesSchema, type DebugStructure, type PatchTarget } from "@/lib/domain/debugger";
import type { BenchmarkIndex } from "@/lib/domain/orthogonality";
import type { Db, Prisma } from "@/lib/server/db";
import { gateOf } from "./debug-inputs";

type TraceRow = { id: string; itemId: string; disciplineId: string; probes: unknown };

/** The concepts and relations a trace found deficient: every failed probe's target. */
export function deficientTargets(probes: unknown): PatchTarget[] {
  const parsed = traceProbesSchema.safeParse(probes);
  if (!parsed.success) return [];
  return parsed.data.results.filter((p) => !p.correct).flatMap((p): PatchTarget[] => (p.level === "L2" && p.relationId ? [{ kind: "relation", id: p.relationId }] : p.level === "L1" && p.conceptId ? [{ kind: "concept", id: p.conceptId }] : []));
}

/**
 * Proposes patches for exactly the deficient concepts and relations of a debug run's traces,
 * one per target and form, each linked to the failures it answers and checked by the gate
 * (a failing one is kept, marked, and cannot be approved until edited). Idempotent: a retry
 * proposes only what is missing.
 */
export async function proposePatches(db: Db, debugRunId: string, traces: readonly TraceRow[], structures: ReadonlyMap<string, DebugStructure>, gate: BenchmarkIndex | null, chosen: ReadonlyMap<string, string | null>) {
  const byTarget = new Map<string, { target: PatchTarget; disciplineId: string; itemIds: string[]; chosenId: string | null }>();
  for (const t of traces) {
    for (const target of deficientTargets(t.probes)) {
      const key = `${target.kind}:${target.id}`;
      const entry = byTarget.get(key) ?? { target, disciplineId: t.disciplineId, itemIds: [], chosenId: chosen.get(t.itemId) ?? null };
      entry.itemIds.push(t.itemId);
      byTarget.set(key, entry);
    }
  }
  const rows: Prisma.PatchCreateManyInput[] = [];
  for (const { target, disciplineId, itemIds, chosenId } of byTarget.values()) {
    for (const draft of makePatches(target, structures.get(disciplineId)!, chosenId)) {
      const verdict = gateOf(gate, `patch:${target.id}:${draft.form}`, draft.content.prompt, draft.content.completion, draft.content.conceptIds, draft.content.relationIds);
      const content = draft.content as unknown as Prisma.InputJsonValue;
      rows.push({ debugRunId, disciplineId, targetKind: target.kind, targetId: target.id, form: draft.form, content, generated: content, gatePassed: verdict.passed, violations: verdict.violations as unknown as Prisma.InputJsonValue, itemIds });
    }
  }
  const { count } = await db.patch.createMany({ data: rows, skipDuplicates: true });
  const gateFailed = await db.patch.count({ where: { debugRunId, gatePassed: false } });
  return { proposed: await db.patch.count({ where: { debugRunId } }), gateFailed, created: count };
}
