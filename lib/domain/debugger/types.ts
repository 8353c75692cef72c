import { z } from "zod";
import { INSTANCE_KINDS } from "../builder/types";

export const PROBE_OPERATORS = ["ANSWER", "INVREL", "SAME_ROLE", "OTHER"] as const;

/** One option of a probe and where it came from: the right one, the relation run backwards, another object of the same predicate, any other concept. */
export const probeOptionSchema = z.object({ text: z.string(), conceptId: z.string(), operator: z.enum(PROBE_OPERATORS) });

/** A probe as asked: L1 (does the model know the concept?) or L2 (does it know this step?). */
export const probeSchema = z.object({
  level: z.enum(["L1", "L2"]),
  /** L2: the step of the chain (0-based); L1: the concept's place on the chain (0 = the start) */
  position: z.number().int().nonnegative(),
  conceptId: z.string().nullable(),
  relationId: z.string().nullable(),
  stem: z.string(),
  options: z.array(probeOptionSchema).min(2),
  answerIndex: z.number().int().nonnegative(),
  /** why a right answer to it shows nothing (a wrong one still does): e.g. the answer is in the question's words */
  weak: z.string().optional(),
});

/** A probe with the model's answer. */
export const probeResultSchema = probeSchema.extend({
  choice: z.number().int().nonnegative().nullable(),
  raw: z.string(),
  correct: z.boolean(),
});

export const unprobedSchema = z.object({ level: z.enum(["L1", "L2"]), position: z.number().int().nonnegative(), reason: z.string() });

/** What a trace keeps of its probes: each one asked with the answer, what could not be asked and why, and the diagnosis in words. */
export const traceProbesSchema = z.object({ results: z.array(probeResultSchema), unprobed: z.array(unprobedSchema), because: z.string() });
export type TraceProbes = z.infer<typeof traceProbesSchema>;

export type ProbeOption = z.infer<typeof probeOptionSchema>;
export type Probe = z.infer<typeof probeSchema>;
export type ProbeResult = z.infer<typeof probeResultSchema>;

/** A chain step or concept that could not be probed, with why (the trace says so rather than guess). */
export type Unprobed = z.infer<typeof unprobedSchema>;

export const DIAGNOSES = ["MISSING_CONCEPT", "MISSING_RELATION", "WRONG_RELATION", "COMPOSITION", "UNEXPLAINED"] as const;
export type Diagnosis = (typeof DIAGNOSES)[number];

export type DiagnosisResult = {
  diagnosis: Diagnosis;
  /** the chain step of a relation diagnosis */
  step: number | null;
  conceptId: string | null;
  relationId: string | null;
  /** one sentence saying why, from the probes */
  because: string;
};

/**
 * A patch's content: the training instance it becomes. The one schema the server validates every
 * edit with, and the browser's editor (its JSON Schema is generated from it).
 */
export const patchContentSchema = z
  .object({
    kind: z.enum(INSTANCE_KINDS),
    prompt: z.string().trim().min(8, "must be a question or an instruction of at least 8 characters").max(2000),
    completion: z.string().trim().min(8, "must be an answer of at least 8 characters").max(4000),
    /** what it teaches */
    conceptIds: z.array(z.string().min(1)).max(8),
    relationIds: z.array(z.string().min(1)).max(8),
    chunkId: z.string().nullable(),
  })
  .strict();
export type PatchContent = z.infer<typeof patchContentSchema>;

export const PATCH_FORMS = ["definition", "relation", "inverse", "explanation", "contrast"] as const;
export type PatchForm = (typeof PATCH_FORMS)[number];
