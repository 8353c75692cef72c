"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button, type ButtonProps } from "./button";

type Props = Omit<ButtonProps, "onClick"> & {
  /** The question, naming what is about to happen ("Freeze Benchmark v3?"). */
  title: string;
  /** What follows from it, in a sentence or two. */
  consequence: ReactNode;
  /** The confirming button's label ("Freeze", "Deactivate"). */
  confirmLabel: string;
  onConfirm: () => void;
};

/**
 * A button for an action that cannot simply be taken back: it asks first, in a small dialog
 * that says what follows. Escape or Cancel closes it; the confirming button has the focus.
 */
export function ConfirmButton({ title, consequence, confirmLabel, onConfirm, variant, children, ...rest }: Props) {
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    confirmRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <Button variant={variant} {...rest} onClick={() => setOpen(true)}>
        {children}
      </Button>
      {open && (
        <div className="fixed inset-0 z-50 flex items-center justify-center bg-zinc-900/30 p-4" onClick={() => setOpen(false)}>
          <div
            role="alertdialog"
            aria-modal="true"
            aria-labelledby={titleId}
            className="w-full max-w-sm rounded-lg bg-white p-5 shadow-xl ring-1 ring-zinc-200"
            onClick={(e) => e.stopPropagation()}
            data-testid="confirm-dialog"
          >
            <h2 id={titleId} className="text-sm font-semibold text-zinc-900">
              {title}
            </h2>
            <div className="mt-2 text-sm text-zinc-600">{consequence}</div>
            <div className="mt-4 flex justify-end gap-2">
              <Button size="sm" onClick={() => setOpen(false)} data-testid="confirm-cancel">
                Cancel
              </Button>
              <Button
                ref={confirmRef}
                size="sm"
                variant={variant === "danger" ? "danger" : "primary"}
                onClick={() => {
                  setOpen(false);
                  onConfirm();
                }}
                data-testid="confirm-ok"
              >
                {confirmLabel}
              </Button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
