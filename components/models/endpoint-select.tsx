import { Select } from "@/components/ui/field";
import type { ModelsResponse } from "@/lib/client/models";

/** An endpoint by name (with its model); disabled, saying what to do, when there is none. */
export function EndpointSelect({ id, endpoints, value, onChange, empty, "data-testid": testId }: { id: string; endpoints: ModelsResponse["endpoints"]; value: string; onChange: (name: string) => void; empty: string; "data-testid"?: string }) {
  return (
    <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="w-full" disabled={!endpoints.length} data-testid={testId}>
      {!endpoints.length && <option value="">{empty}</option>}
      {endpoints.map((e) => (
        <option key={e.name} value={e.name}>
          {e.name} · {e.model}
        </option>
      ))}
    </Select>
  );
}
