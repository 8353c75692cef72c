import type { Metadata } from "next";
import { TraceView } from "@/components/debugger/trace-view";

export const metadata: Metadata = { title: "Failure trace" };

export default async function TracePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TraceView id={id} />;
}
