"use client";

import { MarkerType, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import { GROUP_TITLES, STAGE_GROUPS, type StageGroup } from "@/lib/server/services/loop/stage-info";
import type { StageView } from "@/lib/server/services/loop/pipeline-view";
import { STAGE_NODE_HEIGHT, STAGE_NODE_WIDTH, StageNodeView, type StageNode, type StageNodeData } from "./stage-node";

const GAP_X = 44;
const GAP_Y = 56;
const LABEL_WIDTH = 96;

type LabelNode = Node<{ title: string }, "group-label">;

function GroupLabel({ data }: NodeProps<LabelNode>) {
  return (
    <div className="flex items-center text-xs font-semibold tracking-wide text-zinc-500 uppercase" style={{ width: LABEL_WIDTH, height: STAGE_NODE_HEIGHT }}>
      {data.title}
    </div>
  );
}

const nodeTypes = { stage: StageNodeView, "group-label": GroupLabel };

type Props = Omit<StageNodeData, "stage" | "starting"> & { stages: StageView[]; /** the stage a "Run from here" is starting from */ starting: StageView["name"] | null };

/**
 * The loop's 14 stages left to right, one row per part of the loop (structure and tests, V1, debug,
 * V2), each stage linked to the next. Fixed positions: the loop's shape never changes.
 */
export function StageFlow({ stages, now, runBlocked, starting, onRunFrom }: Props) {
  const rows = useMemo(() => STAGE_GROUPS.map((g) => stages.filter((s) => s.group === g)), [stages]);
  const nodes = useMemo<(StageNode | LabelNode)[]>(() => {
    const out: (StageNode | LabelNode)[] = [];
    rows.forEach((row, r) => {
      const y = r * (STAGE_NODE_HEIGHT + GAP_Y);
      out.push({ id: `group-${STAGE_GROUPS[r]}`, type: "group-label", position: { x: 0, y }, data: { title: GROUP_TITLES[STAGE_GROUPS[r] as StageGroup] }, draggable: false, selectable: false });
      row.forEach((stage, c) => {
        out.push({
          id: stage.name,
          type: "stage",
          position: { x: LABEL_WIDTH + c * (STAGE_NODE_WIDTH + GAP_X), y },
          data: { stage, now, runBlocked, starting: starting === stage.name, onRunFrom },
          draggable: false,
          selectable: false,
          ariaLabel: `${stage.title}: ${stage.state}`,
          // Neither draggable nor selectable, React Flow lets clicks through to the pane: the card's button and link need them.
          style: { pointerEvents: "all" },
        } as StageNode);
      });
    });
    return out;
  }, [rows, now, runBlocked, starting, onRunFrom]);
  const edges = useMemo<Edge[]>(() => {
    const rowOf = new Map(stages.map((s) => [s.name, s.group]));
    return stages.slice(1).map((s, i) => {
      const prev = stages[i];
      const sameRow = rowOf.get(prev.name) === rowOf.get(s.name);
      const live = s.state === "running";
      return {
        id: `${prev.name}->${s.name}`,
        source: prev.name,
        target: s.name,
        sourceHandle: sameRow ? "right" : "bottom",
        targetHandle: sameRow ? "left" : "top",
        type: sameRow ? "straight" : "smoothstep",
        animated: live,
        style: { stroke: live ? "#0ea5e9" : "#a1a1aa", strokeWidth: 1.5 },
        markerEnd: { type: MarkerType.ArrowClosed, color: live ? "#0ea5e9" : "#a1a1aa" },
      };
    });
  }, [stages]);
  const height = STAGE_GROUPS.length * STAGE_NODE_HEIGHT + (STAGE_GROUPS.length - 1) * GAP_Y;
  return (
    <div className="rounded-lg border border-zinc-200 bg-zinc-50/60 [&_.react-flow__handle]:opacity-0" style={{ aspectRatio: `${LABEL_WIDTH + 5 * STAGE_NODE_WIDTH + 4 * GAP_X + 48} / ${height + 48}` }} data-testid="pipeline-flow">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ padding: 0.03, maxZoom: 1 }}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        zoomOnScroll={false}
        zoomOnPinch={false}
        zoomOnDoubleClick={false}
        panOnDrag={false}
        preventScrolling={false}
        proOptions={{ hideAttribution: true }}
      />
    </div>
  );
}
