import { z } from "zod";
import { canonicalName, displayName } from "@/lib/domain/knowledge/canonical";
import { LineErrors } from "@/lib/domain/line-errors";
import { nulPaths } from "@/lib/server/http/nul-bytes";
import type { Db } from "@/lib/server/db";
import type { Principal } from "@/lib/server/auth/principal";
import { audit } from "@/lib/server/services/auth/audit";
import { aliasesSchema, edited, nameSchema } from "./curate-concepts";

const STATUS = z.enum(["DRAFT", "APPROVED", "REJECTED"]).default("DRAFT");
const line = z.discriminatedUnion("type", [
  z.object({ type: z.literal("concept"), id: z.string().min(1), discipline: z.string().min(1), name: nameSchema, aliases: aliasesSchema.default([]), definition: z.string().nullable().default(null), evidence: z.string().nullable().default(null), status: STATUS }),
  z.object({ type: z.literal("relation"), id: z.string().min(1), discipline: z.string().min(1), subject: z.string().min(1), predicate: z.string().min(1), object: z.string().min(1), evidence: z.string().default(""), status: STATUS }),
  z.object({ type: z.literal("chain"), id: z.string().min(1), discipline: z.string().min(1), steps: z.array(z.string().min(1)).min(2), summary: z.string().nullable().default(null), status: STATUS }),
]);
type Line = z.infer<typeof line>;

const BATCH = 2000;

/**
 * The whole structure (or one discipline) as JSONL, streamed in id-ordered batches: concepts,
 * then relations, then chains, so a reader can resolve every reference from earlier lines.
 */
export function exportStructure(db: Db, discipline?: string): ReadableStream<Uint8Array> {
  const where = discipline ? { discipline: { slug: discipline } } : {};
  const enc = new TextEncoder();
  async function* lines(): AsyncGenerator<string> {
    const slugs = new Map((await db.discipline.findMany({ select: { id: true, slug: true } })).map((d) => [d.id, d.slug]));
    for (let cursor: string | undefined; ; ) {
      const rows = await db.concept.findMany({ where, orderBy: { id: "asc" }, take: BATCH, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
      for (const c of rows) yield JSON.stringify({ type: "concept", id: c.id, discipline: slugs.get(c.disciplineId), name: c.name, aliases: c.aliases, definition: c.definition, evidence: c.evidence, status: c.status });
      if (rows.length < BATCH) break;
      cursor = rows[rows.length - 1].id;
    }
    for (let cursor: string | undefined; ; ) {
      const rows = await db.relation.findMany({ where, orderBy: { id: "asc" }, take: BATCH, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
      for (const r of rows) yield JSON.stringify({ type: "relation", id: r.id, discipline: slugs.get(r.disciplineId), subject: r.subjectId, predicate: r.predicate, object: r.objectId, evidence: r.evidence, status: r.status });
      if (rows.length < BATCH) break;
      cursor = rows[rows.length - 1].id;
    }
    for (let cursor: string | undefined; ; ) {
      const rows = await db.chain.findMany({ where, orderBy: { id: "asc" }, take: BATCH, include: { steps: { orderBy: { position: "asc" } } }, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
      for (const c of rows) yield JSON.stringify({ type: "chain", id: c.id, discipline: slugs.get(c.disciplineId), steps: c.steps.map((s) => s.relationId), summary: c.summary, status: c.status });
      if (rows.length < BATCH) break;
      cursor = rows[rows.length - 1].id;
    }
  }
  const it = lines();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await it.next();
      if (done) controller.close();
      else controller.enqueue(enc.encode(`${value}\n`));
    },
  });
}

type Item = Line & { line: number };

/**
 * Parses and checks every line before anything is written, as the lines stream in. Once a line is
 * bad nothing will be imported, so later good lines are checked but not kept.
 */
async function parseLines(source: Iterable<string> | AsyncIterable<string>, disciplines: Map<string, string>): Promise<Item[]> {
  const items: Item[] = [];
  const errors = new LineErrors();
  let lineNo = 0;
  for await (const raw of source) {
    lineNo++;
    if (!raw.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      errors.add({ line: lineNo, message: `invalid JSON: ${(e as Error).message}` });
      continue;
    }
    const nul = nulPaths(json);
    if (nul.length) {
      errors.add({ line: lineNo, message: `${nul.join(", ")}: contains a NUL character (\\u0000), which cannot be stored` });
      continue;
    }
    const parsed = line.safeParse(json);
    if (!parsed.success) errors.add({ line: lineNo, message: parsed.error.issues.map((x) => `${x.path.join(".") || "line"}: ${x.message}`).join("; ") });
    else if (!disciplines.has(parsed.data.discipline)) errors.add({ line: lineNo, message: `no discipline "${parsed.data.discipline}"` });
    else if (!errors.count) items.push({ ...parsed.data, line: lineNo });
  }
  if (errors.count) errors.refuse("bad line(s)");
  return items;
}

/**
 * Imports a JSONL structure in one transaction: concepts merge by canonical name, relations and
 * chains by their identity; file ids map to stored ids. Any bad line → 400 listing the bad lines
 * (the first hundred, and how many more), and nothing is written. `source` is the whole text or
 * its lines as they arrive (the import route streams the request body).
 */
export async function importStructure(db: Db, actor: Principal, source: string | AsyncIterable<string>) {
  const disciplines = new Map((await db.discipline.findMany({ select: { id: true, slug: true } })).map((d) => [d.slug, d.id]));
  const items = await parseLines(typeof source === "string" ? source.split(/\r?\n/) : source, disciplines);

  return db.$transaction(async (tx) => {
    const ids = new Map<string, string>();
    const counts = { concepts: 0, relations: 0, chains: 0 };
    const problems = new LineErrors();
    for (const it of items.filter((x) => x.type === "concept")) {
      const c = it as Extract<Line, { type: "concept" }> & { line: number };
      const disciplineId = disciplines.get(c.discipline)!;
      const key = canonicalName(c.name);
      const aliases = c.aliases.map(displayName);
      const row = await tx.concept.upsert({
        where: { disciplineId_canonicalName: { disciplineId, canonicalName: key } },
        create: { disciplineId, name: displayName(c.name), canonicalName: key, aliases, aliasKeys: aliases.map(canonicalName), definition: c.definition, evidence: c.evidence, status: c.status, extractor: "import", ...edited(actor) },
        update: {},
        select: { id: true },
      });
      ids.set(c.id, row.id);
      counts.concepts++;
    }
    const ref = async (id: string, lineNo: number, what: string) => {
      const mapped = ids.get(id) ?? (await tx.concept.findUnique({ where: { id }, select: { id: true } }))?.id;
      if (!mapped) problems.add({ line: lineNo, message: `${what} ${id} is neither in the file nor stored` });
      return mapped;
    };
    for (const it of items.filter((x) => x.type === "relation")) {
      const r = it as Extract<Line, { type: "relation" }> & { line: number };
      const [subjectId, objectId] = [await ref(r.subject, r.line, "subject"), await ref(r.object, r.line, "object")];
      if (!subjectId || !objectId) continue;
      const row = await tx.relation.upsert({
        where: { subjectId_predicate_objectId: { subjectId, predicate: r.predicate, objectId } },
        create: { disciplineId: disciplines.get(r.discipline)!, subjectId, predicate: r.predicate, objectId, evidence: r.evidence, status: r.status, extractor: "import", ...edited(actor) },
        update: {},
        select: { id: true },
      });
      ids.set(r.id, row.id);
      counts.relations++;
    }
    for (const it of items.filter((x) => x.type === "chain")) {
      const c = it as Extract<Line, { type: "chain" }> & { line: number };
      const steps: string[] = [];
      for (const s of c.steps) {
        const id = ids.get(s) ?? (await tx.relation.findUnique({ where: { id: s }, select: { id: true } }))?.id;
        if (id) steps.push(id);
        else problems.add({ line: c.line, message: `step ${s} is neither in the file nor stored` });
      }
      if (steps.length !== c.steps.length) continue;
      // The reachability rule holds for imported chains too: each step starts where the last ended.
      const rels = await tx.relation.findMany({ where: { id: { in: steps } }, select: { id: true, subjectId: true, objectId: true } });
      const byId = new Map(rels.map((r) => [r.id, r]));
      const gap = steps.findIndex((id, i) => i > 0 && byId.get(id)!.subjectId !== byId.get(steps[i - 1])!.objectId);
      if (gap > 0) {
        problems.add({ line: c.line, message: `step ${gap + 1} does not start where step ${gap} ends: the chain is not reachable` });
        continue;
      }
      const disciplineId = disciplines.get(c.discipline)!;
      const signature = steps.join(">");
      if (await tx.chain.findUnique({ where: { disciplineId_signature: { disciplineId, signature } }, select: { id: true } })) continue;
      await tx.chain.create({ data: { disciplineId, signature, summary: c.summary, status: c.status, extractor: "import", ...edited(actor), steps: { create: steps.map((relationId, position) => ({ position, relationId })) } } });
      counts.chains++;
    }
    if (problems.count) problems.refuse("bad reference(s) or unreachable chain(s)");
    await audit(tx, { action: "knowledge.imported", actor, details: counts });
    return counts;
  }, { timeout: 300_000 });
}
