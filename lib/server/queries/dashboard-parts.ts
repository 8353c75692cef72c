import { chainRefs, lineageSince, linkPatches, type DashboardReport, type FlipPatch, type PatchLink } from "@/lib/domain/dashboards";
import { DIAGNOSES } from "@/lib/domain/debugger";
import type { PathStep } from "@/lib/domain/tester";
import type { Db } from "@/lib/server/db";
import { storedCoreReport } from "./builder";

/** Training sets by id with their parent: the lineage a flip's patches are looked up in (a small table). */
export async function trainingSetTree(db: Db) {
  const sets = await db.trainingSet.findMany({ select: { id: true, name: true, version: true, parentId: true } });
  return { byId: new Map(sets.map((s) => [s.id, s])), parentOf: new Map(sets.map((s) => [s.id, s.parentId])) };
}

type FlipItem = { id: string; path: unknown };

/**
 * The patches behind each flipped item, in three statements whatever the number of flips: the
 * patches made for any of the items or teaching anything on their chains, then the names of what
 * they target. Lineage: the newer version's training sets the older one's lacks.
 */
export async function flipPatches(db: Db, items: readonly FlipItem[], sets: { newer: string | null; older: string | null }, tree: Awaited<ReturnType<typeof trainingSetTree>>): Promise<Map<string, FlipPatch[]>> {
  if (!items.length) return new Map();
  const refs = new Map(items.map((i) => [i.id, chainRefs(i.path as PathStep[])]));
  const concepts = [...new Set([...refs.values()].flatMap((r) => r.conceptIds))];
  const relations = [...new Set([...refs.values()].flatMap((r) => r.relationIds))];
  const rows = await db.patch.findMany({
    where: {
      OR: [
        { itemIds: { hasSome: items.map((i) => i.id) } },
        ...(concepts.length ? [{ targetKind: "concept", targetId: { in: concepts } }] : []),
        ...(relations.length ? [{ targetKind: "relation", targetId: { in: relations } }] : []),
      ],
    },
    select: { id: true, targetKind: true, targetId: true, form: true, status: true, itemIds: true, appliedToId: true },
  });
  const [conceptRows, relationRows] = await Promise.all([
    db.concept.findMany({ where: { id: { in: rows.filter((p) => p.targetKind === "concept").map((p) => p.targetId) } }, select: { id: true, name: true } }),
    db.relation.findMany({ where: { id: { in: rows.filter((p) => p.targetKind === "relation").map((p) => p.targetId) } }, select: { id: true, predicate: true, subject: { select: { name: true } }, object: { select: { name: true } } } }),
  ]);
  const names = new Map<string, string>([...conceptRows.map((c) => [c.id, c.name] as const), ...relationRows.map((r) => [r.id, `${r.subject.name} ${r.predicate.replace(/_/g, " ")} ${r.object.name}`] as const)]);
  const links: PatchLink[] = rows.map((p) => {
    const set = p.appliedToId ? tree.byId.get(p.appliedToId) : undefined;
    return {
      id: p.id,
      targetKind: p.targetKind === "relation" ? "relation" : "concept",
      targetId: p.targetId,
      target: names.get(p.targetId) ?? `(deleted ${p.targetKind})`,
      form: p.form,
      status: p.status,
      appliedTo: set ? { id: set.id, name: set.name, version: set.version } : null,
      itemIds: p.itemIds,
    };
  });
  const lineage = lineageSince(sets.newer, sets.older, tree.parentOf);
  // Each flip is linked against the few patches that name it or its chain, not all of them.
  const byKey = new Map<string, PatchLink[]>();
  const index = (key: string, p: PatchLink) => {
    const list = byKey.get(key);
    if (list) list.push(p);
    else byKey.set(key, [p]);
  };
  for (const p of links) {
    index(`${p.targetKind}:${p.targetId}`, p);
    for (const itemId of p.itemIds) index(`item:${itemId}`, p);
  }
  return new Map(
    items.map((i) => {
      const r = refs.get(i.id)!;
      const keys = [`item:${i.id}`, ...r.conceptIds.map((id) => `concept:${id}`), ...r.relationIds.map((id) => `relation:${id}`)];
      return [i.id, linkPatches(i.id, r, [...new Set(keys.flatMap((k) => byKey.get(k) ?? []))], lineage)];
    }),
  );
}

/** Failure diagnoses by discipline from the newest debug run of each evaluation run: two statements. */
export async function diagnosesOf(db: Db, runs: readonly { model: string; evaluationRunId: string }[], disciplines: ReadonlyMap<string, { slug: string; name: string; order: number }>): Promise<DashboardReport["diagnoses"]> {
  const debugRuns = await db.debugRun.findMany({ where: { evaluationRunId: { in: runs.map((r) => r.evaluationRunId) } }, orderBy: { createdAt: "desc" }, distinct: ["evaluationRunId"], select: { id: true, evaluationRunId: true } });
  const counts = await db.failureTrace.groupBy({ by: ["debugRunId", "disciplineId", "diagnosis"], where: { debugRunId: { in: debugRuns.map((d) => d.id) } }, _count: { _all: true } });
  return runs.map(({ model, evaluationRunId }) => {
    const debugRunId = debugRuns.find((d) => d.evaluationRunId === evaluationRunId)?.id ?? null;
    const mine = counts.filter((c) => c.debugRunId === debugRunId);
    const byDiscipline = [...new Set(mine.map((c) => c.disciplineId))]
      .map((id) => disciplines.get(id) ?? { slug: id, name: "(deleted discipline)", order: Number.MAX_SAFE_INTEGER })
      .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
      .map((d) => ({
        slug: d.slug,
        name: d.name,
        counts: Object.fromEntries(DIAGNOSES.map((g) => [g, mine.filter((c) => (disciplines.get(c.disciplineId)?.slug ?? c.disciplineId) === d.slug && c.diagnosis === g).reduce((a, c) => a + c._count._all, 0)])) as Record<(typeof DIAGNOSES)[number], number>,
      }));
    return { model, debugRunId, traced: mine.reduce((a, c) => a + c._count._all, 0), byDiscipline };
  });
}

/** The CORE report of each compared version's training set, side by side (one statement for the sets with their latest gate check). */
export async function coreColumns(db: Db, models: readonly { name: string; trainingSetId: string | null }[]): Promise<DashboardReport["core"]> {
  const ids = [...new Set(models.flatMap((m) => (m.trainingSetId ? [m.trainingSetId] : [])))];
  const sets = await db.trainingSet.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, version: true, instanceCount: true, core: true, lineage: true, checks: { orderBy: { createdAt: "desc" }, take: 1, select: { violationCount: true, createdAt: true } } },
  });
  const byId = new Map(sets.map((s) => [s.id, s]));
  return models.map(({ name, trainingSetId }) => {
    const set = trainingSetId ? byId.get(trainingSetId) : undefined;
    const core = set ? storedCoreReport(set.core, set.checks[0]) : null;
    const patches = ((set?.lineage as { patches?: unknown[] } | null)?.patches ?? []).length;
    return {
      model: name,
      trainingSet: set ? { id: set.id, name: set.name, version: set.version, instances: set.instanceCount } : null,
      contextualized: core?.contextualized.share ?? null,
      organized: core?.organized.share ?? null,
      rigorous: core ? core.rigorous.pass : null,
      coverage: core
        ? core.organized.coverage.reduce((a, c) => ({ concepts: a.concepts + c.concepts, coveredConcepts: a.coveredConcepts + c.coveredConcepts, relations: a.relations + c.relations, coveredRelations: a.coveredRelations + c.coveredRelations }), { concepts: 0, coveredConcepts: 0, relations: 0, coveredRelations: 0 })
        : null,
      checks: core ? Object.entries(core.rigorous.checks).map(([key, c]) => ({ key, ...c })) : [],
      evolving: core ? { parent: core.evolving.parent ? `${core.evolving.parent.name} v${core.evolving.parent.version}` : null, added: core.evolving.added, removed: core.evolving.removed, patches, note: core.evolving.note } : null,
    };
  });
}
