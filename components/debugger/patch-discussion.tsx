"use client";

import { Card } from "@/components/ui/card";
import { CommentThreadView } from "@/components/ui/comment-thread-view";
import { Select } from "@/components/ui/field";
import { errorMessage } from "@/lib/client/api";
import { useAddPatchComment, useAssignPatch, usePatchComments, usePatchReviewers, type PatchDetail } from "@/lib/client/debugger";
import { useCan } from "@/lib/client/session";

/** Who reviews the patch, and what annotators said about it. */
export function PatchDiscussion({ patch }: { patch: PatchDetail }) {
  const canAssign = useCan("patches:approve");
  const canComment = useCan("patches:edit");
  const reviewers = usePatchReviewers().data?.items ?? [];
  const assign = useAssignPatch(patch.id);
  const thread = usePatchComments(patch.id);
  const add = useAddPatchComment(patch.id);
  const assignee = reviewers.find((r) => r.id === patch.assigneeId);
  return (
    <Card title="Review" description="Assignment and comments" data-testid="patch-discussion">
      <div className="mb-3 flex items-center gap-2 text-sm">
        <label htmlFor="patch-assignee" className="text-xs font-medium text-zinc-700">
          Assigned to
        </label>
        {canAssign ? (
          <Select id="patch-assignee" value={patch.assigneeId ?? ""} onChange={(e) => assign.mutate(e.target.value || null)} disabled={assign.isPending} data-testid="patch-assignee">
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
      <CommentThreadView thread={thread} add={{ isPending: add.isPending, error: add.error, send: (text, onSent) => add.mutate(text, { onSuccess: onSent }) }} canComment={canComment} />
    </Card>
  );
}
