"use client";

import { useState, type FormEvent } from "react";
import { TextField } from "@/components/auth/text-field";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldLabel, Select } from "@/components/ui/field";
import { ROLE_INFO, ROLES, type Role } from "@/lib/auth/roles";
import { errorMessage, fieldErrors } from "@/lib/client/api";
import { useCreateUser, useInvite } from "@/lib/client/admin";

/**
 * Adds a person: by invitation (they choose their own password through a link the admin passes
 * on) or directly with a password the admin sets.
 */
export function InviteCard() {
  const invite = useInvite();
  const create = useCreateUser();
  const [mode, setMode] = useState<"invite" | "create">("invite");
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("ANNOTATOR");
  const [link, setLink] = useState<string | null>(null);
  const active = mode === "invite" ? invite : create;
  const errors = fieldErrors(active.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    setLink(null);
    if (mode === "invite") invite.mutate({ email, role }, { onSuccess: (r) => (setLink(`${window.location.origin}${r.path}`), setEmail("")) });
    else create.mutate({ email, name, password, role }, { onSuccess: () => (setEmail(""), setName(""), setPassword("")) });
  }

  return (
    <Card title="Add a person" data-testid="invite-card">
      <div role="tablist" className="mb-4 inline-flex rounded-lg bg-zinc-100 p-0.5 text-xs">
        {(["invite", "create"] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            onClick={() => setMode(m)}
            className={mode === m ? "rounded-md bg-white px-3 py-1 font-medium text-zinc-900 shadow-xs" : "px-3 py-1 text-zinc-600"}
          >
            {m === "invite" ? "Invite by link" : "Create with password"}
          </button>
        ))}
      </div>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <TextField label="Email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} data-testid="invite-email" />
        {mode === "create" && (
          <>
            <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
            <TextField label="Password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} hint="10+ characters" />
          </>
        )}
        <div>
          <FieldLabel htmlFor="invite-role">Role</FieldLabel>
          <Select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)} className="w-full" data-testid="invite-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_INFO[r].label}
              </option>
            ))}
          </Select>
          <p className="mt-1 text-xs text-zinc-500">{ROLE_INFO[role].description}.</p>
        </div>
        {active.error && !Object.keys(errors).length && <ErrorAlert>{errorMessage(active.error)}</ErrorAlert>}
        <div className="flex justify-end">
          <Button type="submit" variant="primary" loading={active.isPending} data-testid="invite-submit">
            {mode === "invite" ? "Create invitation link" : "Create user"}
          </Button>
        </div>
      </form>
      {link && (
        <div className="mt-4 space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="invite-link-box">
          <p className="text-xs font-medium text-amber-900">Send this link to the person; it is shown only now and works for 7 days.</p>
          <code className="block rounded bg-white px-2 py-1.5 font-mono text-xs break-all ring-1 ring-amber-200" data-testid="invite-link">
            {link}
          </code>
          <Button size="sm" onClick={() => navigator.clipboard?.writeText(link)}>
            Copy link
          </Button>
        </div>
      )}
      {create.isSuccess && mode === "create" && (
        <p role="status" className="mt-3 text-sm text-emerald-700">
          User created. They can sign in with the password you set.
        </p>
      )}
    </Card>
  );
}
