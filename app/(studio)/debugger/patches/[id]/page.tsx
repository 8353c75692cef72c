import type { Metadata } from "next";
import { PatchReview } from "@/components/debugger/patch-review";

export const metadata: Metadata = { title: "Patch" };

export default async function PatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PatchReview id={id} />;
}
