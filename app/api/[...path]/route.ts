import type { NextRequest } from "next/server";
import { DomainError } from "@/lib/domain/errors";
import type { RouteHandler } from "@/lib/server/http/define-route";
import { errorResponse } from "@/lib/server/http/errors";

/**
 * Any /api path no route answers: 404 in the API's error shape, for every method (without this,
 * Next.js answers a POST it cannot route as a failed Server Action, with a 409 page).
 */
const notFound: RouteHandler = Object.assign(
  async (req: NextRequest) => errorResponse(new DomainError("NOT_FOUND", `No API route ${req.method} ${req.nextUrl.pathname}`)),
  { auth: "public" as const },
);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
