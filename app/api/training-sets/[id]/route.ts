import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { trainingSetDetail } from "@/lib/server/queries/builder";

export const GET = defineRoute({ auth: "workspace:read", params: z.object({ id: z.string() }), handler: async ({ params }) => trainingSetDetail(db(), params.id) });
