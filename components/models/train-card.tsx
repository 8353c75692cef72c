"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { RunFollower } from "@/components/jobs/run-follower";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldLabel, Input, Select } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage, fieldErrors } from "@/lib/client/api";
import { useTrainingSets } from "@/lib/client/builder";
import { modelKeys, useLaunchTraining, type LaunchTraining, type ModelsResponse } from "@/lib/client/models";
import { useCan } from "@/lib/client/session";
import { EndpointSelect } from "./endpoint-select";
import { TRAINER_SHORT } from "./model-labels";
import { nextVersionName } from "@/lib/domain/training/version-name";

type Trainer = LaunchTraining["trainer"] | "bundle";
const TRAINERS: Trainer[] = ["local", "openai", "together", "bundle"];
const HYPER = [
  ["epochs", "Epochs", "3"],
  ["learningRateMultiplier", "LR multiplier (OpenAI)", "provider default"],
  ["learningRate", "Learning rate (Together, own GPUs)", "1e-5"],
  ["batchSize", "Batch size", "provider default"],
  ["loraRank", "LoRA rank (Together, own GPUs)", "16"],
  ["seed", "Seed", "none"],
] as const;
type HyperKey = (typeof HYPER)[number][0];

/** Fine-tunes an approved training set: the local student, a remote fine-tuning API, or a bundle for one's own GPUs. */
export function TrainCard({ endpoints, taken }: { endpoints: ModelsResponse["endpoints"]; taken: string[] }) {
  const allowed = useCan("fine-tunes:launch");
  const list = useTrainingSets();
  const sets = list.data?.items.filter((s) => s.status === "APPROVED") ?? [];
  const launch = useLaunchTraining();
  const qc = useQueryClient();
  const [setId, setSetId] = useState("");
  const [trainer, setTrainer] = useState<Trainer>("local");
  const [typed, setName] = useState<string | null>(null);
  // The next free V<n> until the lead types a name of their own.
  const name = typed ?? nextVersionName(taken);
  const [endpoint, setEndpoint] = useState("");
  const [baseModel, setBaseModel] = useState("");
  const [hyper, setHyper] = useState<Partial<Record<HyperKey, string>>>({});
  const [runId, setRunId] = useState<string | null>(null);
  if (!allowed) return null;
  const chosen = sets.find((s) => s.id === setId) ?? sets[0];
  const remote = trainer === "openai" || trainer === "together";
  const errors = fieldErrors(launch.error);
  const submit = () => {
    if (!chosen || trainer === "bundle") return;
    const hyperparameters = Object.fromEntries(Object.entries(hyper).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, Number(v)]));
    launch.mutate(
      { trainingSetId: chosen.id, trainer, name: name.trim(), endpoint: remote ? endpoint || endpoints[0]?.name : undefined, baseModel: remote && baseModel.trim() ? baseModel.trim() : undefined, hyperparameters },
      { onSuccess: (r) => setRunId(r.id) },
    );
  };
  return (
    <Card title="Train a model" description="From an approved training set only" data-testid="train-card">
      {list.isLoading ? (
        <SkeletonRows rows={3} />
      ) : !sets.length ? (
        <EmptyState title="No approved training set">Build one on the Builder page, run the gate against the frozen benchmark, and approve it.</EmptyState>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="grid gap-3">
            <div>
              <FieldLabel htmlFor="train-set">Training set</FieldLabel>
              <Select id="train-set" value={chosen?.id} onChange={(e) => setSetId(e.target.value)} className="w-full" data-testid="train-set">
                {sets.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} v{s.version} · {s.instanceCount.toLocaleString()} instances
                  </option>
                ))}
              </Select>
            </div>
            <div>
              <FieldLabel htmlFor="train-trainer">Trainer</FieldLabel>
              <Select id="train-trainer" value={trainer} onChange={(e) => setTrainer(e.target.value as Trainer)} className="w-full" data-testid="train-trainer">
                {TRAINERS.map((t) => (
                  <option key={t} value={t}>
                    {TRAINER_SHORT[t]}
                    {t === "local" ? " (offline stand-in)" : ""}
                  </option>
                ))}
              </Select>
            </div>
          </div>
          {trainer === "bundle" ? (
            <BundleSteps setId={chosen!.id} />
          ) : (
            <>
              <div className="grid gap-3">
                <div>
                  <FieldLabel htmlFor="train-name" hint={errors.name ?? "V1, V2 set the stage"}>Version name</FieldLabel>
                  <Input id="train-name" value={name} onChange={(e) => setName(e.target.value)} className="w-full" aria-invalid={!!errors.name} data-testid="train-name" />
                </div>
                {remote && (
                  <div>
                    <FieldLabel htmlFor="train-endpoint" hint="its fine-tuning API trains, then serves">Endpoint</FieldLabel>
                    <EndpointSelect id="train-endpoint" endpoints={endpoints} value={endpoint || endpoints[0]?.name || ""} onChange={setEndpoint} empty="no endpoint: an admin adds one below" data-testid="train-endpoint" />
                  </div>
                )}
              </div>
              {remote && (
                <div>
                  <FieldLabel htmlFor="train-base" hint="empty: the endpoint's model">Base model</FieldLabel>
                  <Input id="train-base" value={baseModel} onChange={(e) => setBaseModel(e.target.value)} className="w-full font-mono" placeholder={trainer === "together" ? "Qwen/Qwen2.5-7B-Instruct" : "gpt-4o-mini-2024-07-18"} />
                </div>
              )}
              {trainer === "local" ? (
                <p className="text-xs text-zinc-500">
                  The local student learns the statements of the instances’ text on this machine’s CPU and answers by retrieving and chaining them. It makes the loop real offline; it is not a language model.
                </p>
              ) : (
                <details className="text-sm">
                  <summary className="cursor-pointer text-xs font-medium text-zinc-700">Hyperparameters</summary>
                  <div className="mt-2 grid gap-3 sm:grid-cols-3">
                    {HYPER.map(([key, label, placeholder]) => (
                      <div key={key}>
                        <FieldLabel htmlFor={`hp-${key}`} hint={errors[`hyperparameters.${key}`]}>{label}</FieldLabel>
                        <Input id={`hp-${key}`} type="number" step="any" min={key === "seed" ? undefined : 0} value={hyper[key] ?? ""} placeholder={placeholder} onChange={(e) => setHyper({ ...hyper, [key]: e.target.value })} className="w-full" />
                      </div>
                    ))}
                  </div>
                </details>
              )}
              {launch.error && <ErrorAlert>{errorMessage(launch.error)}</ErrorAlert>}
              <div className="flex justify-end">
                <Button type="submit" variant="primary" loading={launch.isPending} disabled={!name.trim() || (remote && !endpoints.length)} title={remote && !endpoints.length ? "No endpoint is configured" : undefined} data-testid="train-start">
                  Train {name.trim() || "…"}
                </Button>
              </div>
            </>
          )}
        </form>
      )}
      {runId && <RunFollower key={runId} runId={runId} discipline={null} data-testid="train-run" onDone={() => void qc.invalidateQueries({ queryKey: modelKeys.all })} />}
    </Card>
  );
}

/** Training on one's own GPUs: the bundle (data and configs with one set of hyperparameters), then the register form. */
function BundleSteps({ setId }: { setId: string }) {
  return (
    <ol className="list-decimal space-y-1.5 pl-5 text-sm text-zinc-700" data-testid="bundle-steps">
      <li>
        <a className="font-medium text-accent-700 hover:underline" href={`/api/training-sets/${setId}/export?format=bundle`} download data-testid="bundle-download">
          Download the bundle
        </a>
        : the training data, a LLaMA-Factory YAML and an Axolotl config carrying the same hyperparameters, and a README.
      </li>
      <li>Train on your GPUs and serve the result with any OpenAI-compatible server (vLLM, llama.cpp server, Ollama).</li>
      <li>Add that server as an endpoint, then register the model below as trained from the bundle, with this training set.</li>
    </ol>
  );
}
