"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { useAuditLog, type AuditFilters } from "@/lib/client/admin";
import { formatDateTime } from "@/lib/client/format";
import { useDebounced } from "@/lib/client/use-debounced";

// A trailing dot filters a family (all sign-in events, all token events).
const ACTION_FILTERS: { value: string; label: string }[] = [
  { value: "", label: "All actions" },
  { value: "auth.", label: "Sign-in and sessions" },
  { value: "auth.sign_in_failed", label: "Failed sign-ins" },
  { value: "user.", label: "Users and invitations" },
  { value: "user.role_changed", label: "Role changes" },
  { value: "token.", label: "API tokens" },
];

const describe = (details: Record<string, unknown> | null) =>
  details ? Object.entries(details).map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`).join(" · ") : "";

export function AuditView() {
  const [action, setAction] = useState("");
  const [user, setUser] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const filters: AuditFilters = {
    action: action || undefined,
    user: useDebounced(user.trim(), 300) || undefined,
    from: from ? new Date(`${from}T00:00:00`).toISOString() : undefined,
    to: to ? new Date(`${to}T23:59:59.999`).toISOString() : undefined,
  };
  const log = useAuditLog(filters);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-4 p-6">
      <div className="flex flex-wrap items-center gap-2" data-testid="audit-filters">
        <Select aria-label="Action" value={action} onChange={(e) => setAction(e.target.value)} data-testid="audit-action">
          {ACTION_FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </Select>
        <Input aria-label="User email" placeholder="User email contains…" value={user} onChange={(e) => setUser(e.target.value)} className="w-64" data-testid="audit-user" />
        <label className="flex items-center gap-1.5 text-xs text-zinc-600">
          From <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} aria-label="From date" />
        </label>
        <label className="flex items-center gap-1.5 text-xs text-zinc-600">
          To <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-label="To date" />
        </label>
      </div>
      <Card title="Audit log" description="Newest first; failed sign-ins name the email that was typed" bodyClassName="p-0">
        {log.error && <ErrorAlert className="m-4">{errorMessage(log.error)}</ErrorAlert>}
        {log.isPending ? (
          <SkeletonRows rows={8} className="p-4" />
        ) : rows.length === 0 ? (
          <p className="p-4 text-sm text-zinc-500">No events match these filters.</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>When</Th>
                <Th>Action</Th>
                <Th>By</Th>
                <Th>Subject</Th>
                <Th>Details</Th>
                <Th>Address</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <Tr key={e.id} data-testid="audit-row" data-action={e.action}>
                  <Td className="whitespace-nowrap text-zinc-600">{formatDateTime(e.at)}</Td>
                  <Td className="font-mono text-xs whitespace-nowrap text-zinc-900">{e.action}</Td>
                  <Td className="text-zinc-700">{e.actorEmail ?? "–"}</Td>
                  <Td className="text-zinc-700" title={e.targetId ? `${e.targetType} ${e.targetId}` : undefined} data-testid="audit-subject">
                    {e.subject ?? e.targetName ?? (e.targetType ? <span className="text-zinc-400">{e.targetType} (deleted)</span> : "–")}
                  </Td>
                  <Td className="text-xs text-zinc-500">{describe(e.details)}</Td>
                  <Td className="font-mono text-xs text-zinc-500">{e.ip ?? "–"}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
        {log.hasNextPage && (
          <div className="border-t border-zinc-200 p-3 text-center">
            <Button size="sm" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
              Load older events
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}
