import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { approveTrainingSet } from "@/lib/server/services/builder/approve-training-set";

/** Approves a version for fine-tuning: 422 unless a frozen benchmark exists and the gate passed. */
export const POST = defineRoute({ auth: "training-sets:approve", params: z.object({ id: z.string() }), handler: async ({ params, principal }) => approveTrainingSet(db(), principal, params.id) });
