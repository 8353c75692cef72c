import type { Metadata } from "next";
import { DebuggerView } from "@/components/debugger/debugger-view";

export const metadata: Metadata = { title: "Debugger" };

export default function DebuggerPage() {
  return <DebuggerView />;
}
