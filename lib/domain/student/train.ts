import { DomainError } from "../errors";
import { createStatementIndex, termFrequencies } from "./statement-index";
import { collectStatements } from "./statements";
import { STUDENT_FORMAT, STUDENT_FORMAT_VERSION, type StudentInstance, type StudentModel, type StudentOptions } from "./types";

export const DEFAULT_MAX_STATEMENTS = 250_000;
export const DEFAULT_MAX_STATEMENT_CHARS = 400;

/**
 * Trains the local student on CPU: the statements of the instances' text, indexed for search.
 * Nothing is random, so the same instances give the same model. This is the offline stand-in for
 * a GPU fine-tune, not a language model: it "knows" exactly the statements its training data
 * makes, and answers by finding and chaining them (answer.ts), so its accuracy moves with what
 * the training data covers.
 */
export function trainStudent(instances: Iterable<StudentInstance>, options: StudentOptions = {}): StudentModel {
  const maxStatements = options.maxStatements ?? DEFAULT_MAX_STATEMENTS;
  const maxChars = options.maxStatementChars ?? DEFAULT_MAX_STATEMENT_CHARS;
  if (!Number.isInteger(maxStatements) || maxStatements < 1) throw new DomainError("BAD_INPUT", `maxStatements must be a positive integer, got ${maxStatements}`);
  if (!Number.isInteger(maxChars) || maxChars < 20) throw new DomainError("BAD_INPUT", `maxStatementChars must be an integer of at least 20, got ${maxChars}`);
  const collected = collectStatements(instances, maxStatements, maxChars);
  return {
    format: STUDENT_FORMAT,
    version: STUDENT_FORMAT_VERSION,
    statements: collected.statements,
    index: createStatementIndex(collected.statements),
    frequency: termFrequencies(collected.statements),
    trainedOn: { instances: collected.instances, statements: collected.statements.length, droppedStatements: collected.dropped },
  };
}
