import { beforeAll, describe, expect, it } from "vitest";
import * as assignments from "@/app/api/knowledge/assignments/route";
import * as queue from "@/app/api/knowledge/review-queue/route";
import * as reviewers from "@/app/api/knowledge/reviewers/route";
import type { Role } from "@/lib/auth/roles";
import type { QueuePage } from "@/lib/domain/knowledge/review-queue";
import type { Principal } from "@/lib/server/auth/principal";
import { createAccount } from "@/lib/server/services/auth/accounts";
import { createToken } from "@/lib/server/services/auth/api-tokens";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { createChain } from "@/lib/server/services/knowledge/curate-chains";
import { createConcept } from "@/lib/server/services/knowledge/curate-concepts";
import { createRelation } from "@/lib/server/services/knowledge/curate-relations";
import { reviewItems } from "@/lib/server/services/knowledge/review";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";

const t = useTestDatabase();
type Person = { principal: Principal; headers: { authorization: string } };
const people = {} as Record<"expert" | "other" | "viewer", Person>;
const ids = { concepts: [] as string[], relations: [] as string[], chain: "" };

async function person(role: Role, name: string): Promise<Person> {
  const user = await t.db().$transaction((tx) => createAccount(tx, { email: `${name}@example.test`, name, password: "correct horse battery", role }));
  const principal: Principal = { userId: user.id, email: user.email, name: user.name, role, via: "token" };
  return { principal, headers: { authorization: `Bearer ${(await createToken(t.db(), principal, { name: "t" }, null)).token}` } };
}

const get = async (query: Record<string, string>, who: Person = people.expert) => {
  const res = await callRoute(queue.GET, "GET", "/api/knowledge/review-queue", { headers: who.headers, query });
  return { status: res.status, page: res.json as QueuePage, json: res.json as { error: { code: string; details: { fields: { field: string }[] } } } };
};
const assign = (body: unknown, who: Person = people.expert) => callRoute(assignments.POST, "POST", "/api/knowledge/assignments", { headers: who.headers, body });

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  people.expert = await person("EXPERT", "eve");
  people.other = await person("ADMIN", "ada");
  people.viewer = await person("VIEWER", "vic");
  const ex = people.expert.principal;
  for (const name of ["Light energy", "Chemical energy", "Glucose", "ATP", "Cellular respiration", "Chlorophyll"]) {
    ids.concepts.push((await createConcept(t.db(), ex, { discipline: "biology", name, aliases: [], definition: null })).id);
  }
  const [light, chem, glucose, atp, cell] = ids.concepts;
  for (const [s, p, o, evidence] of [
    [light, "converts_to", chem, "Light energy is converted into chemical energy."],
    [chem, "enables", cell, "Chemical energy enables cellular respiration."],
    [cell, "produces", atp, "Cellular respiration produces ATP."],
    [glucose, "produces", atp, "Glucose yields ATP."],
  ] as const) {
    ids.relations.push((await createRelation(t.db(), ex, { subjectId: s, predicate: p, objectId: o, evidence })).id);
  }
  ids.chain = (await createChain(t.db(), ex, { relationIds: ids.relations.slice(0, 3), summary: "Light ends up as ATP." })).id;
  // Not drafts, or not biology: never in biology's queue.
  await reviewItems(t.db(), ex, { level: "concept", ids: [ids.concepts[5]], status: "APPROVED" });
  await reviewItems(t.db(), ex, { level: "relation", ids: [ids.relations[3]], status: "REJECTED" });
  await createConcept(t.db(), ex, { discipline: "physics", name: "Force", aliases: [], definition: null });
});

describe("GET /api/knowledge/review-queue", () => {
  it("lists the discipline's drafts of all three levels, concepts first, with the total and the count per level", async () => {
    const { status, page } = await get({ discipline: "biology" });
    expect(status).toBe(200);
    expect(page.byLevel).toEqual({ concept: 5, relation: 3, chain: 1 });
    expect(page.total).toBe(9);
    expect(page.items.map((i) => i.level)).toEqual([...Array(5).fill("concept"), ...Array(3).fill("relation"), "chain"]);
    expect(page.nextCursor).toBeNull();
    const relation = page.items.find((i) => i.id === ids.relations[0])!;
    expect(relation).toMatchObject({ label: "Light energy converts_to Chemical energy", concepts: [ids.concepts[0], ids.concepts[1]], focus: ids.concepts[0], assignee: null, comments: 0 });
    // A chain spans the concepts of its steps in order, once each, and is focused as itself (the whole path is drawn).
    expect(page.items.at(-1)).toMatchObject({ level: "chain", label: "Light ends up as ATP.", concepts: [ids.concepts[0], ids.concepts[1], ids.concepts[4], ids.concepts[3]], focus: ids.chain });
  });

  it("filters by level, keeping the per-level counts", async () => {
    const { page } = await get({ discipline: "biology", level: "relation" });
    expect(page.items.map((i) => i.id)).toEqual(ids.relations.slice(0, 3).sort());
    expect(page.total).toBe(3);
    expect(page.byLevel.concept).toBe(5);
    expect((await get({ discipline: "biology", level: "chain" })).page.items.map((i) => i.id)).toEqual([ids.chain]);
    // Without a discipline: every discipline's drafts.
    expect((await get({ level: "concept" })).page.total).toBe(6);
  });

  it("walks the queue in keyset pages across levels: every draft once, in order", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { page }: { page: QueuePage } = await get({ discipline: "biology", limit: "2", ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(9);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => `${i.level}:${i.id}`));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(5);
    const all = (await get({ discipline: "biology" })).page.items.map((i) => `${i.level}:${i.id}`);
    expect(seen).toEqual(all);
  });

  it("filters by assignee: mine, nobody's, one reviewer's; assignment shows on the row", async () => {
    const res = await assign({ level: "relation", ids: [ids.relations[1], ids.relations[2]], assigneeId: people.expert.principal.userId });
    expect(res.status).toBe(200);
    expect((await assign({ level: "concept", ids: [ids.concepts[2]], assigneeId: people.other.principal.userId })).status).toBe(200);

    const mine = (await get({ discipline: "biology", assignee: "me" })).page;
    expect(mine.items.map((i) => i.id)).toEqual([ids.relations[1], ids.relations[2]].sort());
    expect(mine.total).toBe(2);
    expect(mine.byLevel).toEqual({ concept: 0, relation: 2, chain: 0 });
    expect(mine.items[0].assignee).toEqual({ id: people.expert.principal.userId, name: "eve", email: "eve@example.test" });
    // "me" is whoever asks.
    expect((await get({ discipline: "biology", assignee: "me" }, people.other)).page.items.map((i) => i.id)).toEqual([ids.concepts[2]]);
    expect((await get({ discipline: "biology", assignee: people.other.principal.userId })).page.total).toBe(1);
    const nobody = (await get({ discipline: "biology", assignee: "none" })).page;
    expect(nobody.total).toBe(6);
    expect(nobody.items.every((i) => i.assignee === null)).toBe(true);

    // Unassigning puts them back among nobody's.
    expect((await assign({ level: "relation", ids: [ids.relations[1], ids.relations[2]], assigneeId: null })).status).toBe(200);
    expect((await get({ discipline: "biology", assignee: "none" })).page.total).toBe(8);
  });

  it("answers bad parameters with 400 naming the field", async () => {
    for (const [query, field] of [
      [{ level: "concepts-and-more" }, "level"],
      [{ limit: "0" }, "limit"],
      [{ limit: "500" }, "limit"],
      [{ cursor: "nonsense" }, "cursor"],
      [{ discipline: "no-such-discipline" }, "discipline"],
      [{ assignee: "no-such-user" }, "assignee"],
    ] as const) {
      const { status, json } = await get(query);
      expect(status, JSON.stringify(query)).toBe(400);
      expect(json.error.code).toBe("BAD_INPUT");
      expect(json.error.details.fields.map((f) => f.field)).toContain(field);
    }
  });
});

describe("assignment", () => {
  it("lists as reviewers only active people who may approve knowledge", async () => {
    const res = await callRoute(reviewers.GET, "GET", "/api/knowledge/reviewers", { headers: people.viewer.headers });
    expect(res.status).toBe(200);
    expect((res.json as { items: { email: string }[] }).items.map((u) => u.email)).toEqual(["ada@example.test", "eve@example.test"]);
  });

  it("refuses an assignee who may not review, unknown items and a viewer, and changes nothing", async () => {
    const before = await t.db().reviewAssignment.count();
    const events = await t.db().auditEvent.count({ where: { action: "knowledge.assigned" } });
    const viewer = await assign({ level: "concept", ids: [ids.concepts[0]], assigneeId: people.viewer.principal.userId });
    expect(viewer.status).toBe(400);
    expect(viewer.json).toMatchObject({ error: { code: "BAD_INPUT", details: { fields: [{ field: "assigneeId" }] } } });
    const unknown = await assign({ level: "concept", ids: [ids.concepts[0], "no-such-concept"], assigneeId: people.expert.principal.userId });
    expect(unknown.status).toBe(404);
    expect((await assign({ level: "concept", ids: [], assigneeId: null })).status).toBe(400);
    expect((await assign({ level: "concept", ids: [ids.concepts[0]], assigneeId: people.expert.principal.userId }, people.viewer)).status).toBe(403);
    expect(await t.db().reviewAssignment.count()).toBe(before);
    expect(await t.db().auditEvent.count({ where: { action: "knowledge.assigned" } })).toBe(events);
  });

  it("writes one audit event per item with the assignee before and after", async () => {
    await assign({ level: "chain", ids: [ids.chain], assigneeId: people.other.principal.userId });
    await assign({ level: "chain", ids: [ids.chain], assigneeId: people.expert.principal.userId });
    const events = await t.db().auditEvent.findMany({ where: { action: "knowledge.assigned", targetType: "chain", targetId: ids.chain }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.details)).toEqual([
      { assignee: "ada@example.test", previous: null },
      { assignee: "eve@example.test", previous: "ada@example.test" },
    ]);
    expect(events[1].actorEmail).toBe("eve@example.test");
    expect(await t.db().reviewAssignment.count({ where: { chainId: ids.chain } })).toBe(1);
  });
});
