import type { Metadata } from "next";
import { TesterView } from "@/components/tester/tester-view";

export const metadata: Metadata = { title: "Tester" };

export default function TesterPage() {
  return <TesterView />;
}
