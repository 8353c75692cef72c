"use client";

import { useState, type FormEvent } from "react";
import { TextField } from "@/components/auth/text-field";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage, fieldErrors } from "@/lib/client/api";
import { useChangePassword } from "@/lib/client/account";

export function PasswordCard() {
  const change = useChangePassword();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const errors = fieldErrors(change.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    change.mutate({ currentPassword: current, newPassword: next }, { onSuccess: () => (setCurrent(""), setNext("")) });
  }
  return (
    <Card title="Password" description="Changing it signs you out everywhere else">
      <form onSubmit={submit} className="space-y-3" data-testid="password-form" noValidate>
        <TextField label="Current password" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} error={errors.currentPassword} />
        <TextField label="New password" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} error={errors.newPassword} hint="10+ characters" />
        {change.error && !Object.keys(errors).length && <ErrorAlert>{errorMessage(change.error)}</ErrorAlert>}
        {change.isSuccess && (
          <p role="status" className="text-sm text-emerald-700">
            Password changed.
          </p>
        )}
        <div className="flex justify-end">
          <Button type="submit" variant="primary" loading={change.isPending}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}
