import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { errorResponse } from "./errors";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type Spec<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> = {
  query?: Q;
  body?: B;
  params?: P;
  /** Status of a successful JSON response (201 for creations, 202 for queued jobs). */
  status?: number;
  handler: (args: { req: NextRequest; query: z.infer<Q>; body: z.infer<B>; params: z.infer<P> }) => Promise<unknown>;
};

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new DomainError(
    "BAD_INPUT",
    `Invalid ${where}: ${r.error.issues.map((i) => `${i.path.join(".") || where}: ${i.message}`).join("; ")}`,
    { fields: r.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })) },
  );
}

/**
 * A route handler in a few lines: validate query, params and JSON body with zod, call one
 * service or query, answer JSON; every error leaves in the one error shape.
 */
export function defineRoute<Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined>(
  spec: Spec<Q, B, P>,
) {
  return async (req: NextRequest, ctx: RouteContext) => {
    try {
      const query = parse(spec.query, Object.fromEntries(req.nextUrl.searchParams), "query");
      const params = parse(spec.params, await ctx.params, "path");
      let body: unknown;
      if (spec.body) {
        const raw = await req.json().catch(() => {
          throw new DomainError("BAD_INPUT", "The request body is not valid JSON");
        });
        body = parse(spec.body, raw, "body");
      }
      const result = await spec.handler({ req, query, body: body as z.infer<B>, params });
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? null, { status: spec.status ?? 200 });
    } catch (e) {
      return errorResponse(e);
    }
  };
}
