import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { MODEL_STAGES, modelNameSchema } from "@/lib/jobs/model-train";
import type { Principal } from "@/lib/server/auth/principal";
import type { Db } from "@/lib/server/db";
import { audit } from "@/lib/server/services/auth/audit";
import { resolveEndpoint } from "@/lib/server/services/settings/endpoints";

export const registerModelInput = z.object({
  name: modelNameSchema,
  stage: z.enum(MODEL_STAGES),
  /** the endpoint serving it (Settings name, or `env`) */
  endpoint: z.string().trim().min(1, "is required"),
  /** the model id to ask at that endpoint; the endpoint's model when absent */
  model: z.string().trim().min(1).optional(),
  /** how it was produced: "registered" for a base or official model, "bundle" for one trained on one's own GPUs */
  trainer: z.enum(["registered", "bundle"]).default("registered"),
  trainingSetId: z.string().optional(),
});
export type RegisterModelInput = z.input<typeof registerModelInput>;

/** Refused (409) when another version has the name; `runId`: the run that may be making it itself (a retry). */
export async function assertModelNameFree(db: Db, name: string, runId?: string) {
  const taken = await db.modelVersion.findUnique({ where: { name }, select: { runId: true } });
  if (taken && (!runId || taken.runId !== runId)) throw new DomainError("CONFLICT", `A model version is already named ${name}`, { fields: [{ field: "name", message: "is taken" }] });
}

/**
 * Registers a model any OpenAI-compatible server serves (vLLM, llama.cpp, Ollama, a hosted API)
 * as a version: a base or official model to compare V1 and V2 with, or one trained on one's own
 * GPUs from the bundle.
 */
export async function registerModel(db: Db, actor: Principal | null, raw: RegisterModelInput) {
  const input = registerModelInput.parse(raw);
  const endpoint = await resolveEndpoint(db, input.endpoint);
  await assertModelNameFree(db, input.name);
  if (input.trainingSetId && !(await db.trainingSet.findUnique({ where: { id: input.trainingSetId }, select: { id: true } }))) {
    throw new DomainError("NOT_FOUND", `No training set ${input.trainingSetId}`);
  }
  const created = await db.modelVersion.create({
    data: { name: input.name, stage: input.stage, trainer: input.trainer, endpoint: endpoint.name, remoteModel: input.model ?? endpoint.model, trainingSetId: input.trainingSetId ?? null, createdBy: actor?.userId ?? null },
  });
  await audit(db, { action: "model.registered", actor, target: { type: "model", id: created.id }, details: { name: created.name, stage: created.stage, endpoint: endpoint.name } });
  return created;
}
