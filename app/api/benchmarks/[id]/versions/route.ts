import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { newBenchmarkVersion } from "@/lib/server/services/tester/review-benchmark";

/** A new draft version from this one's active items (the way to edit a frozen benchmark). */
export const POST = defineRoute({ auth: "benchmark:review", params: z.object({ id: z.string() }), status: 201, handler: async ({ params, principal }) => newBenchmarkVersion(db(), principal, params.id) });
