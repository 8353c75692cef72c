import type { BenchmarkItem } from "@/lib/client/tester";

/** The chain an item tests, drawn left to right: start, each relation, and the concepts it reaches. */
export function ChainPath({ path }: { path: BenchmarkItem["path"] }) {
  const concepts = [path[0]?.subject, ...path.map((s) => s.object)];
  return (
    <ol className="flex flex-wrap items-center gap-1 text-xs" data-testid="item-chain" aria-label="The chain this item tests">
      {concepts.map((c, i) => (
        <li key={i} className="flex items-center gap-1">
          {i > 0 && (
            <span className="flex items-center gap-1 text-zinc-500">
              <span aria-hidden>→</span>
              <span className="rounded bg-zinc-100 px-1 font-mono text-[11px]">{path[i - 1].predicate}</span>
              <span aria-hidden>→</span>
            </span>
          )}
          <span className={i === concepts.length - 1 ? "rounded-md bg-emerald-50 px-2 py-1 font-medium text-emerald-800 ring-1 ring-emerald-200" : i === 0 ? "rounded-md bg-accent-50 px-2 py-1 font-medium text-accent-700 ring-1 ring-accent-100" : "rounded-md bg-white px-2 py-1 text-zinc-800 ring-1 ring-zinc-200"}>
            {c}
          </span>
        </li>
      ))}
    </ol>
  );
}
