import { Button } from "./button";

/** The footer of a paged list: one more page on click, nothing when there is none. */
export function LoadMore({ hasMore, loading, onLoad }: { hasMore: boolean; loading: boolean; onLoad: () => void }) {
  if (!hasMore) return null;
  return (
    <div className="border-t border-zinc-200 p-2 text-center">
      <Button size="sm" variant="ghost" loading={loading} onClick={onLoad}>
        Load more
      </Button>
    </div>
  );
}
