import type { Metadata } from "next";
import { StagePlaceholder } from "@/components/shell/stage-placeholder";

export const metadata: Metadata = { title: "Tester" };

export default function TesterPage() {
  return <StagePlaceholder stage="tester" />;
}
