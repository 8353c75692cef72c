import { beforeAll, describe, expect, it } from "vitest";
import * as comments from "@/app/api/knowledge/comments/route";
import * as queue from "@/app/api/knowledge/review-queue/route";
import * as review from "@/app/api/knowledge/review/route";
import { COMMENT_MAX_CHARS, type CommentThread, type QueuePage, type ReviewResult } from "@/lib/domain/knowledge/review-queue";
import type { Principal } from "@/lib/server/auth/principal";
import { createAccount } from "@/lib/server/services/auth/accounts";
import { createToken } from "@/lib/server/services/auth/api-tokens";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { createConcept, mergeConcepts } from "@/lib/server/services/knowledge/curate-concepts";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";

const t = useTestDatabase();
let expert: Principal;
let headers: { authorization: string };
const c: string[] = [];

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  const user = await t.db().$transaction((tx) => createAccount(tx, { email: "eve@example.test", name: "Eve Expert", password: "correct horse battery", role: "EXPERT" }));
  expert = { userId: user.id, email: user.email, name: user.name, role: "EXPERT", via: "token" };
  headers = { authorization: `Bearer ${(await createToken(t.db(), expert, { name: "t" }, null)).token}` };
  for (const name of ["Acid", "Base", "Salt", "Water", "Buffer", "Indicator"]) c.push((await createConcept(t.db(), expert, { discipline: "chemistry", name, aliases: [], definition: null })).id);
});

const post = (body: unknown) => callRoute(comments.POST, "POST", "/api/knowledge/comments", { headers, body });
const thread = async (query: Record<string, string>) => {
  const res = await callRoute(comments.GET, "GET", "/api/knowledge/comments", { headers, query });
  return { status: res.status, thread: res.json as CommentThread };
};
const decide = async (body: unknown) => {
  const res = await callRoute(review.POST, "POST", "/api/knowledge/review", { headers, body });
  return { status: res.status, result: res.json as ReviewResult };
};
const statuses = async () => Object.fromEntries((await t.db().concept.findMany({ where: { id: { in: c } }, select: { id: true, status: true } })).map((x) => [x.id, x.status]));

describe("comments", () => {
  it("adds comments to an item's thread, oldest first, with author and time, and an audit event each", async () => {
    const first = await post({ level: "concept", id: c[0], text: "  Is this the Arrhenius sense or Brønsted?  " });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ text: "Is this the Arrhenius sense or Brønsted?", author: { id: expert.userId, name: "Eve Expert", email: "eve@example.test" }, createdAt: expect.any(String) });
    await post({ level: "concept", id: c[0], text: "Brønsted, per the chunk." });
    const { thread: t1 } = await thread({ level: "concept", id: c[0] });
    expect(t1.items.map((x) => x.text)).toEqual(["Is this the Arrhenius sense or Brønsted?", "Brønsted, per the chunk."]);
    expect(t1.nextCursor).toBeNull();
    const events = await t.db().auditEvent.findMany({ where: { action: "knowledge.commented", targetType: "concept", targetId: c[0] } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorEmail: "eve@example.test", details: { excerpt: "Is this the Arrhenius sense or Brønsted?" } });
    // The queue row counts them.
    const res = await callRoute(queue.GET, "GET", "/api/knowledge/review-queue", { headers, query: { discipline: "chemistry", level: "concept" } });
    expect((res.json as QueuePage).items.find((i) => i.id === c[0])!.comments).toBe(2);
  });

  it("pages a long thread by keyset", async () => {
    for (let i = 0; i < 5; i++) await post({ level: "concept", id: c[1], text: `note ${i}` });
    const a = (await thread({ level: "concept", id: c[1], limit: "3" })).thread;
    expect(a.items.map((x) => x.text)).toEqual(["note 0", "note 1", "note 2"]);
    const b = (await thread({ level: "concept", id: c[1], limit: "3", cursor: a.nextCursor! })).thread;
    expect(b.items.map((x) => x.text)).toEqual(["note 3", "note 4"]);
    expect(b.nextCursor).toBeNull();
  });

  it("refuses empty, too long, unknown-level and unknown-item comments with 4xx naming the field, writing nothing", async () => {
    const before = await t.db().reviewComment.count();
    for (const [body, status, field] of [
      [{ level: "concept", id: c[2], text: "   " }, 400, "text"],
      [{ level: "concept", id: c[2], text: "x".repeat(COMMENT_MAX_CHARS + 1) }, 400, "text"],
      [{ level: "document", id: c[2], text: "hi" }, 400, "level"],
      [{ level: "concept", id: c[2] }, 400, "text"],
      [{ level: "relation", id: c[2], text: "a concept's id is no relation" }, 404, "id"],
    ] as const) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect((res.json as { error: { details: { fields: { field: string }[] } } }).error.details.fields.map((f) => f.field)).toContain(field);
    }
    expect((await post({ level: "concept", id: c[2], text: "x".repeat(COMMENT_MAX_CHARS) })).status).toBe(201);
    expect(await t.db().reviewComment.count()).toBe(before + 1);
    expect((await thread({ level: "concept", id: c[2], cursor: "abc" })).status).toBe(400);
  });

  it("keeps a merged duplicate's comments on the concept it became", async () => {
    await post({ level: "concept", id: c[5], text: "Same as Buffer?" });
    await mergeConcepts(t.db(), expert, c[4], c[5]);
    expect((await thread({ level: "concept", id: c[4] })).thread.items.map((x) => x.text)).toEqual(["Same as Buffer?"]);
    c.pop();
  });
});

describe("bulk review and its undo", () => {
  it("approves a selection at once, says each item's status before, and the undo restores every one", async () => {
    // Mixed statuses before: one approved, one rejected, two drafts.
    await decide({ level: "concept", ids: [c[1]], status: "APPROVED" });
    await decide({ level: "concept", ids: [c[2]], status: "REJECTED" });
    const before = await statuses();
    const { status, result } = await decide({ level: "concept", ids: [c[0], c[1], c[2], c[3]], status: "APPROVED" });
    expect(status).toBe(200);
    expect(result.updated).toBe(4);
    expect(Object.values(await statuses()).filter((s) => s === "APPROVED")).toHaveLength(4);
    const groups = Object.fromEntries(result.previous.map((g) => [g.status, [...g.ids].sort()]));
    expect(groups).toEqual({ DRAFT: [c[0], c[3]].sort(), APPROVED: [c[1]], REJECTED: [c[2]] });

    // Undo: one request per previous status, as the studio sends it.
    for (const g of result.previous) expect((await decide({ level: "concept", ids: g.ids, status: g.status })).status).toBe(200);
    expect(await statuses()).toEqual(before);
    const events = await t.db().auditEvent.count({ where: { action: "knowledge.reviewed", targetId: c[0] } });
    expect(events).toBe(2);
  });

  it("is all or nothing: one unknown id leaves every status as it was", async () => {
    const before = await statuses();
    const { status } = await decide({ level: "concept", ids: [c[0], "no-such-concept"], status: "REJECTED" });
    expect(status).toBe(404);
    expect(await statuses()).toEqual(before);
  });
});
