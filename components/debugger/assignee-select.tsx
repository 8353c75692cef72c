"use client";

import { Select } from "@/components/ui/field";
import { errorMessage } from "@/lib/client/api";
import { useAssign, useReviewers } from "@/lib/client/debugger";
import { useCan } from "@/lib/client/session";
import type { AssignableKind } from "@/lib/server/services/debugger/assign";

const MAY_ASSIGN = { patch: "patches:approve", trace: "traces:review" } as const;

/** "Assigned to" for a patch or a failure trace: a select for those who may review it, the name for the rest. */
export function AssigneeSelect({ kind, id, assigneeId }: { kind: AssignableKind; id: string; assigneeId: string | null }) {
  const canAssign = useCan(MAY_ASSIGN[kind]);
  const reviewers = useReviewers(kind).data?.items ?? [];
  const assign = useAssign(kind, id);
  const assignee = reviewers.find((r) => r.id === assigneeId);
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={`${kind}-assignee`} className="text-xs font-medium text-zinc-700">
        Assigned to
      </label>
      {canAssign ? (
        <Select id={`${kind}-assignee`} value={assigneeId ?? ""} onChange={(e) => assign.mutate(e.target.value || null)} disabled={assign.isPending} data-testid={`${kind}-assignee`}>
          <option value="">nobody</option>
          {reviewers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.role.toLowerCase()})
            </option>
          ))}
        </Select>
      ) : (
        <span>{assignee?.name ?? "nobody"}</span>
      )}
      {assign.error && <span className="text-xs text-red-700">{errorMessage(assign.error)}</span>}
    </div>
  );
}
