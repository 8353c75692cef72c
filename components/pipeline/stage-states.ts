import type { Tone } from "@/components/ui/badge";
import type { StageState } from "@/lib/server/services/loop/pipeline-view";

/** A state's colour on the cards and in the key: green done, amber to run, blue running, red failed, accent waiting on people. */
export const STATE_TONE: Record<StageState, Tone> = {
  "up to date": "green",
  stale: "amber",
  running: "blue",
  failed: "red",
  "waiting for review": "accent",
  "never ran": "neutral",
  "not reached": "neutral",
};

/** The card's left edge, in the same colours. */
export const STATE_EDGE: Record<StageState, string> = {
  "up to date": "border-l-emerald-500",
  stale: "border-l-amber-500",
  running: "border-l-sky-500",
  failed: "border-l-red-500",
  "waiting for review": "border-l-accent-500",
  "never ran": "border-l-zinc-300",
  "not reached": "border-l-zinc-200",
};

export const STATE_HELP: Record<StageState, string> = {
  "up to date": "its inputs have not changed since it last ran",
  stale: "the next loop runs it: its inputs changed, or a stage before it runs first",
  running: "the loop is running it now",
  failed: "it failed in the last loop run",
  "waiting for review": "patches wait for annotators",
  "never ran": "the loop has not run it in this workspace yet",
  "not reached": "the loop stops before it",
};
