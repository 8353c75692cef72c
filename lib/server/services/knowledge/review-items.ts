import { DomainError } from "@/lib/domain/errors";
import type { ReviewLevel } from "@/lib/domain/knowledge/review-queue";
import type { Prisma } from "@/lib/server/db";

type Tx = Prisma.TransactionClient;

/** How many of these items of one level exist. */
function countItems(tx: Tx, level: ReviewLevel, ids: string[]): Promise<number> {
  const where = { id: { in: ids } };
  return level === "concept" ? tx.concept.count({ where }) : level === "relation" ? tx.relation.count({ where }) : tx.chain.count({ where });
}

/** Refuses (404, naming how many) when any of the items does not exist: a decision on a set is all or nothing. */
export async function assertItemsExist(tx: Tx, level: ReviewLevel, ids: string[], field = "ids"): Promise<void> {
  const found = await countItems(tx, level, ids);
  if (found === ids.length) return;
  const message = ids.length === 1 ? `No ${level} ${ids[0]}` : `${ids.length - found} of the ${level}s do not exist`;
  throw new DomainError("NOT_FOUND", message, { fields: [{ field, message: "does not exist" }] });
}

/** The item column of a review table (assignment, comment) set to one item, or to any of several. */
export function itemRef(level: ReviewLevel, id: string): { conceptId: string } | { relationId: string } | { chainId: string } {
  return level === "concept" ? { conceptId: id } : level === "relation" ? { relationId: id } : { chainId: id };
}
export function itemsIn(level: ReviewLevel, ids: string[]) {
  const inIds = { in: ids };
  return level === "concept" ? { conceptId: inIds } : level === "relation" ? { relationId: inIds } : { chainId: inIds };
}
/** Which item a review row is about (exactly one column is set). */
export const itemIdOf = (row: { conceptId: string | null; relationId: string | null; chainId: string | null }) => (row.conceptId ?? row.relationId ?? row.chainId)!;
