import type { Metadata } from "next";
import { RequirePermission } from "@/components/admin/admin-only";
import { InviteCard } from "@/components/admin/invite-card";
import { PendingInvitations, UsersTable } from "@/components/admin/users-table";

export const metadata: Metadata = { title: "Users" };

export default function UsersPage() {
  return (
    <RequirePermission action="users:manage">
      <div className="grid items-start gap-6 p-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <UsersTable />
        <div className="space-y-6">
          <InviteCard />
          <PendingInvitations />
        </div>
      </div>
    </RequirePermission>
  );
}
