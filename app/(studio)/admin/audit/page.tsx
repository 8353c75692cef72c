import type { Metadata } from "next";
import { RequirePermission } from "@/components/admin/admin-only";
import { AuditView } from "@/components/admin/audit-view";

export const metadata: Metadata = { title: "Audit log" };

export default function AuditPage() {
  return (
    <RequirePermission action="audit:read">
      <AuditView />
    </RequirePermission>
  );
}
