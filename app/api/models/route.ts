import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { endpointChoices, listModels } from "@/lib/server/queries/models";
import { registerModel, registerModelInput } from "@/lib/server/services/models/register-model";

/** Model versions with lineage and last evaluation; endpoints by name, for the register and train forms. */
export const GET = defineRoute({ auth: "workspace:read", handler: async () => ({ items: await listModels(db()), endpoints: await endpointChoices(db()) }) });

/** Registers a model an OpenAI-compatible server serves: a base or official model, or one trained from the bundle. */
export const POST = defineRoute({ auth: "models:register", body: registerModelInput, status: 201, handler: async ({ body, principal }) => registerModel(db(), principal, body) });
