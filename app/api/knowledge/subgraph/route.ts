import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { subgraph, subgraphInput } from "@/lib/server/queries/subgraph";

/** A POST because the focus list can be long; it changes nothing. */
export const POST = defineRoute({ auth: "workspace:read", cache: "knowledge", body: subgraphInput, handler: async ({ body }) => subgraph(db(), body) });
