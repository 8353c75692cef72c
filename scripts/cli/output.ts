import { CommanderError } from "commander";
import { isDomainError } from "@/lib/domain/errors";

/** How a command failed, as scripts read it with --json: one shape, like the HTTP API's. */
export type CliError = { code: string; message: string; details?: unknown; runId?: string };

/** Whether the command line asked for JSON (read before commander has parsed it, for usage errors too). */
export const wantsJson = (argv = process.argv) => argv.includes("--json");

/** Prints a failure: `{ "error": { code, message, … } }` on stdout with --json, a line on stderr without. */
export function printError(error: CliError, json = wantsJson()): void {
  if (json) console.log(JSON.stringify({ error }));
  else console.error(`proda: ${error.message}${error.runId ? ` (job ${error.runId})` : ""}`);
}

/** The CLI error for anything thrown: domain errors keep their code and details, usage errors are BAD_INPUT. */
export function errorOf(e: unknown): CliError {
  if (isDomainError(e)) return { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) };
  if (e instanceof CommanderError) return { code: "BAD_INPUT", message: e.message.replace(/^error:\s*/i, "") };
  return { code: "INTERNAL", message: e instanceof Error ? e.message : String(e) };
}

/** A job the command ran inline did not succeed: its error, its outcome as the code, exit code 1. */
export function runFailed(command: string, run: { runId: string; outcome: string; error: string | null }, json?: boolean): number {
  const code = run.outcome === "cancelled" ? "JOB_CANCELLED" : "JOB_FAILED";
  printError({ code, message: run.error ?? `${command} ${run.outcome}`, runId: run.runId }, json);
  return 1;
}
