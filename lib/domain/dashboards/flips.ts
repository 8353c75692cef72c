import type { FlipPatch } from "./report-schema";

/** A Debugger patch as the flips read it: what it targets, the failures it answers, and where it went. */
export type PatchLink = Omit<FlipPatch, "inLineage" | "via"> & { targetId: string; itemIds: readonly string[] };

/** What is on an item's chain: the concepts and relations a patch may have taught. */
export type ChainRefs = { conceptIds: readonly string[]; relationIds: readonly string[] };

/** A training set and its ancestors, the set itself first (a cycle, which lineage never makes, stops the walk). */
export function ancestry(setId: string | null, parentOf: ReadonlyMap<string, string | null>): string[] {
  const out: string[] = [];
  for (let id = setId; id && !out.includes(id); id = parentOf.get(id) ?? null) out.push(id);
  return out;
}

/**
 * The training sets that made the newer version what the older one is not: the newer one's set
 * and its ancestors, less the older one's set and its ancestors. A patch applied to one of them
 * went into the newer version only.
 */
export function lineageSince(newerSetId: string | null, olderSetId: string | null, parentOf: ReadonlyMap<string, string | null>): Set<string> {
  const older = new Set(ancestry(olderSetId, parentOf));
  return new Set(ancestry(newerSetId, parentOf).filter((id) => !older.has(id)));
}

/**
 * The patches behind a flip. A patch counts when it was proposed for this very item's failure, or
 * when it went into the newer version (applied in its lineage) and teaches a concept or relation on
 * the item's chain: for a fixed item, the patch that fixed it; for a broken one, the patch that
 * preceded the regression. Patches in the lineage come first, then those made for the item.
 */
export function linkPatches(itemId: string, chain: ChainRefs, patches: readonly PatchLink[], lineage: ReadonlySet<string>): FlipPatch[] {
  const concepts = new Set(chain.conceptIds);
  const relations = new Set(chain.relationIds);
  const out: FlipPatch[] = [];
  for (const p of patches) {
    const forItem = p.itemIds.includes(itemId);
    const onChain = p.targetKind === "concept" ? concepts.has(p.targetId) : relations.has(p.targetId);
    const inLineage = !!p.appliedTo && lineage.has(p.appliedTo.id);
    if (!forItem && !(onChain && inLineage)) continue;
    const { targetId: _, itemIds: __, ...rest } = p;
    out.push({ ...rest, inLineage, via: forItem ? "item" : "chain" });
  }
  const rank = (p: FlipPatch) => (p.inLineage ? 0 : 2) + (p.via === "item" ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || a.target.localeCompare(b.target) || a.form.localeCompare(b.form));
}

/** The concept and relation ids on an item's path as it was frozen (older items may lack them). */
export function chainRefs(path: readonly { relationId?: string; subjectId?: string; objectId?: string }[]): ChainRefs {
  const conceptIds = new Set<string>();
  const relationIds = new Set<string>();
  for (const step of path) {
    if (step.relationId) relationIds.add(step.relationId);
    if (step.subjectId) conceptIds.add(step.subjectId);
    if (step.objectId) conceptIds.add(step.objectId);
  }
  return { conceptIds: [...conceptIds], relationIds: [...relationIds] };
}
