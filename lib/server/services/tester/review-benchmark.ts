import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import type { ItemOption } from "@/lib/domain/tester";
import { equivalence } from "@/lib/domain/tester/equivalence";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/server/auth/principal";
import type { Db } from "@/lib/server/db";
import { audit } from "@/lib/server/services/auth/audit";

type Tx = Prisma.TransactionClient;

async function draftBenchmark(tx: Tx, id: string) {
  const b = await tx.benchmark.findUnique({ where: { id }, select: { id: true, status: true, version: true } });
  if (!b) throw new DomainError("NOT_FOUND", `No benchmark ${id}`);
  if (b.status === "FROZEN") throw new DomainError("CONFLICT", `Benchmark v${b.version} is frozen: its items cannot change. Make a new version to edit them.`);
  return b;
}

async function recountItems(tx: Tx, benchmarkId: string) {
  const itemCount = await tx.benchmarkItem.count({ where: { benchmarkId, status: "ACTIVE" } });
  await tx.benchmark.update({ where: { id: benchmarkId }, data: { itemCount } });
}

export const itemEditInput = z
  .object({
    stem: z.string().trim().min(10, "must be a question of at least 10 characters").optional(),
    /** replace a distractor: its position among the options and the concept that replaces it */
    replace: z.object({ index: z.number().int().min(0), conceptId: z.string().min(1) }).optional(),
    status: z.enum(["ACTIVE", "REJECTED"]).optional(),
  })
  .refine((v) => v.stem !== undefined || v.replace !== undefined || v.status !== undefined, "change the stem, a distractor or the status");

/** An annotator's edit of a draft benchmark's item: the stem, one distractor, or rejection. */
export async function editBenchmarkItem(db: Db, actor: Principal, benchmarkId: string, itemId: string, input: z.infer<typeof itemEditInput>) {
  return db.$transaction(async (tx) => {
    await draftBenchmark(tx, benchmarkId);
    const item = await tx.benchmarkItem.findFirst({ where: { id: itemId, benchmarkId } });
    if (!item) throw new DomainError("NOT_FOUND", `No item ${itemId} in this benchmark`);
    const options = item.options as ItemOption[];
    if (input.replace) {
      const { index, conceptId } = input.replace;
      if (index >= options.length) throw new DomainError("BAD_INPUT", "No such option", [{ field: "replace.index", message: `must be below ${options.length}` }]);
      if (index === item.answerIndex) throw new DomainError("BAD_INPUT", "The answer is the chain's conclusion and cannot be replaced", [{ field: "replace.index", message: "is the answer" }]);
      const concept = await tx.concept.findFirst({ where: { id: conceptId, disciplineId: item.disciplineId }, select: { id: true, name: true } });
      if (!concept) throw new DomainError("BAD_INPUT", "The replacement must be a concept of the item's discipline", [{ field: "replace.conceptId", message: "not found in this discipline" }]);
      if (options.some((o, i) => i !== index && o.text.toLowerCase() === concept.name.toLowerCase())) {
        throw new DomainError("BAD_INPUT", `“${concept.name}” is already an option`, [{ field: "replace.conceptId", message: "duplicates an option" }]);
      }
      // The same check the Tester makes: a distractor that is the answer in other words is a second right answer.
      const answer = options[item.answerIndex];
      const same = equivalence({ name: concept.name }, { name: answer.text });
      if (same) throw new DomainError("ITEM_CHECK_FAILED", `“${concept.name}” says what the answer “${answer.text}” says (${same})`, { field: "replace.conceptId", reason: same });
      options[index] = { ...options[index], text: concept.name, conceptId: concept.id, note: "replaced by an annotator" };
    }
    const updated = await tx.benchmarkItem.update({
      where: { id: itemId },
      // A person who restores an item the checks rejected overrules them: the reason goes with the rejection.
      data: { stem: input.stem, status: input.status, ...(input.status === "ACTIVE" ? { rejectionReason: null } : {}), options: options as Prisma.InputJsonValue, editedBy: actor.userId, editedAt: new Date() },
    });
    // The versions list counts the items a version holds: rejected ones are not among them.
    if (input.status && input.status !== item.status) await recountItems(tx, benchmarkId);
    await audit(tx, { action: "benchmark.item_edited", actor, target: { type: "benchmark-item", id: itemId }, details: { benchmarkId, ...input } });
    return updated;
  });
}

/** Freezes a draft: from now on its items are the fixed tests training is measured against. */
export async function freezeBenchmark(db: Db, actor: Principal | null, id: string) {
  return db.$transaction(async (tx) => {
    await draftBenchmark(tx, id);
    const itemCount = await tx.benchmarkItem.count({ where: { benchmarkId: id, status: "ACTIVE" } });
    if (itemCount === 0) throw new DomainError("CONFLICT", "A benchmark without active items cannot be frozen");
    const b = await tx.benchmark.update({ where: { id }, data: { status: "FROZEN", frozenAt: new Date(), frozenBy: actor?.userId ?? null, itemCount } });
    await audit(tx, { action: "benchmark.frozen", actor, target: { type: "benchmark", id }, details: { version: b.version, items: itemCount } });
    return b;
  });
}

/** A new draft version with the active items of another, to edit what a frozen version cannot. */
export async function newBenchmarkVersion(db: Db, actor: Principal | null, id: string) {
  return db.$transaction(
    async (tx) => {
      const parent = await tx.benchmark.findUnique({ where: { id } });
      if (!parent) throw new DomainError("NOT_FOUND", `No benchmark ${id}`);
      const version = ((await tx.benchmark.aggregate({ _max: { version: true } }))._max.version ?? 0) + 1;
      const child = await tx.benchmark.create({
        data: {
          version,
          name: `Benchmark v${version}`,
          seed: parent.seed,
          approvedOnly: parent.approvedOnly,
          disciplines: parent.disciplines,
          parentId: parent.id,
          createdBy: actor?.userId ?? null,
          report: { ...(parent.report as object), copiedFrom: parent.version } as Prisma.InputJsonValue,
        },
      });
      // Copied in the database: no items travel through the server.
      const copied = await tx.$executeRaw`
        INSERT INTO "BenchmarkItem" ("id", "benchmarkId", "disciplineId", "chainId", "position", "stem", "options", "answerIndex", "difficulty", "path", "status")
        SELECT 'bi' || md5(random()::text || "id"), ${child.id}, "disciplineId", "chainId", row_number() OVER (ORDER BY "position") - 1, "stem", "options", "answerIndex", "difficulty", "path", 'ACTIVE'
        FROM "BenchmarkItem" WHERE "benchmarkId" = ${parent.id} AND "status" = 'ACTIVE'`;
      await tx.benchmark.update({ where: { id: child.id }, data: { itemCount: copied } });
      await audit(tx, { action: "benchmark.versioned", actor, target: { type: "benchmark", id: child.id }, details: { from: parent.version, version } });
      return { ...child, itemCount: copied };
    },
    { timeout: 5 * 60_000 },
  );
}
