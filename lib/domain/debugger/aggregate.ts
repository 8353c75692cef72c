import type { Diagnosis } from "./types";

export type TraceSummary = { discipline: string; diagnosis: Diagnosis; conceptId: string | null; relationId: string | null };
export type Aggregates = {
  failures: number;
  byDiagnosis: Record<Diagnosis, number>;
  byDiscipline: Record<string, Record<Diagnosis, number>>;
  /** the relations and concepts behind most failures, most first */
  relations: { id: string; failures: number }[];
  concepts: { id: string; failures: number }[];
};

const TOP = 20;
const none = (): Record<Diagnosis, number> => ({ MISSING_CONCEPT: 0, MISSING_RELATION: 0, WRONG_RELATION: 0, COMPOSITION: 0, UNEXPLAINED: 0 });
const top = (counts: Map<string, number>) =>
  [...counts].map(([id, failures]) => ({ id, failures })).sort((a, b) => b.failures - a.failures || (a.id < b.id ? -1 : 1)).slice(0, TOP);

/** What the traces add up to: diagnoses overall and per discipline, and the structure behind most failures. */
export function aggregateTraces(traces: readonly TraceSummary[]): Aggregates {
  const byDiagnosis = none();
  const byDiscipline: Record<string, Record<Diagnosis, number>> = {};
  const relations = new Map<string, number>();
  const concepts = new Map<string, number>();
  for (const t of traces) {
    byDiagnosis[t.diagnosis]++;
    (byDiscipline[t.discipline] ??= none())[t.diagnosis]++;
    if (t.relationId) relations.set(t.relationId, (relations.get(t.relationId) ?? 0) + 1);
    if (t.conceptId) concepts.set(t.conceptId, (concepts.get(t.conceptId) ?? 0) + 1);
  }
  return { failures: traces.length, byDiagnosis, byDiscipline, relations: top(relations), concepts: top(concepts) };
}
