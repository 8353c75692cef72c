import type { Metadata } from "next";
import { StagePlaceholder } from "@/components/shell/stage-placeholder";

export const metadata: Metadata = { title: "Builder" };

export default function BuilderPage() {
  return <StagePlaceholder stage="builder" />;
}
