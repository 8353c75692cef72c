/**
 * Runs the local extractor over every chunk of ../shared/corpus, prints totals per discipline
 * and the time taken, and writes a seeded sample of 60 triples (spread over the disciplines)
 * to bench/out/local-extractor-sample.jsonl for reading and judging by hand (the judged copy
 * of the recorded run is bench/local-extractor-judged.jsonl).
 *
 *   npx tsx bench/local-extractor-sample.ts
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chunkBlocks, markdownToBlocks } from "@/lib/domain/corpus";
import { extractLocally } from "@/lib/domain/knowledge/local";
import { DEFAULT_PREDICATES } from "@/lib/domain/knowledge/vocabulary";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = path.resolve(root, "../shared/corpus");
const manifest = fs.readFileSync(path.join(corpus, "manifest.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { path: string; discipline: string });

type Row = { discipline: string; file: string; subject: string; predicate: string; object: string; evidence: string };
const rows: Row[] = [];
const totals = new Map<string, { chunks: number; chains: number; triples: number; concepts: number }>();
const started = performance.now();
for (const entry of manifest) {
  const { blocks } = markdownToBlocks(fs.readFileSync(path.join(corpus, entry.path), "utf8"));
  const t = totals.get(entry.discipline) ?? { chunks: 0, chains: 0, triples: 0, concepts: 0 };
  for (const chunk of chunkBlocks(blocks)) {
    const x = extractLocally(chunk.text, DEFAULT_PREDICATES);
    t.chunks++;
    t.chains += x.chains.length;
    t.triples += x.triples.length;
    t.concepts += x.concepts.length;
    for (const tr of x.triples) rows.push({ discipline: entry.discipline, file: entry.path, ...tr });
  }
  totals.set(entry.discipline, t);
}
const seconds = (performance.now() - started) / 1000;

let sum = { chunks: 0, chains: 0, triples: 0, concepts: 0 };
for (const [d, t] of [...totals].sort()) {
  console.log(`${d.padEnd(24)} ${String(t.chunks).padStart(4)} chunks ${String(t.chains).padStart(4)} chains ${String(t.triples).padStart(5)} triples ${String(t.concepts).padStart(5)} concepts`);
  sum = { chunks: sum.chunks + t.chunks, chains: sum.chains + t.chains, triples: sum.triples + t.triples, concepts: sum.concepts + t.concepts };
}
console.log(`total: ${sum.chunks} chunks, ${sum.chains} chains, ${sum.triples} triples, ${sum.concepts} concepts (per chunk, before merging) in ${seconds.toFixed(1)} s`);

// A seeded sample: the same rows every run for the same extractor output.
let seed = 20261124;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const byDiscipline = new Map<string, Row[]>();
for (const r of rows) byDiscipline.set(r.discipline, [...(byDiscipline.get(r.discipline) ?? []), r]);
const sample: Row[] = [];
while (sample.length < 60) {
  for (const list of [...byDiscipline.values()]) {
    if (sample.length >= 60 || list.length === 0) continue;
    sample.push(list.splice(Math.floor(rand() * list.length), 1)[0]);
  }
}
fs.mkdirSync(path.join(root, "bench/out"), { recursive: true });
fs.writeFileSync(path.join(root, "bench/out/local-extractor-sample.jsonl"), sample.map((r) => JSON.stringify(r)).join("\n") + "\n");
console.log("sample written to bench/out/local-extractor-sample.jsonl");
