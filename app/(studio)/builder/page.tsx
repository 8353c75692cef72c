import type { Metadata } from "next";
import { BuilderView } from "@/components/builder/builder-view";

export const metadata: Metadata = { title: "Builder" };

export default function BuilderPage() {
  return <BuilderView />;
}
