"use client";

import { CommentThreadView } from "@/components/ui/comment-thread-view";
import { useAddComment, useComments, type ReviewLevel } from "@/lib/client/review-queue";

/** What reviewers said about one item, oldest first, and a box to add to it. */
export function CommentThread({ level, id, canComment }: { level: ReviewLevel; id: string; canComment: boolean }) {
  const thread = useComments(level, id);
  const add = useAddComment();
  return <CommentThreadView thread={thread} add={{ isPending: add.isPending, error: add.error, send: (text, onSent) => add.mutate({ level, id, text }, { onSuccess: onSent }) }} canComment={canComment} />;
}
