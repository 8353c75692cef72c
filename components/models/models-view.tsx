"use client";

import { EndpointsCard } from "@/components/settings/endpoints-card";
import { ErrorAlert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/lib/client/api";
import { useModels, type ModelsResponse } from "@/lib/client/models";
import { useCan } from "@/lib/client/session";
import { FineTunesCard } from "./fine-tunes-card";
import { RegisterCard } from "./register-card";
import { TrainCard } from "./train-card";
import { VersionsCard } from "./versions-card";

/** Models: versions with lineage, fine-tunes as they run, training and registering, and the endpoints that serve them. */
export function ModelsView() {
  const models = useModels();
  const endpoints = models.data?.endpoints ?? [];
  const canManageEndpoints = useCan("endpoints:manage");
  return (
    <div className="grid items-start gap-6 p-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-6">
        {models.error && <ErrorAlert>{errorMessage(models.error)}</ErrorAlert>}
        <VersionsCard models={models.data?.items ?? []} loading={models.isLoading} />
        <FineTunesCard />
        {canManageEndpoints ? <EndpointsCard /> : <EndpointNames endpoints={endpoints} />}
      </div>
      <div className="min-w-0 space-y-6">
        <TrainCard endpoints={endpoints} taken={(models.data?.items ?? []).map((m) => m.name)} />
        <RegisterCard endpoints={endpoints} />
      </div>
    </div>
  );
}

function EndpointNames({ endpoints }: { endpoints: ModelsResponse["endpoints"] }) {
  return (
    <Card title="Model endpoints" description="Servers that fine-tune and serve models; an admin adds them">
      {endpoints.length ? (
        <ul className="space-y-1 text-sm">
          {endpoints.map((e) => (
            <li key={e.name}>
              <span className="font-medium text-zinc-900">{e.name}</span> <span className="font-mono text-xs text-zinc-500">{e.model}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-500">No endpoint yet. The local student trains and answers without one.</p>
      )}
    </Card>
  );
}
