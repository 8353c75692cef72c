import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { listDisciplines } from "@/lib/server/queries/corpus";

export const GET = defineRoute({ auth: "workspace:read", handler: async () => ({ items: await listDisciplines(db()) }) });
