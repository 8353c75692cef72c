import { makePatches, traceProbesSchema, writePatchWithModel, type DebugStructure, type PatchDraft, type PatchTarget } from "@/lib/domain/debugger";
import type { ChatModel } from "@/lib/domain/ports";
import { mapWithModel } from "@/lib/server/services/model-for";
import type { BenchmarkIndex } from "@/lib/domain/orthogonality";
import type { Db, Prisma } from "@/lib/server/db";
import { gateOf, type GateVerdict } from "./debug-inputs";

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
 * (a failing one is kept, marked, and cannot be approved until edited). With a chat model
 * (`writer`), each is rewritten by it from the same facts; a rewrite that drops a name, stays
 * invalid, or that the gate refuses where the template passes keeps the template. Idempotent: a
 * retry proposes only what is missing.
 */
export async function proposePatches(db: Db, debugRunId: string, traces: readonly TraceRow[], structures: ReadonlyMap<string, DebugStructure>, gate: BenchmarkIndex | null, chosen: ReadonlyMap<string, string | null>, writer?: ChatModel) {
  const byTarget = new Map<string, { target: PatchTarget; disciplineId: string; itemIds: string[]; chosenId: string | null }>();
  for (const t of traces) {
    for (const target of deficientTargets(t.probes)) {
      const key = `${target.kind}:${target.id}`;
      const entry = byTarget.get(key) ?? { target, disciplineId: t.disciplineId, itemIds: [], chosenId: chosen.get(t.itemId) ?? null };
      entry.itemIds.push(t.itemId);
      byTarget.set(key, entry);
    }
  }
  const existing = new Set((await db.patch.findMany({ where: { debugRunId }, select: { targetKind: true, targetId: true, form: true } })).map((p) => `${p.targetKind}:${p.targetId}:${p.form}`));
  const verdictOf = (d: PatchDraft) => gateOf(gate, `patch:${d.target.id}:${d.form}`, d.content.prompt, d.content.completion, d.content.conceptIds, d.content.relationIds);
  // Each draft goes through the gate once: its verdict travels with it (a rewrite gets its own).
  type Proposal = { draft: PatchDraft; verdict: GateVerdict; disciplineId: string; itemIds: string[]; author: string };
  const proposals: Proposal[] = [];
  for (const { target, disciplineId, itemIds, chosenId } of byTarget.values()) {
    for (const draft of makePatches(target, structures.get(disciplineId)!, chosenId)) {
      if (!existing.has(`${target.kind}:${target.id}:${draft.form}`)) proposals.push({ draft, verdict: verdictOf(draft), disciplineId, itemIds, author: "template" });
    }
  }
  let written = 0;
  if (writer && proposals.length) {
    const rewritten = await mapWithModel(proposals, async (p) => {
      const out = await writePatchWithModel(writer, p.draft, structures.get(p.disciplineId)!);
      if (!out.written) return p;
      const verdict = verdictOf(out.draft);
      if (!verdict.passed && p.verdict.passed) return p;
      written++;
      return { ...p, draft: out.draft, verdict, author: `llm:${writer.endpoint}` };
    });
    proposals.splice(0, proposals.length, ...rewritten.items);
  }
  const rows: Prisma.PatchCreateManyInput[] = proposals.map(({ draft, verdict, disciplineId, itemIds, author }) => {
    const content = draft.content as unknown as Prisma.InputJsonValue;
    return { debugRunId, disciplineId, targetKind: draft.target.kind, targetId: draft.target.id, form: draft.form, content, generated: content, author, gatePassed: verdict.passed, violations: verdict.violations as unknown as Prisma.InputJsonValue, itemIds };
  });
  const { count } = await db.patch.createMany({ data: rows, skipDuplicates: true });
  const gateFailed = await db.patch.count({ where: { debugRunId, gatePassed: false } });
  return { proposed: await db.patch.count({ where: { debugRunId } }), gateFailed, created: count, written, kept: rows.length - written };
}
