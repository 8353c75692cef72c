/**
 * Import throughput: generates N distinct documents from ../shared/corpus (each copy's
 * paragraphs get a unique marker, so no chunk is a duplicate), imports them with the real CLI
 * into a fresh embedded Postgres, then imports again (everything unchanged).
 *
 *   npx tsx bench/import-corpus.ts [documents=2000]
 *
 * With /usr/bin/time present, the CLI's CPU time and peak memory are printed too (Postgres's not).
 *
 * Record the figures in bench/RESULTS.md.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const shared = path.resolve(root, "../shared/corpus");
const target = Number(process.argv[2] ?? 2000);

const manifest = fs.readFileSync(path.join(shared, "manifest.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "proda-bench-corpus-"));
const home = fs.mkdtempSync(path.join(os.tmpdir(), "proda-bench-home-"));
const lines: string[] = [];
for (let i = 0; i < target; i++) {
  const entry = manifest[i % manifest.length];
  const copy = Math.floor(i / manifest.length);
  const text = fs.readFileSync(path.join(shared, entry.path), "utf8");
  const marked = text.replace(/\n\n(?!#)/g, `\n\nVariant ${copy}. `);
  const rel = `${path.dirname(entry.path)}/copy-${copy}-${path.basename(entry.path)}`;
  fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), marked);
  lines.push(JSON.stringify({ ...entry, path: rel }));
}
fs.writeFileSync(path.join(dir, "manifest.jsonl"), lines.join("\n") + "\n");

function timed(label: string) {
  const start = performance.now();
  const argv = [process.execPath, path.join(root, "bin/proda.js"), "import", dir, "--json"];
  const gnuTime = fs.existsSync("/usr/bin/time");
  const cli = spawnSync(gnuTime ? "/usr/bin/time" : argv[0], gnuTime ? ["-f", "CLI %U s user, %S s system, %M KiB peak", ...argv] : argv.slice(1), {
    env: { ...process.env, PRODA_HOME: home, DATABASE_URL: "" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  if (cli.status !== 0) throw new Error(`proda import failed (${cli.status}): ${cli.stderr.toString().slice(-2000)}`);
  const r = JSON.parse(cli.stdout.toString());
  const usage = cli.stderr.toString().match(/CLI .*/)?.[0];
  if (usage) console.log(`  ${usage}`);
  console.log(
    `${label}: ${seconds.toFixed(1)} s, ${r.documents} documents, ${r.chunks} chunks, ${r.unchanged} unchanged, ` +
      `${(target / seconds).toFixed(0)} documents/s, ${(r.chunks / seconds).toFixed(0)} chunks/s`,
  );
}

try {
  timed("first import");
  timed("second import");
} finally {
  // Stops the embedded server the CLI left to the last user (none remains).
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
}
