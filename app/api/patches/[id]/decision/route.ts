import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { decidePatch, decidePatchInput } from "@/lib/server/services/debugger/review-patch";

/** Approve (refused while the gate fails) or reject; audited. */
export const POST = defineRoute({ auth: "patches:approve", params: z.object({ id: z.string() }), body: decidePatchInput, handler: async ({ params, body, principal }) => decidePatch(db(), principal, params.id, body) });
