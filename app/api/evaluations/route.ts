import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { listEvaluations } from "@/lib/server/queries/evaluations";
import { launchEvaluation, launchEvaluationInput } from "@/lib/server/services/models/launch";

export const GET = defineRoute({ auth: "workspace:read", handler: async () => listEvaluations(db()) });

/** Evaluates a model version on a frozen benchmark (the newest by default), as a job. */
export const POST = defineRoute({ auth: "evaluations:launch", body: launchEvaluationInput, status: 202, handler: async ({ body, principal }) => launchEvaluation(db(), principal, body) });
