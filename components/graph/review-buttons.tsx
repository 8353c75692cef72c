"use client";

import { Button } from "@/components/ui/button";
import { useReview } from "@/lib/client/curation";
import { errorMessage } from "@/lib/client/api";

/** Approve or reject one item; the server's refusal (a 422 from the reachability rule) is shown, and the optimistic change rolls back. */
export function ReviewButtons({ level, id, status, review }: { level: "concept" | "relation" | "chain"; id: string; status: string; review: ReturnType<typeof useReview> }) {
  const failed = review.error && review.variables?.ids.includes(id) ? errorMessage(review.error) : null;
  return (
    <div className="space-y-1.5">
      <div className="flex gap-2">
        <Button size="sm" variant="primary" disabled={status === "APPROVED"} onClick={() => review.mutate({ level, ids: [id], status: "APPROVED" })} data-testid={`approve-${level}`}>
          Approve <kbd className="ml-1 text-[10px] opacity-70">A</kbd>
        </Button>
        <Button size="sm" variant="danger" disabled={status === "REJECTED"} onClick={() => review.mutate({ level, ids: [id], status: "REJECTED" })} data-testid={`reject-${level}`}>
          Reject <kbd className="ml-1 text-[10px] opacity-70">R</kbd>
        </Button>
      </div>
      {failed && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-800" data-testid="review-error">
          {failed}
        </p>
      )}
    </div>
  );
}
