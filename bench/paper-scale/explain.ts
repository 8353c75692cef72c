/**
 * Where a search or a subgraph spends its time at the paper's scale: each statement the query
 * functions the API calls send (lib/server/queries/knowledge.ts searchKnowledge,
 * lib/server/queries/subgraph.ts) is run again as EXPLAIN (ANALYZE, BUFFERS), and each call is
 * timed in-process (median of repeats, no cache, no HTTP).
 *
 *   npx tsx bench/paper-scale/explain.ts --home DIR [--plans] [--repeat 20]
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({ options: { home: { type: "string" }, plans: { type: "boolean", default: false }, repeat: { type: "string", default: "20" } } });
if (!args.home) throw new Error("--home DIR is required (a workspace made by bench/paper-scale/generate.ts)");
const home = path.resolve(args.home);
process.env.PRODA_HOME = home;
delete process.env.DATABASE_URL;
const generated = JSON.parse(fs.readFileSync(path.join(home, "bench-workspace.json"), "utf8")) as { terms: string[]; subgraphSeeds: string[] };

const { openDatabase } = await import("@/lib/server/database");
const { db: getDb, disconnectDb, Prisma } = await import("@/lib/server/db");
const { searchKnowledge } = await import("@/lib/server/queries/knowledge");
const { subgraph, subgraphInput } = await import("@/lib/server/queries/subgraph");
type Db = ReturnType<typeof getDb>;

const handle = await openDatabase({ migrate: false });
const db = getDb();

/** The db the query functions see: every raw statement is also explained (once per label). */
function explaining(label: string): Db {
  let n = 0;
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "$queryRaw") return Reflect.get(target, prop, receiver);
      return async (strings: TemplateStringsArray, ...values: unknown[]) => {
        const sql = Prisma.sql(strings, ...values);
        const plan = await target.$queryRawUnsafe<Record<string, string>[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, ...sql.values);
        const lines = plan.map((r) => Object.values(r)[0]);
        const total = lines.filter((l) => /Planning Time|Execution Time/.test(l)).map((l) => l.trim()).join(", ");
        console.log(`  ${label} statement ${++n}: ${total}`);
        if (args.plans) console.log(lines.map((l) => `      ${l}`).join("\n"));
        return target.$queryRaw(strings, ...values);
      };
    },
  });
}

async function median(fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < Number(args.repeat); i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

try {
  const calls: [string, (d: Db) => Promise<unknown>][] = [
    ...generated.terms.slice(0, 4).map((q): [string, (d: Db) => Promise<unknown>] => [`search "${q}"`, (d) => searchKnowledge(d, { q, limit: 20 })]),
    ["biology subgraph", (d) => subgraph(d, subgraphInput.parse({ discipline: "biology" }))],
    [`subgraph around ${generated.subgraphSeeds[0]} (depth 2)`, (d) => subgraph(d, subgraphInput.parse({ focus: [generated.subgraphSeeds[0]], depth: 2 }))],
  ];
  for (const [label, call] of calls) {
    console.log(label);
    await call(explaining(label));
    console.log(`  in-process, median of ${args.repeat}: ${(await median(() => call(db))).toFixed(1)} ms`);
  }
} finally {
  await disconnectDb();
  await handle.release();
}
