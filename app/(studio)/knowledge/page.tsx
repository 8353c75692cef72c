import type { Metadata } from "next";
import { StagePlaceholder } from "@/components/shell/stage-placeholder";

export const metadata: Metadata = { title: "Knowledge" };

export default function KnowledgePage() {
  return <StagePlaceholder stage="knowledge" />;
}
