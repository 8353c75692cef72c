/**
 * The whole offline pipeline on a corpus, through the real CLI in a fresh workspace (its own
 * PRODA_HOME and embedded Postgres): import, local extraction, benchmark, a training set (for the
 * benchmark's disciplines, or for all), the gate. Then the workspace's database, read by the code
 * the studio uses. Shared by bench/quality-sample.ts and bench/student-accuracy.ts.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { shuffled } from "@/lib/domain/random";

export const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * `trainOn`: the training set covers the benchmark's disciplines (what may be approved) or every
 * discipline of the corpus (what a student learns beside them).
 */
export function runPipeline(corpus: string, trainOn: "benchmark" | "all" = "benchmark") {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "proda-pipeline-"));
  const proda = (...args: string[]) => {
    const started = performance.now();
    const stdout = execFileSync("node", [path.join(root, "bin/proda.js"), ...args, "--json"], { env: { ...process.env, PRODA_HOME: home }, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
    return { report: JSON.parse(stdout), seconds: (performance.now() - started) / 1000 };
  };
  const imported = proda("import", corpus);
  const extracted = proda("extract");
  const benchmark = proda("benchmark");
  const disciplines = trainOn === "all" ? [] : Object.keys(benchmark.report.byDiscipline);
  const training = proda("build", "--name", "V1", ...disciplines.flatMap((d) => ["--discipline", d]));
  const check = ((): ReturnType<typeof proda> => {
    try {
      return proda("check");
    } catch (e) {
      return { report: JSON.parse((e as { stdout: string }).stdout), seconds: 0 };
    }
  })();
  return { home, imported, extracted, benchmark, training, check };
}

/** The workspace's database; `close` disconnects, releases the embedded server and removes the workspace. */
export async function openWorkspace(home: string) {
  process.env.PRODA_HOME = home;
  const { openDatabase } = await import("@/lib/server/database");
  const { createDb } = await import("@/lib/server/db");
  const database = await openDatabase({ migrate: false });
  const db = createDb(database.url);
  const close = async () => {
    await db.$disconnect();
    await database.release();
    fs.rmSync(home, { recursive: true, force: true });
  };
  return { db, close };
}

/** Up to `n` rows, taken round-robin over the disciplines from a seeded shuffle of each: a sample to judge by hand. */
export function spread<T extends { discipline: string }>(rows: T[], n: number, random: () => number): T[] {
  const by = new Map<string, T[]>();
  for (const r of shuffled(rows, random)) by.set(r.discipline, [...(by.get(r.discipline) ?? []), r]);
  const picked: T[] = [];
  while (picked.length < n && [...by.values()].some((l) => l.length)) for (const list of by.values()) if (picked.length < n && list.length) picked.push(list.shift()!);
  return picked;
}
