import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Role } from "@/lib/auth/roles";
import { fetchJson } from "./api";

export type UserRow = { id: string; name: string; email: string; role: Role; active: boolean; createdAt: string; lastSeenAt: string | null };
export type InvitationRow = { id: string; email: string; role: Role; createdAt: string; expiresAt: string; invitedBy: { name: string; email: string } };
export type AuditEventRow = {
  id: string;
  at: string;
  action: string;
  actorEmail: string | null;
  subject: string | null;
  targetType: string | null;
  targetId: string | null;
  /** what the target is called now (a concept's name, a relation as a sentence), or null when it is gone */
  targetName: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
};
export type AuditFilters = { action?: string; user?: string; from?: string; to?: string };

export const adminKeys = {
  users: ["admin", "users"] as const,
  invitations: ["admin", "invitations"] as const,
  audit: (f: AuditFilters) => ["admin", "audit", f] as const,
};

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users, queryFn: () => fetchJson<{ items: UserRow[] }>("/api/users") });
}

export function useInvitations() {
  return useQuery({ queryKey: adminKeys.invitations, queryFn: () => fetchJson<{ items: InvitationRow[] }>("/api/invitations") });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; role?: Role; active?: boolean }) => fetchJson<UserRow>(`/api/users/${encodeURIComponent(id)}`, { method: "PATCH", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["admin"] }),
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; email: string; password: string; role: Role }) => fetchJson<UserRow>("/api/users", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["admin"] }),
  });
}

export function useInvite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) => fetchJson<{ invitation: InvitationRow; path: string }>("/api/invitations", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["admin"] }),
  });
}

export function useRevokeInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson(`/api/invitations/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.invitations }),
  });
}

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: adminKeys.audit(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      fetchJson<{ items: AuditEventRow[]; nextCursor: string | null }>("/api/audit", { query: { ...filters, cursor: pageParam, limit: 100 } }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}
