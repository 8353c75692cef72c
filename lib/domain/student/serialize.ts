import MiniSearch from "minisearch";
import { z } from "zod";
import { DomainError } from "../errors";
import { INDEX_OPTIONS, termFrequencies } from "./statement-index";
import { STUDENT_FORMAT, STUDENT_FORMAT_VERSION, type StatementDoc, type StudentModel } from "./types";

/** A ceiling on any artefact read back, whatever it was trained with: loading never grows without bound. */
export const MAX_ARTEFACT_STATEMENTS = 1_000_000;

const count = z.number().int().nonnegative();
const artefact = z.object({
  format: z.literal(STUDENT_FORMAT),
  version: z.number().int(),
  trainedOn: z.object({ instances: count, statements: count, droppedStatements: count }),
  statements: z.array(z.string()).max(MAX_ARTEFACT_STATEMENTS),
  // MiniSearch's own serialised form, checked by MiniSearch when it is loaded.
  index: z.record(z.string(), z.unknown()),
});

/**
 * The model as one JSON document (the artefact kept in the database or PRODA_HOME): its format
 * and version, the statements it learned and its search index, so loading it needs no
 * re-indexing (the terms' frequencies are counted again from the statements). Its size is
 * bounded by the statements it keeps (trainStudent's bounds).
 */
export function serializeStudent(model: StudentModel): string {
  return JSON.stringify({ format: model.format, version: model.version, trainedOn: model.trainedOn, statements: model.statements, index: model.index.toJSON() });
}

/** The model an artefact holds; refused (BAD_INPUT) when it is not one, or of another format version. */
export function loadStudent(json: string): StudentModel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new DomainError("BAD_INPUT", "The local student's artefact is not JSON");
  }
  const parsed = artefact.safeParse(raw);
  if (!parsed.success) throw new DomainError("BAD_INPUT", "Not a local student artefact", parsed.error.issues.slice(0, 10).map((i) => ({ field: i.path.join("."), message: i.message })));
  const a = parsed.data;
  if (a.version !== STUDENT_FORMAT_VERSION) throw new DomainError("BAD_INPUT", `The artefact is local student format ${a.version}; this version reads format ${STUDENT_FORMAT_VERSION} (train it again)`);
  let index: MiniSearch<StatementDoc>;
  try {
    index = MiniSearch.loadJS(a.index as unknown as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS);
  } catch (e) {
    throw new DomainError("BAD_INPUT", `The local student's index cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (index.documentCount !== a.statements.length) throw new DomainError("BAD_INPUT", `The local student's index holds ${index.documentCount} statements, its artefact ${a.statements.length}`);
  return { format: STUDENT_FORMAT, version: STUDENT_FORMAT_VERSION, statements: a.statements, index, frequency: termFrequencies(a.statements), trainedOn: a.trainedOn };
}
