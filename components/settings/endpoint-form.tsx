"use client";

import { useState, type FormEvent } from "react";
import { TextField } from "@/components/auth/text-field";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage, fieldErrors } from "@/lib/client/api";
import { useSaveEndpoint, type EndpointRow } from "@/lib/client/settings";

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

/**
 * Add or edit an endpoint. The stored API key is never shown; leave the field empty to keep it,
 * unless the base URL moves to another host: the server sends a key only where it was entered for.
 */
export function EndpointForm({ editing, onDone }: { editing: EndpointRow | null; onDone: () => void }) {
  const save = useSaveEndpoint();
  const [v, setV] = useState({
    name: editing?.name ?? "",
    baseUrl: editing?.baseUrl ?? "",
    model: editing?.model ?? "",
    apiKey: "",
    concurrency: String(editing?.concurrency ?? 4),
    timeoutMs: String(editing?.timeoutMs ?? 60000),
  });
  const errors = fieldErrors(save.error);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((s) => ({ ...s, [k]: e.target.value }));
  const moved = !!editing?.hasApiKey && originOf(v.baseUrl.trim()) !== originOf(editing.baseUrl);
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(
      { id: editing?.id, name: v.name, baseUrl: v.baseUrl, model: v.model, concurrency: Number(v.concurrency), timeoutMs: Number(v.timeoutMs), ...(v.apiKey || !editing || moved ? { apiKey: v.apiKey } : {}) },
      { onSuccess: onDone },
    );
  }
  return (
    <form onSubmit={submit} className="space-y-3" noValidate data-testid="endpoint-form">
      <TextField label="Name" value={v.name} onChange={set("name")} error={errors.name} placeholder="e.g. openai, vllm-lab" />
      <TextField label="Base URL" value={v.baseUrl} onChange={set("baseUrl")} error={errors.baseUrl} placeholder="https://api.openai.com/v1" />
      <TextField label="Model" value={v.model} onChange={set("model")} error={errors.model} placeholder="gpt-4o-mini" />
      <TextField
        label="API key"
        type="password"
        autoComplete="off"
        value={v.apiKey}
        onChange={set("apiKey")}
        error={errors.apiKey}
        hint={moved ? "not sent to a new host: enter it again (empty: no key)" : editing?.hasApiKey ? "stored; leave empty to keep it" : "encrypted at rest"}
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField label="Concurrency" type="number" min={1} max={64} value={v.concurrency} onChange={set("concurrency")} error={errors.concurrency} />
        <TextField label="Timeout (ms)" type="number" min={1000} step={1000} value={v.timeoutMs} onChange={set("timeoutMs")} error={errors.timeoutMs} />
      </div>
      {save.error && !Object.keys(errors).length && <ErrorAlert>{errorMessage(save.error)}</ErrorAlert>}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={save.isPending} data-testid="endpoint-save">
          {editing ? "Save endpoint" : "Add endpoint"}
        </Button>
      </div>
    </form>
  );
}
