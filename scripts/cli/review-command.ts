import { can, type Action } from "@/lib/auth/permissions";
import { ROLE_INFO } from "@/lib/auth/roles";
import { DomainError } from "@/lib/domain/errors";
import { commentInput, queueQuery, assignInput } from "@/lib/domain/knowledge/review-queue";
import type { Principal } from "@/lib/server/auth/principal";
import type { Db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/http/parse-input";
import { assigneeFilter, reviewQueue } from "@/lib/server/queries/review-queue";
import { assignItems } from "@/lib/server/services/knowledge/assign-reviewer";
import { addComment } from "@/lib/server/services/knowledge/comments";
import { withWorkspace } from "./workspace";

type Common = { as?: string; json?: boolean };

/** A user by email, or a 400 naming the option that gave it. */
async function userByEmail(db: Db, email: string, option: string) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, name: true, role: true, active: true } });
  if (!user?.active) throw new DomainError("BAD_INPUT", `No active user with the email ${email} (${option})`, { fields: [{ field: option, message: "no such active user" }] });
  return user;
}

/**
 * Who the command acts as: the local admin (null: no person, so no "me") or, with --as, that
 * person, who must be allowed to do what the command does, as in the studio.
 */
async function actorFor(db: Db, as: string | undefined, action: Action): Promise<Principal | null> {
  if (!as) return null;
  const user = await userByEmail(db, as, "--as");
  if (!can(user.role, action)) throw new DomainError("FORBIDDEN", `${user.email} (${ROLE_INFO[user.role].label}) may not do this (${action})`, { action, role: user.role });
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via: "cli" };
}

export async function reviewQueueCommand(opts: Common & { discipline?: string; level?: string; assignee?: string; cursor?: string; limit?: string }): Promise<number> {
  return withWorkspace(async (db) => {
    const actor = await actorFor(db, opts.as, "workspace:read");
    const q = parseInput(queueQuery, { discipline: opts.discipline, level: opts.level, cursor: opts.cursor, limit: opts.limit }, "options");
    const who = opts.assignee ?? "anyone";
    const assignee = ["anyone", "me", "none"].includes(who) ? assigneeFilter(who, actor?.userId ?? null) : { kind: "user" as const, id: (await userByEmail(db, who, "--assignee")).id };
    const page = await reviewQueue(db, { ...q, assignee });
    if (opts.json) console.log(JSON.stringify(page, null, 2));
    else {
      const b = page.byLevel;
      console.log(`${count(page.total, "draft")} to review${q.discipline ? ` in ${q.discipline}` : ""} (${count(b.concept, "concept")}, ${count(b.relation, "relation")}, ${count(b.chain, "chain")}).`);
      for (const i of page.items) {
        const extra = [i.assignee ? `@${i.assignee.email}` : null, i.comments ? count(i.comments, "comment") : null].filter(Boolean).join(", ");
        console.log(`  ${i.level.padEnd(8)} ${i.id}  ${i.label}${extra ? `  [${extra}]` : ""}`);
      }
      if (page.nextCursor) console.log(`More: --cursor ${page.nextCursor}`);
    }
    return 0;
  });
}

export async function reviewAssignCommand(level: string, ids: string[], opts: Common & { to?: string; none?: boolean }): Promise<number> {
  return withWorkspace(async (db) => {
    const actor = await actorFor(db, opts.as, "knowledge:approve");
    const assigneeId = opts.to ? (await userByEmail(db, opts.to, "--to")).id : null;
    const input = parseInput(assignInput, { level, ids, assigneeId }, "arguments");
    const result = await assignItems(db, actor, input);
    if (opts.json) console.log(JSON.stringify(result, null, 2));
    else console.log(`${result.assignee ? `Assigned to ${result.assignee.email}` : "Unassigned"}: ${count(result.updated, input.level)}.`);
    return 0;
  });
}

export async function reviewCommentCommand(level: string, id: string, text: string, opts: Common): Promise<number> {
  return withWorkspace(async (db) => {
    const actor = await actorFor(db, opts.as, "knowledge:edit");
    const comment = await addComment(db, actor, parseInput(commentInput, { level, id, text }, "arguments"));
    if (opts.json) console.log(JSON.stringify(comment, null, 2));
    else console.log(`Commented on ${level} ${id} as ${comment.author?.email ?? "the local admin"}.`);
    return 0;
  });
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
