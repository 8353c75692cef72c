"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldLabel, Input, Select } from "@/components/ui/field";
import { errorMessage, fieldErrors } from "@/lib/client/api";
import { useTrainingSets } from "@/lib/client/builder";
import { useRegisterModel, type ModelsResponse } from "@/lib/client/models";
import { EndpointSelect } from "./endpoint-select";
import { useCan } from "@/lib/client/session";

const STAGES = [
  ["BASE", "Base"],
  ["OFFICIAL", "Official"],
  ["V1", "V1"],
  ["V2", "V2"],
  ["CUSTOM", "Custom"],
] as const;

/** Registers a model an OpenAI-compatible server serves (vLLM, llama.cpp, Ollama, a hosted API) as a version. */
export function RegisterCard({ endpoints }: { endpoints: ModelsResponse["endpoints"] }) {
  const allowed = useCan("models:register");
  const register = useRegisterModel();
  const sets = useTrainingSets().data?.items ?? [];
  const [name, setName] = useState("");
  const [stage, setStage] = useState<(typeof STAGES)[number][0]>("BASE");
  const [endpoint, setEndpoint] = useState("");
  const [model, setModel] = useState("");
  const [bundleSet, setBundleSet] = useState("");
  if (!allowed) return null;
  const errors = fieldErrors(register.error);
  const fromBundle = !!bundleSet;
  const chosenEndpoint = endpoint || endpoints[0]?.name || "";
  return (
    <Card title="Register a served model" description="Base, official, or trained from the bundle" data-testid="register-card">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          register.mutate(
            { name: name.trim(), stage, endpoint: chosenEndpoint, model: model.trim() || undefined, trainer: fromBundle ? "bundle" : "registered", trainingSetId: bundleSet || undefined },
            { onSuccess: () => { setName(""); setModel(""); } },
          );
        }}
      >
        <div className="grid gap-3">
          <div>
            <FieldLabel htmlFor="reg-name" hint={errors.name}>Version name</FieldLabel>
            <Input id="reg-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="qwen2.5-7b-base" className="w-full" aria-invalid={!!errors.name} data-testid="register-name" />
          </div>
          <div>
            <FieldLabel htmlFor="reg-stage" hint="base: what V1 starts from">Stage</FieldLabel>
            <Select id="reg-stage" value={stage} onChange={(e) => setStage(e.target.value as typeof stage)} className="w-full" data-testid="register-stage">
              {STAGES.map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <FieldLabel htmlFor="reg-endpoint" hint={errors.endpoint}>Endpoint</FieldLabel>
            <EndpointSelect id="reg-endpoint" endpoints={endpoints} value={chosenEndpoint} onChange={setEndpoint} empty="no endpoint yet" data-testid="register-endpoint" />
          </div>
          <div>
            <FieldLabel htmlFor="reg-model" hint="default: the endpoint's">Model id</FieldLabel>
            <Input id="reg-model" value={model} onChange={(e) => setModel(e.target.value)} className="w-full font-mono" data-testid="register-model" />
          </div>
        </div>
        <div>
          <FieldLabel htmlFor="reg-bundle" hint="for a model trained on your own GPUs">Trained on</FieldLabel>
          <Select id="reg-bundle" value={bundleSet} onChange={(e) => setBundleSet(e.target.value)} className="w-full">
            <option value="">nothing here (a base or official model)</option>
            {sets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} v{s.version}
              </option>
            ))}
          </Select>
        </div>
        {!endpoints.length && <p className="text-xs text-zinc-500">An admin adds the server as an endpoint first (Model endpoints, below).</p>}
        {register.error && <ErrorAlert>{errorMessage(register.error)}</ErrorAlert>}
        {register.isSuccess && <p className="text-xs text-emerald-700" data-testid="register-done">Registered {register.data.name}. Evaluate it from the list of versions.</p>}
        <div className="flex justify-end">
          <Button type="submit" variant="primary" loading={register.isPending} disabled={!name.trim() || !chosenEndpoint} data-testid="register-submit">
            Register
          </Button>
        </div>
      </form>
    </Card>
  );
}
