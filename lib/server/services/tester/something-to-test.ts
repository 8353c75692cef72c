import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";
import { selectDisciplines, statusesFor } from "@/lib/server/queries/structure";

// Apart from the Tester's service: the benchmark job's admit check runs this, and job definitions
// are imported by the browser's bundle (for their names and titles), so this imports nothing heavier.

/** What decides whether there is anything to test (a plain shape: the job's admit check takes it). */
type TestScope = { disciplines?: string[]; approvedOnly?: boolean };

/** Why a build gave no item: no chain to start from, or every candidate refused by the item checks. */
export function nothingToTest(payload: TestScope, disciplines: { name: string }[], refused: number) {
  const where = payload.disciplines?.length ? ` in ${disciplines.map((d) => d.name).join(", ")}` : "";
  const why = refused
    ? `every one of the ${refused} candidate items${where} was refused by the item checks`
    : payload.approvedOnly
      ? `there is no approved chain${where}: approve chains in the Knowledge graph first, or build from every chain that is not rejected`
      : `there is no chain${where}: extract the knowledge first`;
  return new DomainError("NOTHING_TO_BUILD", `No benchmark was built: ${why}.`, { approvedOnly: !!payload.approvedOnly, refused });
}

/** Refuses at once (404 for an unknown discipline, 422) a build that cannot give a single item because it has no chain to start from. */
export async function assertSomethingToTest(db: Db, payload: TestScope) {
  const disciplines = await selectDisciplines(db, payload.disciplines);
  const chains = await db.chain.count({ where: { disciplineId: { in: disciplines.map((d) => d.id) }, status: { in: [...statusesFor({ approvedOnly: payload.approvedOnly ?? false })] } } });
  if (chains === 0) throw nothingToTest(payload, disciplines, 0);
}
