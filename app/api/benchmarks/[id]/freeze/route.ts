import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { freezeBenchmark } from "@/lib/server/services/tester/review-benchmark";

/** Freezes a draft version: training is measured against it from now on. */
export const POST = defineRoute({ auth: "benchmark:freeze", params: z.object({ id: z.string() }), handler: async ({ params, principal }) => freezeBenchmark(db(), principal, params.id) });
