"use client";

import { ChainPath } from "@/components/tester/chain-path";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { SkeletonRows } from "@/components/ui/skeleton";
import { ErrorAlert } from "@/components/ui/alert";
import { errorMessage } from "@/lib/client/api";
import { cx } from "@/lib/client/cx";
import { useAnswer } from "@/lib/client/models";
import type { BenchmarkItem } from "@/lib/client/tester";
import { ResultBadge } from "./answer-table";

const LETTERS = "ABCDEFGH";
const OPERATOR_TONE: Record<string, Tone> = { ANSWER: "green", INVREL: "red", TRUNC: "amber", NEARMISS: "blue" };

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
        <ol className="space-y-1.5" aria-label="Options">
          {options.map((o, i) => {
            const keyed = i === item.answerIndex;
            const chosen = i === answer.choice;
            return (
              <li
                key={i}
                className={cx("flex items-start gap-2 rounded-md px-2.5 py-1.5 text-sm ring-1", keyed ? "bg-emerald-50 ring-emerald-200" : chosen ? "bg-red-50 ring-red-200" : "ring-zinc-200")}
                data-testid="answer-option"
                data-keyed={keyed || undefined}
                data-chosen={chosen || undefined}
              >
                <span className="font-mono text-xs text-zinc-500">{LETTERS[i]}</span>
                <span className="flex-1">{o.text}</span>
                {chosen && <Badge tone={keyed ? "green" : "red"}>model’s choice</Badge>}
                {keyed && !chosen && <Badge tone="green">keyed answer</Badge>}
                <Badge tone={OPERATOR_TONE[o.operator] ?? "neutral"}>{o.operator}</Badge>
              </li>
            );
          })}
        </ol>
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
