import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/server/auth/principal";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { createConcept, updateConcept } from "@/lib/server/services/knowledge/curate-concepts";
import { createRelation, deleteRelation } from "@/lib/server/services/knowledge/curate-relations";
import { useTestDatabase } from "@/test/database";
import { listAudit } from "./audit";

const t = useTestDatabase();
let expert: Principal;

beforeAll(async () => {
  await ensureDefaultDisciplines(t.db());
  const user = await t.db().user.create({ data: { email: "audit@example.test", name: "Aud", role: "EXPERT" } });
  expert = { userId: user.id, email: user.email, name: user.name, role: "EXPERT", via: "session" };
});

describe("the audit log", () => {
  it("names the knowledge items events acted on, and says when one is gone", async () => {
    const glucose = await createConcept(t.db(), expert, { discipline: "biology", name: "Glucose", aliases: [] });
    const atp = await createConcept(t.db(), expert, { discipline: "biology", name: "ATP", aliases: [] });
    await updateConcept(t.db(), expert, glucose.id, { definition: "A six-carbon sugar." });
    const r = await createRelation(t.db(), expert, { subjectId: glucose.id, predicate: "produces", objectId: atp.id, evidence: "Respiration of glucose produces ATP." });
    const gone = await createRelation(t.db(), expert, { subjectId: atp.id, predicate: "causes", objectId: glucose.id, evidence: "Made up." });
    await deleteRelation(t.db(), expert, gone.id);

    const { items } = await listAudit(t.db(), { limit: 100 });
    const named = (type: string, id: string) => items.filter((e) => e.targetType === type && e.targetId === id).map((e) => e.targetName);
    expect(new Set(named("concept", glucose.id))).toEqual(new Set(["Glucose"]));
    expect(named("relation", r.id)[0]).toBe("Glucose produces ATP");
    expect(named("relation", gone.id).every((n) => n === null)).toBe(true);
  });
});
