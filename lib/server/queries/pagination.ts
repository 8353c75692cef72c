import { z } from "zod";

/** Words searched for in a list or the search box: trimmed, and bounded (no phrase needs more). */
export const searchText = z.string().trim().max(200, "must be at most 200 characters");

export const pageQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Cursor pagination over an id-ordered query: fetch one more than asked to know if a next page exists. */
export function toPage<T extends { id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}
