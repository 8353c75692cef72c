"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card } from "@/components/ui/card";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { useDeleteEndpoint, useEndpoints, useTestEndpoint, type EndpointRow } from "@/lib/client/settings";
import { EndpointForm } from "./endpoint-form";

function TestButton({ id }: { id: string }) {
  const test = useTestEndpoint();
  const r = test.data;
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" onClick={() => test.mutate(id)} loading={test.isPending} data-testid="endpoint-test">
        Test connection
      </Button>
      {r && (r.ok ? <Badge tone="green">OK · {r.latencyMs} ms</Badge> : <Badge tone="red" title={r.error}>Failed</Badge>)}
      {r && !r.ok && <span className="max-w-64 truncate text-xs text-red-700" title={r.error}>{r.error}</span>}
      {test.error && <span className="text-xs text-red-700">{errorMessage(test.error)}</span>}
    </span>
  );
}

/** OpenAI-compatible endpoints for LLM extraction (and later paraphrase, training, evaluation). */
export function EndpointsCard() {
  const endpoints = useEndpoints();
  const remove = useDeleteEndpoint();
  const [editing, setEditing] = useState<EndpointRow | "new" | null>(null);
  const rows = endpoints.data?.items ?? [];
  return (
    <Card
      title="Model endpoints"
      description="OpenAI-compatible chat endpoints; API keys are encrypted at rest and never sent to the browser"
      actions={editing ? null : <Button size="sm" variant="primary" onClick={() => setEditing("new")} data-testid="endpoint-add">Add endpoint</Button>}
      bodyClassName="p-0"
      data-testid="endpoints-card"
    >
      {editing && (
        <div className="border-b border-zinc-200 p-4">
          <EndpointForm editing={editing === "new" ? null : editing} onDone={() => setEditing(null)} />
        </div>
      )}
      {rows.length === 0 ? (
        <p className="p-4 text-sm text-zinc-500">
          No endpoint yet. The local extractor works offline without one; add an endpoint to extract with an LLM, or set
          <code className="mx-1 rounded bg-zinc-100 px-1 font-mono text-xs">PRODA_LLM_BASE_URL</code> and
          <code className="mx-1 rounded bg-zinc-100 px-1 font-mono text-xs">PRODA_LLM_MODEL</code> for headless use.
        </p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Model</Th>
              <Th>Base URL</Th>
              <Th>Key</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <Tr key={e.id} data-testid="endpoint-row">
                <Td className="font-medium text-zinc-900">
                  {e.name} {e.source === "environment" && <Badge tone="blue">environment</Badge>}
                </Td>
                <Td className="font-mono text-xs">{e.model}</Td>
                <Td className="max-w-72 truncate font-mono text-xs text-zinc-500" title={e.baseUrl}>{e.baseUrl}</Td>
                <Td>{e.hasApiKey ? <Badge tone="green">set</Badge> : <Badge>none</Badge>}</Td>
                <Td className="space-x-2 text-right whitespace-nowrap">
                  <TestButton id={e.id} />
                  {e.source === "settings" && (
                    <>
                      <Button size="sm" variant="ghost" onClick={() => setEditing(e)}>
                        Edit
                      </Button>
                      <ConfirmButton
                        size="sm"
                        variant="danger"
                        loading={remove.isPending && remove.variables === e.id}
                        title={`Delete the endpoint ${e.name}?`}
                        consequence="Its stored API key is erased. Extraction, rewording and verification that name this endpoint will fail until an endpoint of that name is added again."
                        confirmLabel="Delete"
                        onConfirm={() => remove.mutate(e.id)}
                        data-testid="endpoint-delete"
                      >
                        Delete
                      </ConfirmButton>
                    </>
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
