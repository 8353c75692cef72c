"use client";

import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { useApiTokens, useCreateToken, useRevokeToken, type CreatedToken } from "@/lib/client/account";
import { formatDateTime, formatRelative } from "@/lib/client/format";

/** API tokens for scripts and CI: created here, shown once, revocable. */
export function TokensCard() {
  const tokens = useApiTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<CreatedToken | null>(null);
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(name.trim(), { onSuccess: (t) => (setCreated(t), setName("")) });
  }
  return (
    <Card title="API tokens" description="For scripts and CI: send as Authorization: Bearer <token>; it acts with your role" bodyClassName="p-0" data-testid="tokens-card">
      <form onSubmit={submit} className="flex gap-2 border-b border-zinc-200 p-4">
        <Input aria-label="Token name" placeholder="Name, e.g. nightly CI" value={name} onChange={(e) => setName(e.target.value)} className="flex-1" maxLength={80} />
        <Button type="submit" variant="primary" loading={create.isPending} disabled={!name.trim()} data-testid="token-create">
          Create token
        </Button>
      </form>
      {create.error && <ErrorAlert className="m-4">{errorMessage(create.error)}</ErrorAlert>}
      {created && (
        <div className="space-y-2 border-b border-amber-200 bg-amber-50 p-4" data-testid="token-created">
          <p className="text-sm font-medium text-amber-900">Copy the token “{created.name}” now: it will not be shown again.</p>
          <div className="flex gap-2">
            <code className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-amber-200" data-testid="token-value">
              {created.token}
            </code>
            <Button size="sm" onClick={() => navigator.clipboard?.writeText(created.token)}>
              Copy
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        </div>
      )}
      {tokens.data && tokens.data.items.length === 0 ? (
        <p className="p-4 text-sm text-zinc-500">No tokens yet.</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Token</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {tokens.data?.items.map((t) => (
              <Tr key={t.id} data-testid="token-row" data-revoked={!!t.revokedAt || undefined}>
                <Td className="font-medium text-zinc-900">{t.name}</Td>
                <Td className="font-mono text-xs text-zinc-500">{t.prefix}…</Td>
                <Td title={formatDateTime(t.createdAt)}>{formatRelative(t.createdAt)}</Td>
                <Td>{t.lastUsedAt ? formatRelative(t.lastUsedAt) : "never"}</Td>
                <Td className="text-right">
                  {t.revokedAt ? (
                    <Badge tone="neutral">Revoked</Badge>
                  ) : (
                    <Button size="sm" variant="danger" loading={revoke.isPending && revoke.variables === t.id} onClick={() => revoke.mutate(t.id)}>
                      Revoke
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
