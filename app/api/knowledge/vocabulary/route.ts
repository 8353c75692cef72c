import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { replaceVocabulary, vocabularyInput, vocabularyOfSlug } from "@/lib/server/services/knowledge/vocabulary";

const query = z.object({ discipline: z.string().min(1, "is required") });

export const GET = defineRoute({ auth: "workspace:read", query, handler: async ({ query }) => ({ items: await vocabularyOfSlug(db(), query.discipline) }) });

/** Replaces a discipline's vocabulary; a predicate still used by relations cannot be removed (409). */
export const PUT = defineRoute({ auth: "knowledge:edit", query, body: vocabularyInput, handler: async ({ principal, query, body }) => ({ items: await replaceVocabulary(db(), principal, query.discipline, body.items) }) });
