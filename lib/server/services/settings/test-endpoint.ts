import { testConnection } from "@/lib/adapters/llm/openai-compatible";
import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/lib/server/db";
import { knownSecrets, scrubSecrets } from "@/lib/server/secrets";
import { ENV_ENDPOINT, resolveEndpoint } from "./endpoints";

/**
 * Sends one tiny completion to the endpoint (by id, or "env") and reports whether it answered.
 * Whatever the endpoint says comes back scrubbed of every key the studio knows: an error body
 * may echo the Authorization header, and the admin's browser is no place for the key.
 */
export async function testEndpoint(db: Db, id: string) {
  const row = id === ENV_ENDPOINT ? { name: ENV_ENDPOINT } : await db.endpoint.findUnique({ where: { id }, select: { name: true } });
  if (!row) throw new DomainError("NOT_FOUND", "No such endpoint");
  const endpoint = await resolveEndpoint(db, row.name);
  const result = await testConnection(endpoint);
  const secrets = [endpoint.apiKey, ...(await knownSecrets(db))];
  return result.ok ? { ...result, model: scrubSecrets(result.model, secrets) } : { ...result, error: scrubSecrets(result.error, secrets) };
}
