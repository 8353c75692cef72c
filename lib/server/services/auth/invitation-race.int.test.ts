import { describe, expect, it } from "vitest";
import * as accept from "@/app/api/invitations/accept/route";
import type { Principal } from "@/lib/server/auth/principal";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { createAccount } from "./accounts";
import { invite } from "./invitations";

const t = useTestDatabase();

describe("accepting one invitation several times at once", () => {
  it("creates one account: one answer is 201, the others a clean 409", async () => {
    const admin = await t.db().$transaction((tx) => createAccount(tx, { email: "admin@example.test", name: "Admin", password: "admin password 1", role: "ADMIN" }));
    const actor: Principal = { userId: admin.id, email: admin.email, name: admin.name, role: "ADMIN", via: "session" };
    const { path } = await invite(t.db(), actor, { email: "new@example.test", role: "EXPERT" }, null);
    const token = path.split("/").pop()!;
    const answers = await Promise.all(
      ["One", "Two", "Three"].map((name) => callRoute(accept.POST, "POST", "/api/invitations/accept", { body: { token, name, password: "a new member's password" } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.json).toMatchObject({ error: { code: "CONFLICT", message: expect.stringMatching(/already used/) } });
    expect(await t.db().user.count({ where: { email: "new@example.test" } })).toBe(1);
    expect(await t.db().auditEvent.count({ where: { action: "user.invitation_accepted" } })).toBe(1);
  });
});
