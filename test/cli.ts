// Runs the `proda` CLI as a user would (`node bin/proda.js …`) against a test file's database.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const exec = promisify(execFile);

export type CliRun = { code: number; stdout: string; stderr: string };

/** `proda(...args)` for a test file: its exit code, stdout and stderr, never a thrown error. */
export function prodaAgainst(url: () => string) {
  return async (...args: string[]): Promise<CliRun> => {
    try {
      const { stdout, stderr } = await exec("node", ["bin/proda.js", ...args], { env: { ...process.env, DATABASE_URL: url() } });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };
}
