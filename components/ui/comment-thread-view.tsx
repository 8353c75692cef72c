"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import { COMMENT_MAX_CHARS, type CommentThread as Thread } from "@/lib/domain/knowledge/review-queue";

type ThreadQuery = { data?: { pages: Thread[] }; isPending: boolean; hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
type AddComment = { isPending: boolean; error: unknown; send: (text: string, onSent: () => void) => void };

/** A comment thread, oldest first, and a box to add to it: for knowledge items and patches alike. */
export function CommentThreadView({ thread, add, canComment }: { thread: ThreadQuery; add: AddComment; canComment: boolean }) {
  const [text, setText] = useState("");
  const comments = thread.data?.pages.flatMap((p) => p.items) ?? [];
  const left = COMMENT_MAX_CHARS - text.length;
  const send = () => add.send(text, () => setText(""));
  return (
    <div className="space-y-2 border-t border-zinc-100 pt-2 text-xs" data-testid="comment-thread">
      <p className="font-medium text-zinc-700">Comments{comments.length ? ` (${comments.length}${thread.hasNextPage ? "+" : ""})` : ""}</p>
      {thread.isPending ? (
        <p className="text-zinc-400">Loading…</p>
      ) : comments.length === 0 ? (
        <p className="text-zinc-400">No comments yet.</p>
      ) : (
        <ol className="space-y-2">
          {comments.map((c) => (
            <li key={c.id} className="rounded-md bg-zinc-50 px-2 py-1.5" data-testid="comment">
              <p className="flex items-baseline justify-between gap-2 text-zinc-500">
                <span className="truncate font-medium text-zinc-800">{c.author?.name ?? "local admin (CLI)"}</span>
                <time dateTime={c.createdAt} className="shrink-0">{formatDateTime(c.createdAt)}</time>
              </p>
              <p className="mt-0.5 break-words whitespace-pre-wrap text-zinc-700">{c.text}</p>
            </li>
          ))}
        </ol>
      )}
      {thread.hasNextPage && (
        <Button size="sm" variant="ghost" loading={thread.isFetchingNextPage} onClick={() => void thread.fetchNextPage()}>
          Later comments
        </Button>
      )}
      {canComment && (
        <form
          className="space-y-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <textarea
            aria-label="Add a comment"
            placeholder="Add a comment… (Ctrl+Enter sends)"
            value={text}
            maxLength={COMMENT_MAX_CHARS}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && (e.ctrlKey || e.metaKey) && text.trim() && send()}
            rows={2}
            className="w-full rounded-md p-2 ring-1 ring-zinc-300 focus:ring-2 focus:ring-accent-500 focus:outline-none"
            data-testid="comment-text"
          />
          <div className="flex items-center gap-2">
            <Button type="submit" size="sm" disabled={!text.trim()} loading={add.isPending} data-testid="comment-add">
              Comment
            </Button>
            {left < 200 && <span className="text-zinc-500">{left} characters left</span>}
          </div>
          {add.error ? <p role="alert" className="text-red-700">{errorMessage(add.error)}</p> : null}
        </form>
      )}
    </div>
  );
}
