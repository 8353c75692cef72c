import type { Metadata } from "next";
import { StagePlaceholder } from "@/components/shell/stage-placeholder";

export const metadata: Metadata = { title: "Dashboards" };

export default function DashboardsPage() {
  return <StagePlaceholder stage="dashboards" />;
}
