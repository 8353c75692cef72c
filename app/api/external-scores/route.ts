import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { externalScoreInput, listExternalScores, saveExternalScore } from "@/lib/server/services/dashboards/external-scores";

export const GET = defineRoute({ auth: "workspace:read", handler: async () => ({ items: await listExternalScores(db()) }) });

/** A model's score on an external benchmark: entered, or changed when one is there. */
export const POST = defineRoute({ auth: "external-scores:edit", body: externalScoreInput, handler: async ({ body, principal }) => saveExternalScore(db(), principal, body) });
