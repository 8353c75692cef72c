import type { Metadata } from "next";
import { StagePlaceholder } from "@/components/shell/stage-placeholder";

export const metadata: Metadata = { title: "Debugger" };

export default function DebuggerPage() {
  return <StagePlaceholder stage="debugger" />;
}
