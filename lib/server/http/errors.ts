import { NextResponse } from "next/server";
import { isDomainError } from "@/lib/domain/errors";

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** The one mapping from errors to HTTP: domain errors keep their code and status; the rest is a logged 500. */
export function errorResponse(e: unknown): NextResponse<ErrorBody> {
  if (isDomainError(e)) {
    return NextResponse.json({ error: { code: e.code, message: e.message, details: e.details } }, { status: e.status });
  }
  const prismaCode = (e as { code?: string })?.code;
  if (prismaCode === "P2025") {
    return NextResponse.json({ error: { code: "NOT_FOUND", message: "Not found" } }, { status: 404 });
  }
  console.error("[api] unexpected error", e);
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong on the server; it was logged." } }, { status: 500 });
}
