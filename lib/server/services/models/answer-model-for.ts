import { createAnswerModel } from "@/lib/adapters/llm/answer-model";
import { createStudentAnswerModel } from "@/lib/adapters/student/answer-model";
import type { AnswerModel } from "@/lib/domain/ports";
import type { Progress } from "@/lib/server/services/progress";
import { resolveEndpoint } from "@/lib/server/services/settings/endpoints";
import { loadStudentOf } from "./student-artefact";

export type Answerer = {
  model: AnswerModel;
  /** requests at once: the endpoint's limit; one for the local student (it runs here, on the CPU) */
  concurrency: number;
  /** answers cost nothing to ask again: they may be written in groups */
  local: boolean;
};

/** The model port of a model version: the local student from its artefact, or the endpoint that serves it. */
export async function answererFor(ctx: Pick<Progress, "db" | "signal">, v: { id: string; trainer: string; endpoint: string | null; remoteModel: string | null }): Promise<Answerer> {
  if (v.trainer === "local") return { model: createStudentAnswerModel(await loadStudentOf(ctx.db, v.id)), concurrency: 1, local: true };
  const endpoint = await resolveEndpoint(ctx.db, v.endpoint ?? undefined);
  return { model: createAnswerModel({ ...endpoint, model: v.remoteModel ?? endpoint.model, signal: ctx.signal }), concurrency: endpoint.concurrency, local: false };
}
