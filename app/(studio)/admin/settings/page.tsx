import type { Metadata } from "next";
import { RequirePermission } from "@/components/admin/admin-only";
import { EndpointsCard } from "@/components/settings/endpoints-card";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <RequirePermission action="endpoints:manage">
      <div className="max-w-6xl p-6">
        <EndpointsCard />
      </div>
    </RequirePermission>
  );
}
