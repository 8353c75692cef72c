"use client";

import { ChainPath } from "@/components/tester/chain-path";
import { Card } from "@/components/ui/card";
import { SkeletonRows } from "@/components/ui/skeleton";
import { ErrorAlert } from "@/components/ui/alert";
import { errorMessage } from "@/lib/client/api";
import { useAnswer } from "@/lib/client/models";
import type { BenchmarkItem } from "@/lib/client/tester";
import { OptionsList } from "@/components/debugger/options-list";
import { ResultBadge } from "./answer-table";


/** One answer: the item with the keyed and the chosen option, the chain it tests, and the model's raw reply and prompt. */
export function AnswerDetail({ runId, itemId }: { runId: string; itemId: string }) {
  const { data, error, isLoading } = useAnswer(runId, itemId);
  if (error) return <ErrorAlert>{errorMessage(error)}</ErrorAlert>;
  if (isLoading || !data) return <SkeletonRows rows={6} />;
  const { answer, item } = data;
  const options = item.options as BenchmarkItem["options"];
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          Item #{item.position + 1} <ResultBadge a={answer} />
        </span>
      }
      description={`${item.discipline.name} · ${item.difficulty}-hop chain · parsed by ${answer.parsedBy ?? "nothing (unparseable)"} · ${answer.latencyMs} ms${answer.promptTokens != null ? ` · ${answer.promptTokens} + ${answer.completionTokens ?? 0} tokens` : ""}`}
      data-testid="answer-detail"
      data-status={answer.correct ? "right" : answer.choice === null ? "unparseable" : "wrong"}
    >
      <div className="space-y-4">
        <ChainPath path={item.path as BenchmarkItem["path"]} />
        <p className="text-sm text-zinc-900">{item.stem}</p>
        <OptionsList options={options} answerIndex={item.answerIndex} choice={answer.choice} />
        <div>
          <h3 className="mb-1 text-xs font-semibold text-zinc-700">The model’s raw reply</h3>
          <pre className="max-h-56 overflow-auto rounded-md bg-zinc-50 p-2.5 font-mono text-xs whitespace-pre-wrap text-zinc-800" data-testid="answer-raw">
            {answer.raw || "(empty reply)"}
          </pre>
        </div>
        <details>
          <summary className="cursor-pointer text-xs font-medium text-zinc-700">The prompt sent</summary>
          <pre className="mt-1 max-h-72 overflow-auto rounded-md bg-zinc-50 p-2.5 font-mono text-xs whitespace-pre-wrap text-zinc-700">{answer.prompt}</pre>
        </details>
      </div>
    </Card>
  );
}
