import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";
import type { Principal } from "@/lib/server/auth/principal";
import { decryptSecret, encryptSecret } from "@/lib/server/secrets";
import { audit } from "@/lib/server/services/auth/audit";

/** What the adapter needs to call an endpoint; holds the API key in clear, so it never leaves the server. */
export type EndpointConfig = { name: string; baseURL: string; apiKey: string | null; model: string; concurrency: number; timeoutMs: number };

export const ENV_ENDPOINT = "env";

export const endpointInput = z.object({
  name: z.string().trim().min(1, "is required").max(60).regex(/^[\w.-]+$/, "may use letters, digits, '.', '_' and '-'").refine((n) => n !== ENV_ENDPOINT, `"${ENV_ENDPOINT}" is reserved for the environment's endpoint`),
  baseUrl: z.string().trim().url("must be a URL such as https://api.example.com/v1"),
  model: z.string().trim().min(1, "is required"),
  /** absent: keep the stored key; empty string: remove it */
  apiKey: z.string().optional(),
  concurrency: z.coerce.number().int().min(1).max(64).default(4),
  timeoutMs: z.coerce.number().int().min(1000).max(600_000).default(60_000),
});
export type EndpointInput = z.infer<typeof endpointInput>;

const PUBLIC = { id: true, name: true, baseUrl: true, model: true, concurrency: true, timeoutMs: true, createdAt: true, updatedAt: true, apiKeyEnc: true } as const;
type Row = { id: string; name: string; baseUrl: string; model: string; concurrency: number; timeoutMs: number; createdAt: Date; updatedAt: Date; apiKeyEnc: string | null };
// Whether a key is stored, never the key (or its ciphertext).
const toPublic = ({ apiKeyEnc, ...r }: Row) => ({ ...r, hasApiKey: !!apiKeyEnc, source: "settings" as const });

/** The endpoint configured by PRODA_LLM_BASE_URL and PRODA_LLM_MODEL (and PRODA_LLM_API_KEY), for headless use. */
export function envEndpoint(env: NodeJS.ProcessEnv = process.env): EndpointConfig | null {
  if (!env.PRODA_LLM_BASE_URL || !env.PRODA_LLM_MODEL) return null;
  return {
    name: ENV_ENDPOINT,
    baseURL: env.PRODA_LLM_BASE_URL,
    model: env.PRODA_LLM_MODEL,
    apiKey: env.PRODA_LLM_API_KEY ?? null,
    concurrency: Number(env.PRODA_LLM_CONCURRENCY ?? 4),
    timeoutMs: Number(env.PRODA_LLM_TIMEOUT_MS ?? 60_000),
  };
}

export async function listEndpoints(db: Db) {
  const rows = (await db.endpoint.findMany({ select: PUBLIC, orderBy: { name: "asc" } })).map(toPublic);
  const env = envEndpoint();
  return env
    ? [...rows, { id: ENV_ENDPOINT, name: ENV_ENDPOINT, baseUrl: env.baseURL, model: env.model, concurrency: env.concurrency, timeoutMs: env.timeoutMs, hasApiKey: !!env.apiKey, source: "environment" as const }]
    : rows;
}

/** The endpoint to call: by name, or the only one there is. */
export async function resolveEndpoint(db: Db, name?: string): Promise<EndpointConfig> {
  const env = envEndpoint();
  if (name === ENV_ENDPOINT || (!name && env)) {
    if (!env) throw new DomainError("NOT_FOUND", "No endpoint in the environment: set PRODA_LLM_BASE_URL and PRODA_LLM_MODEL");
    return env;
  }
  const rows = await db.endpoint.findMany({ where: name ? { name } : {}, take: 2 });
  if (rows.length === 0) throw new DomainError("NOT_FOUND", name ? `No endpoint named "${name}"` : "No LLM endpoint is configured: add one in Settings or set PRODA_LLM_BASE_URL and PRODA_LLM_MODEL");
  if (!name && rows.length > 1) throw new DomainError("BAD_INPUT", "Several endpoints are configured: name one with --endpoint");
  const r = rows[0];
  return { name: r.name, baseURL: r.baseUrl, model: r.model, apiKey: r.apiKeyEnc ? decryptSecret(r.apiKeyEnc) : null, concurrency: r.concurrency, timeoutMs: r.timeoutMs };
}

const originOf = (url: string) => new URL(url).origin;

/**
 * A stored key goes only to the origin (scheme, host, port) it was entered for: moving an
 * endpoint elsewhere without entering the key again (or "" for none) is refused, so whoever can
 * edit settings cannot redirect the key to a server of theirs.
 */
async function assertKeyStaysHome(db: Db, id: string, baseUrl: string, apiKey: string | undefined) {
  if (apiKey !== undefined) return;
  const before = await db.endpoint.findUnique({ where: { id }, select: { baseUrl: true, apiKeyEnc: true } });
  if (!before?.apiKeyEnc || originOf(before.baseUrl) === originOf(baseUrl)) return;
  throw new DomainError("BAD_INPUT", `The stored API key is only sent to ${originOf(before.baseUrl)}: enter it again for ${originOf(baseUrl)} (or send an empty key for none)`, {
    fields: [{ field: "apiKey", message: "enter the key again: the base URL now points to another host" }],
  });
}

export async function saveEndpoint(db: Db, actor: Principal, input: EndpointInput, id?: string) {
  const { apiKey, ...fields } = input;
  const key = apiKey === undefined ? {} : { apiKeyEnc: apiKey ? encryptSecret(apiKey) : null };
  if (!id && (await db.endpoint.findUnique({ where: { name: fields.name }, select: { id: true } }))) {
    throw new DomainError("CONFLICT", `An endpoint named "${fields.name}" exists`, { fields: [{ field: "name", message: "already in use" }] });
  }
  if (id) await assertKeyStaysHome(db, id, fields.baseUrl, apiKey);
  const row = id
    ? await db.endpoint.update({ where: { id }, data: { ...fields, ...key }, select: PUBLIC })
    : await db.endpoint.create({ data: { ...fields, ...key }, select: PUBLIC });
  await audit(db, { action: "settings.endpoint_saved", actor, target: { type: "endpoint", id: row.id }, details: { name: row.name, baseUrl: row.baseUrl, model: row.model, apiKeyChanged: apiKey !== undefined } });
  return toPublic(row);
}

export async function deleteEndpoint(db: Db, actor: Principal, id: string) {
  const row = await db.endpoint.delete({ where: { id }, select: { name: true } });
  await audit(db, { action: "settings.endpoint_deleted", actor, target: { type: "endpoint", id }, details: { name: row.name } });
  return { ok: true };
}
