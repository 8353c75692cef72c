import type { ReactNode } from "react";
import { Header } from "@/components/shell/header";
import { Sidebar } from "@/components/shell/sidebar";

export default function StudioLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex h-dvh overflow-hidden">
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        <Header />
        <main className="scroll-stable min-h-0 flex-1 overflow-y-auto">{children}</main>
      </div>
    </div>
  );
}
