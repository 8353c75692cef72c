"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage, isApiError } from "@/lib/client/api";
import { useDecidePatch, usePatch, useSavePatch, type PatchDetail } from "@/lib/client/debugger";
import { useCan } from "@/lib/client/session";
import { patchContentSchema, type PatchContent } from "@/lib/domain/debugger";
import { DIAGNOSIS_LABEL, FORM_LABEL, PATCH_TONE } from "./labels";
import { PatchDiscussion } from "./patch-discussion";
import { PatchDiff, PatchJsonEditor, type EditorProblem } from "./patch-json-editor";

/** Pretty JSON in the schema's key order, so two versions diff by what changed, not by how the database ordered keys. */
const pretty = (c: PatchContent) => JSON.stringify(patchContentSchema.safeParse(c).data ?? c, null, 2);

/** The patch review page: the patch in Monaco, its diff against what was generated, the gate's verdict, approve or reject. */
export function PatchReview({ id }: { id: string }) {
  const { data, error } = usePatch(id);
  if (error) return <ErrorAlert className="m-6">{errorMessage(error)}</ErrorAlert>;
  if (!data) return <SkeletonRows rows={8} className="p-6" />;
  return <PatchReviewBody key={`${data.id}:${data.version}`} patch={data} />;
}

type Conflict = { version: number; content: PatchContent };

function PatchReviewBody({ patch }: { patch: PatchDetail }) {
  const router = useRouter();
  const canEdit = useCan("patches:edit") && patch.status !== "APPLIED";
  const canDecide = useCan("patches:approve") && patch.status !== "APPLIED";
  const save = useSavePatch();
  const decide = useDecidePatch();
  const [text, setText] = useState(pretty(patch.content));
  const [base, setBase] = useState(patch.version);
  const [problems, setProblems] = useState<EditorProblem[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [view, setView] = useState<"generated" | "none">("generated");

  const parsed = (() => {
    try {
      return patchContentSchema.safeParse(JSON.parse(text));
    } catch (e) {
      return { success: false as const, error: { issues: [{ path: [], message: `not JSON: ${(e as Error).message}` }] } };
    }
  })();
  const invalid = !parsed.success ? parsed.error.issues.map((i) => `${i.path.join(".") || "content"}: ${i.message}`) : [];
  const dirty = text !== pretty(patch.content);
  const blocked = problems.length || invalid.length ? "Fix the problems in the editor first" : dirty ? "Save your edit first (Ctrl+S)" : !patch.gatePassed ? "The gate refuses this patch: edit it until it passes" : null;

  const onSave = () => {
    if (!canEdit || !parsed.success || !dirty) return;
    save.mutate(
      { id: patch.id, version: base, content: parsed.data },
      {
        onError: (e) => {
          const latest = isApiError(e) && e.status === 409 ? (e.details as { latest?: { version: number; content: PatchContent } } | undefined)?.latest : undefined;
          if (latest) setConflict({ version: latest.version, content: latest.content });
        },
      },
    );
  };
  const onDecide = (decision: "approve" | "reject") => {
    if (!canDecide || (decision === "approve" && blocked)) return;
    decide.mutate({ id: patch.id, decision, version: patch.version }, { onSuccess: () => patch.nextId && router.push(`/debugger/patches/${patch.nextId}`) });
  };

  return (
    <div className="grid items-start gap-6 p-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="min-w-0 space-y-6 xl:col-span-2">
        <Card
          title={
            <span className="flex items-center gap-2">
              Patch: {FORM_LABEL[patch.form] ?? patch.form} of a {patch.targetKind}
              <Badge tone={PATCH_TONE[patch.status]} data-testid="patch-status">{patch.status.toLowerCase()}</Badge>
              {patch.gatePassed ? <Badge tone="green">gate passed</Badge> : <Badge tone="red" data-testid="patch-gate-failed">gate refuses it</Badge>}
            </span>
          }
          description={`Version ${patch.version} · for ${patch.targetKind === "relation" ? "the relation" : "the concept"} “${patch.target}” · ${authorLabel(patch.author)}`}
          actions={
            patch.nextId ? (
              <Link href={`/debugger/patches/${patch.nextId}`} className="text-xs font-medium text-accent-700 hover:underline" data-testid="patch-next">
                Next patch to review →
              </Link>
            ) : null
          }
          data-testid="patch-header"
          data-patch={patch.id}
          data-status={patch.status}
        >
          <p className="text-sm text-zinc-700">
            Answers {patch.traces.length} failure{patch.traces.length === 1 ? "" : "s"}:{" "}
            {patch.traces.map((t, i) => (
              <span key={t.id}>
                {i > 0 && ", "}
                <Link href={`/debugger/traces/${t.id}`} className="text-accent-700 hover:underline">
                  item #{(t.itemPosition ?? 0) + 1}
                </Link>{" "}
                ({DIAGNOSIS_LABEL[t.diagnosis]}
                {t.step !== null ? ` at step ${t.step + 1}` : ""})
              </span>
            ))}
            .
          </p>
          {!patch.gatePassed && (
            <ul className="mt-2 space-y-1 text-xs text-red-800" data-testid="patch-violations">
              {patch.violations.map((v, i) => (
                <li key={i} className="rounded bg-red-50 px-2 py-1">
                  {v.kind}: shares “{v.shared}” with a frozen benchmark item
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card title="The training instance" description={canEdit ? "JSON, checked against the patch schema as you type · Ctrl+S saves · Ctrl+Enter approves" : "Read only"} data-testid="patch-edit-card">
        {canEdit ? (
          <PatchJsonEditor value={text} onChange={setText} onProblems={setProblems} onSave={onSave} onApprove={() => onDecide("approve")} />
        ) : (
          <pre className="max-h-80 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs">{text}</pre>
        )}
        {(problems.length > 0 || invalid.length > 0) && (
          <ul className="mt-2 space-y-1 text-xs text-red-800" data-testid="patch-problems">
            {problems.map((p, i) => (
              <li key={`m${i}`}>
                Line {p.line}: {p.message}
              </li>
            ))}
            {problems.length === 0 && invalid.map((m, i) => <li key={`z${i}`}>{m}</li>)}
          </ul>
        )}
        {save.error && !conflict && <ErrorAlert className="mt-2">{errorMessage(save.error)}</ErrorAlert>}
        {decide.error && <ErrorAlert className="mt-2">{errorMessage(decide.error)}</ErrorAlert>}
        {conflict && (
          <div className="mt-3 space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200" data-testid="patch-conflict">
            <p className="text-sm text-amber-900">Someone saved version {conflict.version} while you were editing. Theirs is on the left, yours on the right.</p>
            <PatchDiff original={pretty(conflict.content)} modified={text} labels={[`Version ${conflict.version} (saved)`, "Your edit (not saved)"]} />
            <div className="flex gap-2">
              <Button size="sm" onClick={() => { setText(pretty(conflict.content)); setBase(conflict.version); setConflict(null); }} data-testid="patch-take-latest">
                Take theirs
              </Button>
              <Button size="sm" onClick={() => { setBase(conflict.version); setConflict(null); }} data-testid="patch-keep-mine">
                Keep mine, then save again
              </Button>
            </div>
          </div>
        )}
        <div className="mt-3 flex flex-wrap items-center justify-end gap-2">
          {canEdit && (
            <Button onClick={onSave} disabled={!dirty || !parsed.success} loading={save.isPending} data-testid="patch-save">
              Save
            </Button>
          )}
          {canDecide && (
            <>
              <Button variant="danger" onClick={() => onDecide("reject")} loading={decide.isPending && decide.variables?.decision === "reject"} data-testid="patch-reject">
                Reject
              </Button>
              <span title={blocked ?? undefined}>
                <Button variant="primary" onClick={() => onDecide("approve")} disabled={!!blocked} loading={decide.isPending && decide.variables?.decision === "approve"} data-testid="patch-approve">
                  Approve
                </Button>
              </span>
            </>
          )}
        </div>
        {canDecide && blocked && <p className="mt-1 text-right text-xs text-zinc-500" data-testid="patch-blocked">{blocked}</p>}
      </Card>

      <div className="min-w-0 space-y-6">
      <Card
        title="Against what was generated"
        description="The Debugger's version on the left, this one on the right"
        actions={
          <Button size="sm" variant="ghost" onClick={() => setView(view === "generated" ? "none" : "generated")}>
            {view === "generated" ? "Hide" : "Show"}
          </Button>
        }
      >
        {view === "generated" ? <PatchDiff original={pretty(patch.generated)} modified={text} labels={["Generated", "Now"]} /> : <p className="text-sm text-zinc-500">Hidden.</p>}
      </Card>
      <PatchDiscussion patch={patch} />
      </div>
    </div>
  );
}

/** Who wrote the generated version: the offline templates, or an LLM endpoint by name. */
const authorLabel = (author: string) => (author.startsWith("llm:") ? `written by the LLM endpoint ${author.slice(4)}` : "written from templates (offline)");
