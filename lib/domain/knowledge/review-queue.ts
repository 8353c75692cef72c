import { z } from "zod";
import { reviewStatus } from "./views";

/**
 * The review queue and what reviewers share about an item (assignment, comments): the shapes
 * that cross the wire, one zod schema each, which the server checks its answers against and the
 * browser and the CLI infer their types from.
 */

/** The three levels of the structure, as the review API names them. */
export const reviewLevel = z.enum(["concept", "relation", "chain"]);
export type ReviewLevel = z.infer<typeof reviewLevel>;

/** The order of the levels in a queue of all three: what the others are built from comes first. */
export const LEVEL_RANK: Record<ReviewLevel, number> = { concept: 0, relation: 1, chain: 2 };

/** Which drafts, by whose turn it is: anyone's, the caller's, nobody's yet, or one reviewer's (a user id). */
export const queueAssignee = z.string().min(1).max(64);

/** Keyset position in a queue ordered by level, then id: `<level>:<id>` of the last item of a page. */
const queueCursor = z.string().regex(/^(concept|relation|chain):[\w-]{1,64}$/, "must be the nextCursor of a previous page");

export const queueQuery = z.object({
  discipline: z.string().min(1).optional(),
  level: z.enum(["all", ...reviewLevel.options]).default("all"),
  assignee: queueAssignee.default("anyone"),
  cursor: queueCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type QueueQuery = z.infer<typeof queueQuery>;

export const userRef = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const queueItemView = z.object({
  level: reviewLevel,
  id: z.string(),
  status: reviewStatus,
  /** what a person calls it: a concept's name, "subject predicate object", a chain's summary */
  label: z.string(),
  /** the concept ids it spans (a relation's ends, a chain's concepts in order): what the canvas brings into view */
  concepts: z.array(z.string()),
  /** what to focus the graph on so the item is drawn: the concept, the relation's subject, or the chain itself */
  focus: z.string(),
  assignee: userRef.nullable(),
  comments: z.number().int(),
});

export const queuePageView = z.object({
  items: z.array(queueItemView),
  /** drafts matching the filters, over all pages */
  total: z.number().int(),
  /** the same per level, for the level filter */
  byLevel: z.object({ concept: z.number().int(), relation: z.number().int(), chain: z.number().int() }),
  nextCursor: z.string().nullable(),
});

export const COMMENT_MAX_CHARS = 2000;

export const commentInput = z.object({
  level: reviewLevel,
  id: z.string().min(1),
  text: z.string().trim().min(1, "write something").max(COMMENT_MAX_CHARS, `at most ${COMMENT_MAX_CHARS} characters`),
});

export const commentView = z.object({ id: z.string(), author: userRef.nullable(), text: z.string(), createdAt: z.string() });
export const commentThreadView = z.object({ items: z.array(commentView), nextCursor: z.string().nullable() });

export const assignInput = z.object({
  level: reviewLevel,
  ids: z.array(z.string().min(1)).min(1, "name at least one item").max(5000),
  /** null unassigns */
  assigneeId: z.string().min(1).nullable(),
});

/** What a review decision changed: each item's status before it, grouped, so an undo restores every one. */
export const reviewResultView = z.object({
  updated: z.number().int(),
  status: reviewStatus,
  previous: z.array(z.object({ status: reviewStatus, ids: z.array(z.string()) })),
});

/** People whose role may approve knowledge: the ones an item can be assigned to. */
export const reviewersView = z.object({ items: z.array(userRef.extend({ role: z.string() })) });

export type ReviewResult = z.infer<typeof reviewResultView>;
export type QueueItem = z.infer<typeof queueItemView>;
export type QueuePage = z.infer<typeof queuePageView>;
export type CommentView = z.infer<typeof commentView>;
export type CommentThread = z.infer<typeof commentThreadView>;
export type UserRef = z.infer<typeof userRef>;
