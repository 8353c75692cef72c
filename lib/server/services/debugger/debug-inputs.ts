import { indexStructure, type DebugStructure } from "@/lib/domain/debugger";
import type { BenchmarkIndex } from "@/lib/domain/orthogonality";
import type { Db } from "@/lib/server/db";
import { loadLevels } from "@/lib/server/queries/structure";
import { indexBenchmarks, instanceText } from "@/lib/server/services/builder/check-orthogonality";
import { vocabularyOf } from "@/lib/server/services/knowledge/vocabulary";

/** The L1/L2 of each discipline (not rejected), each concept with its document as topic, indexed for probes and patches: one load per discipline. */
export async function loadStructures(db: Db, disciplineIds: Iterable<string>): Promise<Map<string, DebugStructure>> {
  const out = new Map<string, DebugStructure>();
  for (const id of new Set(disciplineIds)) {
    const { concepts, relations } = await loadLevels(db, id, {});
    const chunkIds = [...new Set(concepts.flatMap((c) => (c.chunkId ? [c.chunkId] : [])))];
    const documentOf = new Map((await db.chunk.findMany({ where: { id: { in: chunkIds } }, select: { id: true, documentId: true } })).map((c) => [c.id, c.documentId]));
    const withTopics = concepts.map((c) => ({ ...c, topic: c.chunkId ? (documentOf.get(c.chunkId) ?? null) : null }));
    out.set(id, indexStructure(withTopics, relations, await vocabularyOf(db, id)));
  }
  return out;
}

/** What probes and patches must not overlap: every frozen benchmark's active items. */
export async function frozenGate(db: Db): Promise<BenchmarkIndex | null> {
  const frozen = await db.benchmark.findMany({ where: { status: "FROZEN" }, select: { id: true } });
  return frozen.length ? (await indexBenchmarks(db, frozen.map((b) => b.id))).index : null;
}

export type GateVerdict = { passed: boolean; violations: { kind: string; itemId: string; shared: string }[] };

/** One text (a probe, a patch) through the gate, with what it teaches. */
export function gateOf(gate: BenchmarkIndex | null, id: string, prompt: string, completion: string, conceptIds: string[], relationIds: string[]): GateVerdict {
  if (!gate) return { passed: true, violations: [] };
  const found = gate.check({ id, text: instanceText(prompt, completion), conceptIds, relationIds });
  return { passed: found.length === 0, violations: found.slice(0, 10).map((v) => ({ kind: v.kind, itemId: v.benchmarkId, shared: v.shared })) };
}
