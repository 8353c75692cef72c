import { Badge, type Tone } from "@/components/ui/badge";
import { cx } from "@/lib/client/cx";

const LETTERS = "ABCDEFGH";
const OPERATOR_TONE: Record<string, Tone> = { ANSWER: "green", INVREL: "red", TRUNC: "amber", NEARMISS: "blue", SAME_ROLE: "blue", OTHER: "neutral" };

/** A multiple-choice question's options with the keyed one and the model's choice marked, and the operator behind each. */
export function OptionsList({ options, answerIndex, choice, compact = false }: { options: { text: string; operator: string }[]; answerIndex: number; choice: number | null; compact?: boolean }) {
  return (
    <ol className={cx(compact ? "space-y-1" : "space-y-1.5")} aria-label="Options">
      {options.map((o, i) => {
        const keyed = i === answerIndex;
        const chosen = i === choice;
        return (
          <li
            key={i}
            className={cx("flex items-start gap-2 rounded-md ring-1", compact ? "px-2 py-1 text-xs" : "px-2.5 py-1.5 text-sm", keyed ? "bg-emerald-50 ring-emerald-200" : chosen ? "bg-red-50 ring-red-200" : "ring-zinc-200")}
            data-testid="answer-option"
            data-keyed={keyed || undefined}
            data-chosen={chosen || undefined}
          >
            <span className="font-mono text-xs text-zinc-500">{LETTERS[i]}</span>
            <span className="flex-1">{o.text}</span>
            {chosen && <Badge tone={keyed ? "green" : "red"}>model’s choice</Badge>}
            {keyed && !chosen && <Badge tone="green">keyed answer</Badge>}
            <Badge tone={OPERATOR_TONE[o.operator] ?? "neutral"}>{o.operator}</Badge>
          </li>
        );
      })}
    </ol>
  );
}
