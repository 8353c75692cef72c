"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { formatDateTime, formatPercent } from "@/lib/client/format";
import { useLaunchEvaluation, type ModelVersionRow } from "@/lib/client/models";
import { useCan } from "@/lib/client/session";
import { STAGE_TONE, TRAINER_LABEL, TRAINER_SHORT } from "./model-labels";

const HYPER_LABEL: Record<string, string> = { epochs: "epochs", learningRate: "lr", learningRateMultiplier: "lr×", batchSize: "batch", loraRank: "LoRA r", loraAlpha: "LoRA α", seed: "seed", method: "" };

function hyperSummary(h: unknown): string {
  if (!h || typeof h !== "object") return "";
  return Object.entries(h as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => (HYPER_LABEL[k] === "" ? String(v) : `${HYPER_LABEL[k] ?? k} ${v}`))
    .join(" · ");
}

/** Every model version with where it came from (training set, benchmark, trainer, hyperparameters) and its last score. */
export function VersionsCard({ models, loading }: { models: ModelVersionRow[]; loading: boolean }) {
  return (
    <Card title="Model versions" description="Base and official models beside the versions fine-tuned here, with their lineage" bodyClassName="p-0" data-testid="versions-card">
      {loading ? (
        <SkeletonRows rows={3} className="p-4" />
      ) : !models.length ? (
        <EmptyState title="No model version yet">Train V1 on the approved training set, or register the base model an endpoint serves to compare V1 with it.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
        <Table>
          <thead>
            <tr>
              <Th>Version</Th>
              <Th>Produced by</Th>
              <Th>Lineage</Th>
              <Th numeric>Last evaluation</Th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <VersionRow key={m.id} m={m} />
            ))}
          </tbody>
        </Table>
        </div>
      )}
    </Card>
  );
}

function VersionRow({ m }: { m: ModelVersionRow }) {
  const canEvaluate = useCan("evaluations:launch");
  const evaluate = useLaunchEvaluation();
  const e = m.latestEvaluation;
  return (
    <Tr data-testid="model-version" data-name={m.name}>
      <Td>
        <div className="flex items-center gap-2">
          <span className="font-medium text-zinc-900">{m.name}</span>
          <Badge tone={STAGE_TONE[m.stage]}>{m.stage}</Badge>
        </div>
        <div className="text-xs whitespace-nowrap text-zinc-500">{formatDateTime(m.createdAt)}</div>
      </Td>
      <Td className="text-xs">
        <div className="text-zinc-800" title={TRAINER_LABEL[m.trainer]}>{TRAINER_SHORT[m.trainer] ?? m.trainer}</div>
        {m.trainer === "local" && <div className="text-zinc-500">offline stand-in for a GPU fine-tune</div>}
        {m.trainer !== "local" && (
          <div className="max-w-64 truncate font-mono text-zinc-500" title={`${m.remoteModel ?? ""} at ${m.endpoint ?? ""}`}>
            {m.remoteModel} <span className="font-sans">at</span> {m.endpoint}
          </div>
        )}
      </Td>
      <Td className="text-xs text-zinc-600">
        {m.trainingSet ? (
          <Link href={`/builder?set=${m.trainingSet.id}`} className="font-medium text-accent-700 hover:underline">
            {m.trainingSet.name} v{m.trainingSet.version}
          </Link>
        ) : (
          <span className="text-zinc-400">no training set</span>
        )}
        {m.baseModel && <span> · from {m.baseModel}</span>}
        <div className="text-zinc-500">{hyperSummary(m.hyperparameters)}</div>
      </Td>
      <Td numeric>
        <div className="flex flex-col items-end gap-1">
          {e ? (
            <Link href={`/evaluation?run=${e.id}`} className="font-medium text-accent-700 hover:underline" data-testid="model-accuracy">
              {formatPercent(e.accuracy)}
            </Link>
          ) : (
            <span className="text-xs text-zinc-400">not evaluated</span>
          )}
          {canEvaluate && (
            <Button size="sm" loading={evaluate.isPending} disabled={evaluate.isSuccess} onClick={() => evaluate.mutate({ modelVersionId: m.id })} data-testid="model-evaluate">
              {evaluate.isSuccess ? "Evaluating…" : e ? "Evaluate again" : "Evaluate"}
            </Button>
          )}
          {evaluate.isSuccess && (
            <Link href="/evaluation" className="text-xs text-accent-700 hover:underline">
              follow it on Evaluation
            </Link>
          )}
          {evaluate.error && <span className="max-w-56 text-xs whitespace-normal text-red-700">{errorMessage(evaluate.error)}</span>}
        </div>
      </Td>
    </Tr>
  );
}
