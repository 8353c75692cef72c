"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage, fetchJson, fieldErrors } from "@/lib/client/api";
import { TextField } from "./text-field";

type Field = { name: string; label: string; type?: string; autoComplete?: string; hint?: string; value?: string; readOnly?: boolean };
type Props = {
  fields: Field[];
  endpoint: string;
  submitLabel: string;
  /** extra body fields (the invitation token) */
  extra?: Record<string, string>;
  /** where to go once signed in */
  next?: string;
  testId: string;
};

/** One form for setup, sign-in and invitation: posts the fields, shows field errors, then enters the studio. */
export function CredentialsForm({ fields, endpoint, submitLabel, extra, next = "/", testId }: Props) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, f.value ?? ""])));
  const submit = useMutation({
    mutationFn: () => fetchJson(endpoint, { method: "POST", body: { ...values, ...extra } }),
    // A full navigation, so the studio layout renders with the new session cookie.
    onSuccess: () => window.location.assign(next),
  });
  const errors = fieldErrors(submit.error);
  const general = submit.error && Object.keys(errors).length === 0 ? errorMessage(submit.error) : null;
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    submit.mutate();
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid={testId} noValidate>
      {fields.map((f) => (
        <TextField
          key={f.name}
          name={f.name}
          label={f.label}
          type={f.type ?? "text"}
          autoComplete={f.autoComplete}
          hint={f.hint}
          readOnly={f.readOnly}
          value={values[f.name]}
          error={errors[f.name]}
          onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
          required
        />
      ))}
      {general && <ErrorAlert data-testid="auth-error">{general}</ErrorAlert>}
      <Button type="submit" variant="primary" loading={submit.isPending || submit.isSuccess} className="w-full justify-center">
        {submitLabel}
      </Button>
    </form>
  );
}
