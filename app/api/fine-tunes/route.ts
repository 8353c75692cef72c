import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { listFineTunes } from "@/lib/server/queries/models";
import { launchTraining, launchTrainingInput } from "@/lib/server/services/models/launch";

/** Fine-tunes with their live state and the provider's events; cancel through /api/jobs/{runId}/cancel. */
export const GET = defineRoute({ auth: "workspace:read", handler: async () => listFineTunes(db()) });

/** Trains a version on an approved training set, as a job: the local student or a remote fine-tune. */
export const POST = defineRoute({ auth: "fine-tunes:launch", body: launchTrainingInput, status: 202, handler: async ({ body, principal }) => launchTraining(db(), principal, body) });
