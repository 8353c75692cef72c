import { createChatModel, ModelAnswerError } from "@/lib/adapters/llm/openai-compatible";
import type { ChatModel } from "@/lib/domain/ports";
import type { Progress } from "@/lib/server/services/progress";
import { resolveEndpoint } from "@/lib/server/services/settings/endpoints";

/** A job's chat model: its requests and retry waits end as soon as the run must stop (a cancel). */
export async function jobModel(ctx: Pick<Progress, "db" | "signal">, endpoint: string | undefined): Promise<ChatModel> {
  return createChatModel({ ...(await resolveEndpoint(ctx.db, endpoint)), signal: ctx.signal });
}

/** The chat model of an optional LLM step (reword, paraphrase), or none when the step is off. */
export async function optionalModel(ctx: Pick<Progress, "db" | "signal">, wanted: boolean | undefined, endpoint: string | undefined): Promise<ChatModel | undefined> {
  return wanted ? jobModel(ctx, endpoint) : undefined;
}

/** An answer that stayed invalid costs one item (its template stays); endpoint failures stop the job. */
export const isItemError = (e: unknown) => e instanceof ModelAnswerError;

const BATCH = 16;

/** Maps items through a model step in batches (the adapter bounds concurrency); per-item answer errors keep the item. */
export async function mapWithModel<T>(items: T[], step: (item: T) => Promise<T>, onProgress?: (done: number) => Promise<void>): Promise<{ items: T[]; failed: number }> {
  const out: T[] = [];
  let failed = 0;
  for (let at = 0; at < items.length; at += BATCH) {
    const batch = await Promise.all(
      items.slice(at, at + BATCH).map(async (item) => {
        try {
          return await step(item);
        } catch (e) {
          if (!isItemError(e)) throw e;
          failed++;
          return item;
        }
      }),
    );
    out.push(...batch);
    await onProgress?.(out.length);
  }
  return { items: out, failed };
}
