"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cx } from "@/lib/client/cx";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import type { StageView } from "@/lib/server/services/loop/pipeline-view";
import { STATE_EDGE, STATE_HELP, STATE_TONE } from "./stage-states";

// Edges need handles to attach to; nobody connects stages by hand, so they are not drawn.
const HIDDEN = { opacity: 0, pointerEvents: "none" } as const;

export const STAGE_NODE_WIDTH = 236;
export const STAGE_NODE_HEIGHT = 168;

export type StageNodeData = {
  stage: StageView;
  now: number;
  /** why "Run from here" is disabled, or null when it may be clicked */
  runBlocked: string | null;
  starting: boolean;
  onRunFrom: (stage: StageView["name"]) => void;
};
export type StageNode = Node<StageNodeData, "stage">;

/** One stage of the loop: its state, why, when it last ran, what it made, and "Run from here". */
export function StageNodeView({ data }: NodeProps<StageNode>) {
  const { stage, now, runBlocked, starting, onRunFrom } = data;
  return (
    <div
      className={cx("flex flex-col gap-1.5 rounded-lg border border-l-4 border-zinc-200 bg-white p-2.5 text-left shadow-xs", STATE_EDGE[stage.state])}
      style={{ width: STAGE_NODE_WIDTH, height: STAGE_NODE_HEIGHT }}
      data-testid={`stage-${stage.name}`}
      data-state={stage.state}
    >
      {/* Consecutive stages link right to left within a row, bottom to top between rows. */}
      <Handle type="target" position={Position.Left} id="left" isConnectable={false} style={HIDDEN} />
      <Handle type="target" position={Position.Top} id="top" isConnectable={false} style={HIDDEN} />
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-[13px] leading-tight font-semibold text-zinc-900">{stage.title}</h3>
        <Badge tone={STATE_TONE[stage.state]} dot pulse={stage.state === "running"} title={STATE_HELP[stage.state]} data-testid="stage-state">
          {stage.state}
        </Badge>
      </div>
      <p className="line-clamp-2 text-[11px] leading-snug text-zinc-600" title={stage.reason}>
        {stage.reason}
      </p>
      {stage.counts.length > 0 && (
        <dl className="flex flex-wrap gap-x-2.5 gap-y-0.5 text-[11px]" data-testid="stage-counts">
          {stage.counts.map((c) => (
            <div key={c.label} className="flex gap-1">
              <dt className="text-zinc-500">{c.label}</dt>
              <dd className="font-medium text-zinc-900 tabular-nums">{c.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="mt-auto flex items-center justify-between gap-2">
        <span className="truncate text-[11px] text-zinc-500">
          {stage.lastRun ? (
            <>
              ran <time dateTime={stage.lastRun.at} title={formatDateTime(stage.lastRun.at)}>{formatRelative(stage.lastRun.at, now)}</time>
              {stage.lastRun.jobRunId && (
                <>
                  {" · "}
                  <Link href={`/jobs?run=${stage.lastRun.jobRunId}`} className="nodrag text-accent-700 hover:underline">
                    job
                  </Link>
                </>
              )}
            </>
          ) : (
            "never ran"
          )}
        </span>
        <span title={runBlocked ?? `Run the loop from ${stage.title}: this stage runs even if it is up to date, the stages before it only if stale`}>
          <Button size="sm" className="nodrag" disabled={!!runBlocked} loading={starting} onClick={() => onRunFrom(stage.name)} data-testid="run-from-here">
            Run from here
          </Button>
        </span>
      </div>
      <Handle type="source" position={Position.Right} id="right" isConnectable={false} style={HIDDEN} />
      <Handle type="source" position={Position.Bottom} id="bottom" isConnectable={false} style={HIDDEN} />
    </div>
  );
}
