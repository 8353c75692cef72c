import { capRaw, formatQuestion, letterOf } from "@/lib/domain/evaluation";
import type { AnswerModel, McQuestion, ModelAnswer } from "@/lib/domain/ports";
import { answerItem, STUDENT_LABEL, type StudentModel } from "@/lib/domain/student";

export type StudentAnswerModelOptions = {
  /** seeds the student's tie-breaks and guesses (answerItem); default 0 */
  seed?: number;
};

/** What the student "said": its letter and the statements it chained to get there. */
function replyOf(choice: number | null, options: readonly string[], evidence: readonly string[]): string {
  if (choice === null) return "No answer: nothing the student learned matches the question.";
  const because = evidence.length ? `\nEvidence:\n${evidence.map((s) => `- ${s}`).join("\n")}` : "\nEvidence: none (a guess among the options).";
  return `${letterOf(choice)}. ${options[choice]}${because}`;
}

/**
 * The local student as a model under evaluation: the offline stand-in for a GPU fine-tune, not a
 * language model, and labelled so wherever its answers appear. It reads the same stem and options
 * an endpoint is shown and picks an option itself, so there is no reply to parse (parsedBy
 * "student"; choice null only when it retrieved nothing) and no tokens to count.
 */
export function createStudentAnswerModel(student: StudentModel, opts: StudentAnswerModelOptions = {}): AnswerModel {
  return {
    label: STUDENT_LABEL,
    async answer(question: McQuestion, call: { signal?: AbortSignal } = {}): Promise<ModelAnswer> {
      if (call.signal?.aborted) throw call.signal.reason;
      const prompt = formatQuestion(question);
      const started = performance.now();
      const answer = answerItem(student, question, { seed: opts.seed });
      return {
        prompt,
        raw: capRaw(replyOf(answer.choice, question.options, answer.evidence)),
        choice: answer.choice,
        parsedBy: "student",
        latencyMs: Math.round(performance.now() - started),
        promptTokens: null,
        completionTokens: null,
      };
    },
  };
}
