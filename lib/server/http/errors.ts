import { NextResponse } from "next/server";
import { isDomainError } from "@/lib/domain/errors";
import { isDatabaseUnavailable } from "./database-unavailable";

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** The one mapping from errors to HTTP: domain errors keep their code and status; a database out of reach is a 503; the rest is a logged 500. */
export function errorResponse(e: unknown): NextResponse<ErrorBody> {
  if (isDomainError(e)) {
    const retryAfter = (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    return NextResponse.json(
      { error: { code: e.code, message: e.message, details: e.details } },
      { status: e.status, headers: retryAfter ? { "Retry-After": String(retryAfter) } : undefined },
    );
  }
  const prismaCode = (e as { code?: string })?.code;
  if (prismaCode === "P2025") {
    return NextResponse.json({ error: { code: "NOT_FOUND", message: "Not found" } }, { status: 404 });
  }
  if (isDatabaseUnavailable(e)) {
    console.error("[api] the database is unavailable:", e instanceof Error ? e.message : String(e));
    return NextResponse.json(
      { error: { code: "DATABASE_UNAVAILABLE", message: "The database cannot be reached at the moment (restarting or down); try again shortly." } },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
  // The message and stack only: a Prisma error's `meta` can echo the values of a query.
  console.error("[api] unexpected error", e instanceof Error ? (e.stack ?? e.message) : String(e));
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong on the server; it was logged." } }, { status: 500 });
}
