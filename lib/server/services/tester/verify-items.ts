import type { ChatModel } from "@/lib/domain/ports";
import type { BenchmarkItemDraft, RejectedItem } from "@/lib/domain/tester";
import { VERIFY_ITEMS_PROMPT_VERSION, verifyItem } from "@/lib/domain/tester/verify-item";
import type { Db } from "@/lib/server/db";
import { mapWithModel } from "@/lib/server/services/model-for";

export type VerificationReport = { endpoint: string; model: string; promptVersion: string; passed: number; rejected: number; failed: number };

type Item = BenchmarkItemDraft & { disciplineId: string };

/**
 * Every item answered by the model twice (lib/domain/tester/verify-item): with its chain's
 * evidence sentences, and with its answer removed. An item that fails either pass is rejected
 * with the reason; one whose answers stayed invalid keeps its place and is counted as failed.
 */
export async function verifyItems(db: Db, model: ChatModel, items: Item[], onProgress: (done: number) => Promise<void>) {
  const ids = [...new Set(items.flatMap((i) => i.path.map((s) => s.relationId).filter((id): id is string => !!id)))];
  const evidence = new Map((await db.relation.findMany({ where: { id: { in: ids } }, select: { id: true, evidence: true } })).map((r) => [r.id, r.evidence]));
  const verdicts = new Map<Item, string | null>();
  const result = await mapWithModel(items, async (item) => {
    const sentences = [...new Set(item.path.map((s) => (s.relationId ? evidence.get(s.relationId) : undefined) ?? `${s.subject} ${s.predicate.replace(/_/g, " ")} ${s.object}.`))];
    verdicts.set(item, await verifyItem(model, item, sentences));
    return item;
  }, onProgress);
  const kept: Item[] = [];
  const rejected: (RejectedItem & { disciplineId: string })[] = [];
  for (const item of result.items) {
    const reason = verdicts.get(item);
    if (reason) rejected.push({ ...item, reason: `LLM verification: ${reason}` });
    else kept.push(item);
  }
  const report: VerificationReport = { endpoint: model.endpoint, model: model.model, promptVersion: VERIFY_ITEMS_PROMPT_VERSION, passed: kept.length - result.failed, rejected: rejected.length, failed: result.failed };
  return { kept, rejected, report };
}
