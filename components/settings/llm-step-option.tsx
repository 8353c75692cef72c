import { Input } from "@/components/ui/field";

/** An optional LLM step of a job (reword, paraphrase): a checkbox, and the endpoint when it is on. */
export function LlmStepOption({ label, checked, onChecked, endpoint, onEndpoint }: { label: string; checked: boolean; onChecked: (v: boolean) => void; endpoint: string; onEndpoint: (v: string) => void }) {
  return (
    <div className="mt-2 space-y-1">
      <label className="flex items-center gap-2 text-sm text-zinc-700">
        <input type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} /> {label}
      </label>
      {checked && <Input aria-label="Endpoint name" placeholder="endpoint name (empty: the only one configured)" value={endpoint} onChange={(e) => onEndpoint(e.target.value)} className="w-full" />}
    </div>
  );
}
