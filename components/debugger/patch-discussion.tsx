"use client";

import { Card } from "@/components/ui/card";
import { CommentThreadView } from "@/components/ui/comment-thread-view";
import { useAddPatchComment, usePatchComments, type PatchDetail } from "@/lib/client/debugger";
import { useCan } from "@/lib/client/session";
import { AssigneeSelect } from "./assignee-select";

/** Who reviews the patch, and what annotators said about it. */
export function PatchDiscussion({ patch }: { patch: PatchDetail }) {
  const canComment = useCan("patches:edit");
  const thread = usePatchComments(patch.id);
  const add = useAddPatchComment(patch.id);
  return (
    <Card title="Review" description="Assignment and comments" data-testid="patch-discussion">
      <div className="mb-3">
        <AssigneeSelect kind="patch" id={patch.id} assigneeId={patch.assigneeId} />
      </div>
      <CommentThreadView thread={thread} add={{ isPending: add.isPending, error: add.error, send: (text, onSent) => add.mutate(text, { onSuccess: onSent }) }} canComment={canComment} />
    </Card>
  );
}
