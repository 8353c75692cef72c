"use client";

import { useId, type InputHTMLAttributes } from "react";
import { FieldLabel, Input } from "@/components/ui/field";

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string };

/** A labelled input with the server's message for it underneath. */
export function TextField({ label, error, hint, className, ...rest }: Props) {
  const id = useId();
  return (
    <div className={className}>
      <FieldLabel htmlFor={id} hint={hint}>
        {label}
      </FieldLabel>
      <Input id={id} aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} className="w-full" {...rest} />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {label} {error}
        </p>
      )}
    </div>
  );
}
