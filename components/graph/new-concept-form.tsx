"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { errorMessage, fetchJson } from "@/lib/client/api";

/** Adds a concept by hand to the discipline; it appears in the overview, ready to connect. */
export function NewConceptForm({ discipline }: { discipline: string }) {
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: () => fetchJson("/api/knowledge/concepts", { method: "POST", body: { discipline, name, aliases: [] } }),
    onSuccess: () => setName(""),
    onSettled: () => qc.invalidateQueries({ queryKey: ["knowledge"] }),
  });
  return (
    <form
      className="flex gap-2 border-t border-zinc-100 pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Input aria-label="New concept" placeholder="Add a concept…" value={name} onChange={(e) => setName(e.target.value)} className="min-w-0 flex-1 text-xs" data-testid="new-concept" />
      <Button type="submit" size="sm" disabled={!name.trim()} loading={create.isPending}>
        Add
      </Button>
      {create.error && <p role="alert" className="text-xs text-red-700">{errorMessage(create.error)}</p>}
    </form>
  );
}
