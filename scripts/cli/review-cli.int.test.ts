import { beforeAll, describe, expect, it } from "vitest";
import type { QueuePage } from "@/lib/domain/knowledge/review-queue";
import type { Principal } from "@/lib/server/auth/principal";
import { createAccount } from "@/lib/server/services/auth/accounts";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { createConcept } from "@/lib/server/services/knowledge/curate-concepts";
import { createRelation } from "@/lib/server/services/knowledge/curate-relations";
import { prodaAgainst } from "@/test/cli";
import { useTestDatabase } from "@/test/database";

const t = useTestDatabase();
const proda = prodaAgainst(() => t.url());
const c: string[] = [];
let relation = "";

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  for (const [email, role] of [["eve@example.test", "EXPERT"], ["vic@example.test", "VIEWER"]] as const) {
    await t.db().$transaction((tx) => createAccount(tx, { email, name: email.split("@")[0], password: "correct horse battery", role }));
  }
  const eve = await t.db().user.findUniqueOrThrow({ where: { email: "eve@example.test" } });
  const actor: Principal = { userId: eve.id, email: eve.email, name: eve.name, role: "EXPERT", via: "cli" };
  for (const name of ["Acid", "Base", "Salt"]) c.push((await createConcept(t.db(), actor, { discipline: "chemistry", name, aliases: [], definition: null })).id);
  relation = (await createRelation(t.db(), actor, { subjectId: c[0], predicate: "produces", objectId: c[2], evidence: "An acid and a base produce a salt." })).id;
});

describe("proda review", () => {
  it("lists the queue with totals, pages and filters, as JSON and as text", async () => {
    const all = await proda("review", "queue", "--discipline", "chemistry", "--json");
    expect(all.code).toBe(0);
    const page = JSON.parse(all.stdout) as QueuePage;
    expect(page).toMatchObject({ total: 4, byLevel: { concept: 3, relation: 1, chain: 0 }, nextCursor: null });
    const first = JSON.parse((await proda("review", "queue", "-d", "chemistry", "--limit", "3", "--json")).stdout) as QueuePage;
    expect(first.items).toHaveLength(3);
    const rest = JSON.parse((await proda("review", "queue", "-d", "chemistry", "--limit", "3", "--cursor", first.nextCursor!, "--json")).stdout) as QueuePage;
    expect(rest.items.map((i) => i.id)).toEqual([relation]);
    const text = await proda("review", "queue", "-d", "chemistry", "--level", "relation");
    expect(text.stdout).toMatch(/^1 draft to review in chemistry \(3 concepts, 1 relation, 0 chains\)\./);
    expect(text.stdout).toContain("Acid produces Salt");
  });

  it("assigns to a reviewer by email, filters by assignee, unassigns", async () => {
    const assigned = await proda("review", "assign", "concept", c[0], c[1], "--to", "eve@example.test", "--json");
    expect(assigned.code).toBe(0);
    expect(JSON.parse(assigned.stdout)).toMatchObject({ updated: 2, assignee: { email: "eve@example.test" } });
    const hers = JSON.parse((await proda("review", "queue", "--assignee", "eve@example.test", "--json")).stdout) as QueuePage;
    expect(hers.items.map((i) => i.id).sort()).toEqual([c[0], c[1]].sort());
    // "me" is the person named with --as.
    const mine = JSON.parse((await proda("review", "queue", "--assignee", "me", "--as", "eve@example.test", "--json")).stdout) as QueuePage;
    expect(mine.total).toBe(2);
    expect((await proda("review", "queue", "--assignee", "none", "-d", "chemistry", "--json")).stdout).toContain(`"total": 2`);
    const text = await proda("review", "assign", "concept", c[1], "--none");
    expect(text.stdout.trim()).toBe("Unassigned: 1 concept.");
    // The audit log says who decided: the local admin has no account, --as names one.
    const events = await t.db().auditEvent.findMany({ where: { action: "knowledge.assigned", targetId: c[1] }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.details)).toEqual([{ assignee: "eve@example.test", previous: null }, { assignee: null, previous: "eve@example.test" }]);
  });

  it("comments on an item, as the local admin or as someone", async () => {
    const out = await proda("review", "comment", "relation", relation, "Needs a base too.", "--as", "eve@example.test", "--json");
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ text: "Needs a base too.", author: { email: "eve@example.test" } });
    expect((await proda("review", "comment", "relation", relation, "Checked.")).stdout.trim()).toBe(`Commented on relation ${relation} as the local admin.`);
    const comments = await t.db().reviewComment.findMany({ where: { relationId: relation }, orderBy: { id: "asc" } });
    expect(comments.map((x) => [x.text, x.authorId !== null])).toEqual([["Needs a base too.", true], ["Checked.", false]]);
    expect(await t.db().auditEvent.count({ where: { action: "knowledge.commented", targetId: relation } })).toBe(2);
  });

  it("refuses bad input with the API's error shape and exit codes, changing nothing", async () => {
    const cases: [string[], number, string][] = [
      [["review", "queue", "--level", "everything", "--json"], 2, "BAD_INPUT"],
      [["review", "queue", "--assignee", "me", "--json"], 1, "BAD_INPUT"],
      [["review", "queue", "--limit", "0", "--json"], 1, "BAD_INPUT"],
      [["review", "assign", "concept", c[2], "--json"], 2, "BAD_INPUT"],
      [["review", "assign", "concept", c[2], "--to", "vic@example.test", "--json"], 1, "BAD_INPUT"],
      [["review", "assign", "concept", c[2], "--to", "nobody@example.test", "--json"], 1, "BAD_INPUT"],
      [["review", "assign", "concept", "no-such-concept", "--to", "eve@example.test", "--json"], 1, "NOT_FOUND"],
      [["review", "comment", "concept", c[2], " ", "--json"], 1, "BAD_INPUT"],
      [["review", "comment", "concept", c[2], "hi", "--as", "vic@example.test", "--json"], 1, "FORBIDDEN"],
    ];
    for (const [args, code, error] of cases) {
      const out = await proda(...args);
      expect(out.code, args.join(" ")).toBe(code);
      expect(JSON.parse(out.stdout).error.code, args.join(" ")).toBe(error);
    }
    expect(await t.db().reviewAssignment.count({ where: { conceptId: c[2] } })).toBe(0);
    expect(await t.db().reviewComment.count({ where: { conceptId: c[2] } })).toBe(0);
  }, 120_000);
});
