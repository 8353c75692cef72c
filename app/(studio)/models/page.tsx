import type { Metadata } from "next";
import { StagePlaceholder } from "@/components/shell/stage-placeholder";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return <StagePlaceholder stage="models" />;
}
