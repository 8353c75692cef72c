import { NavIcon } from "./nav-icons";
import { navItem, type StageKey } from "./nav-items";

/** The page of a pipeline stage that is not built yet: what it is and what it will hold, nothing invented. */
export function StagePlaceholder({ stage }: { stage: StageKey }) {
  const item = navItem(stage);
  return (
    <div className="px-6 py-16">
      <section
        aria-labelledby={`${stage}-title`}
        data-testid="stage-placeholder"
        className="mx-auto flex max-w-xl flex-col items-center rounded-xl border border-dashed border-zinc-300 bg-white px-8 py-12 text-center"
      >
        <span className="flex size-11 items-center justify-center rounded-lg bg-zinc-100 text-zinc-500">
          <NavIcon name={stage} className="size-5" />
        </span>
        <h2 id={`${stage}-title`} className="mt-4 text-base font-semibold text-zinc-900">
          {item.label}
        </h2>
        <p className="mt-2 text-sm leading-6 text-zinc-600">{item.summary}</p>
      </section>
    </div>
  );
}
