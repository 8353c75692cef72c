import { STUDENT_FORMAT, STUDENT_FORMAT_VERSION, type StudentModel } from "./types";

export type StudentDescription = {
  /** the name shown wherever the student appears */
  label: string;
  /** what it is, in one sentence, so nobody takes it for a language model */
  detail: string;
  format: typeof STUDENT_FORMAT;
  version: number;
  statements?: number;
  instances?: number;
};

export const STUDENT_LABEL = "Local student (offline stand-in for a GPU fine-tune)";

/**
 * How the student is named everywhere (model registry, evaluation pages, CLI): the local stand-in
 * for a GPU fine-tune, a retrieval-based multi-hop reader, and not a language model, so its
 * accuracy is never read as a model's.
 */
export function describeStudent(model?: StudentModel): StudentDescription {
  return {
    label: STUDENT_LABEL,
    detail:
      "A retrieval-based multi-hop reader trained on CPU from the text of the training instances: it answers a question by finding and chaining the statements it learned. Not a language model.",
    format: STUDENT_FORMAT,
    version: model?.version ?? STUDENT_FORMAT_VERSION,
    ...(model ? { statements: model.trainedOn.statements, instances: model.trainedOn.instances } : {}),
  };
}
