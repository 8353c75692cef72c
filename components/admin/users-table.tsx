"use client";

import { ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { ROLE_INFO, ROLES, type Role } from "@/lib/auth/roles";
import { errorMessage } from "@/lib/client/api";
import { useInvitations, useRevokeInvitation, useUpdateUser, useUsers } from "@/lib/client/admin";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import { useSessionUser } from "@/lib/client/session";

export function UsersTable() {
  const me = useSessionUser();
  const users = useUsers();
  const update = useUpdateUser();
  return (
    <Card title="Users" description="Roles take effect at once; deactivating ends the user's sessions and API tokens" bodyClassName="p-0" data-testid="users-card">
      {update.error && <ErrorAlert className="m-4" data-testid="users-error">{errorMessage(update.error)}</ErrorAlert>}
      {users.isPending ? (
        <SkeletonRows rows={4} className="p-4" />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>User</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Last seen</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {users.data?.items.map((u) => (
              <Tr key={u.id} data-testid="user-row" data-email={u.email} data-active={u.active}>
                <Td>
                  <p className="font-medium text-zinc-900">
                    {u.name} {u.id === me.id && <span className="font-normal text-zinc-500">(you)</span>}
                  </p>
                  <p className="text-xs text-zinc-500">{u.email}</p>
                </Td>
                <Td>
                  <Select
                    aria-label={`Role of ${u.email}`}
                    value={u.role}
                    disabled={update.isPending}
                    onChange={(e) => update.mutate({ id: u.id, role: e.target.value as Role })}
                    data-testid="user-role-select"
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_INFO[r].label}
                      </option>
                    ))}
                  </Select>
                </Td>
                <Td>{u.active ? <Badge tone="green" dot>Active</Badge> : <Badge tone="neutral">Deactivated</Badge>}</Td>
                <Td title={formatDateTime(u.lastSeenAt)}>{u.lastSeenAt ? formatRelative(u.lastSeenAt) : "never"}</Td>
                <Td className="text-right">
                  {u.active ? (
                    <ConfirmButton
                      size="sm"
                      variant="danger"
                      disabled={update.isPending}
                      title={`Deactivate ${u.name}?`}
                      consequence={`${u.email} is signed out everywhere and can no longer sign in; their API tokens stop working for good (reactivating does not bring them back). Their work and audit history stay.`}
                      confirmLabel="Deactivate"
                      onConfirm={() => update.mutate({ id: u.id, active: false })}
                      data-testid="user-deactivate"
                    >
                      Deactivate
                    </ConfirmButton>
                  ) : (
                    <Button size="sm" disabled={update.isPending} onClick={() => update.mutate({ id: u.id, active: true })} data-testid="user-reactivate">
                      Reactivate
                    </Button>
                  )}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

export function PendingInvitations() {
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const items = invitations.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title="Open invitations" bodyClassName="p-0" data-testid="invitations-card">
      <ul className="divide-y divide-zinc-100">
        {items.map((i) => (
          <li key={i.id} className="flex items-center justify-between gap-3 px-4 py-2.5 text-sm" data-testid="invitation-row">
            <span className="min-w-0">
              <span className="block truncate text-zinc-900">{i.email}</span>
              <span className="text-xs text-zinc-500">
                {ROLE_INFO[i.role].label} · expires {formatDateTime(i.expiresAt)}
              </span>
            </span>
            <Button size="sm" variant="ghost" onClick={() => revoke.mutate(i.id)} loading={revoke.isPending && revoke.variables === i.id}>
              Revoke
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
