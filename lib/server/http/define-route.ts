import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { can, type RouteAuth } from "@/lib/auth/permissions";
import { ROLE_INFO } from "@/lib/auth/roles";
import { DomainError } from "@/lib/domain/errors";
import { assertSameOrigin, clientIp } from "@/lib/server/auth/csrf";
import { resolvePrincipal, type Principal } from "@/lib/server/auth/principal";
import { changedHere, changeFeedListening, readThrough, type ChangeGroup } from "@/lib/server/change-feed";
import { db } from "@/lib/server/db";
import { readJsonBody } from "./body";
import { CachedAnswer, respondCached } from "./cached-answer";
import { errorResponse } from "./errors";
import { parseInput } from "./parse-input";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type HandlerArgs<Q, B, P, A> = {
  req: NextRequest;
  query: Q;
  body: B;
  params: P;
  /** the caller; never null unless the route is public */
  principal: A extends "public" ? Principal | null : Principal;
  ip: string | null;
};

type Spec<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType, A extends RouteAuth> = {
  /** Who may call: "public", or one action of the permission table in lib/auth/permissions.ts. */
  auth: A;
  query?: Q;
  body?: B;
  params?: P;
  /** Largest JSON body in bytes (1 MB by default), enforced while it streams in. */
  maxBodyBytes?: number;
  /** Status of a successful JSON response (201 for creations, 202 for queued jobs). */
  status?: number;
  /**
   * A read whose answer depends only on this group's tables (and the validated input, not the
   * caller): kept as JSON text until they change (lib/server/change-feed.ts), and sent gzipped to
   * clients that take it (cached-answer.ts). Marks a POST as changing nothing.
   */
  cache?: ChangeGroup;
  handler: (args: HandlerArgs<z.infer<Q>, z.infer<B>, z.infer<P>, A>) => Promise<unknown>;
};

/**
 * A route handler, carrying the rule it was defined with (the route-permission test reads it) and
 * its query schema (the malformed-input test sends each field a value the field refuses).
 */
export type RouteHandler = ((req: NextRequest, ctx: RouteContext) => Promise<Response>) & { auth: RouteAuth; query?: z.ZodType };

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.infer<T> {
  return schema ? parseInput(schema, value, where) : (undefined as z.infer<T>);
}

/** Who is calling, and may they: 401 without a principal, 403 without the permission. */
async function authorise(req: NextRequest, rule: RouteAuth): Promise<Principal | null> {
  const principal = await resolvePrincipal(db(), req.headers);
  // Cookies ride along with any request the browser sends: changes must come from the studio.
  if (principal?.via !== "token") assertSameOrigin(req);
  if (rule === "public") return principal;
  if (!principal) throw new DomainError("UNAUTHENTICATED", "Sign in, or send an API token as `Authorization: Bearer <token>`");
  if (!can(principal.role, rule)) {
    throw new DomainError("FORBIDDEN", `Your role (${ROLE_INFO[principal.role].label}) may not do this (${rule})`, { action: rule, role: principal.role });
  }
  return principal;
}

/**
 * A route handler in a few lines: check who calls against the permission table, then validate
 * query, params and JSON body with zod (a NUL character anywhere in them is a 400 naming the
 * field; the body is read within its size limit), call one service or query, answer JSON; every
 * error leaves in the one error shape.
 */
export function defineRoute<
  A extends RouteAuth,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
>(spec: Spec<Q, B, P, A>): RouteHandler {
  const handler = async (req: NextRequest, ctx: RouteContext) => {
    try {
      const principal = await authorise(req, spec.auth);
      const query = parse(spec.query, Object.fromEntries(req.nextUrl.searchParams), "query");
      const params = parse(spec.params, await ctx.params, "path");
      let body: unknown;
      if (spec.body) {
        body = parse(spec.body, await readJsonBody(req, spec.maxBodyBytes), "body");
      }
      const run = () =>
        spec.handler({
          req,
          query,
          body: body as z.infer<B>,
          params,
          principal: principal as HandlerArgs<unknown, unknown, unknown, A>["principal"],
          ip: clientIp(req.headers),
        });
      if (spec.cache) {
        const key = `${req.method} ${req.nextUrl.pathname} ${JSON.stringify([query, params, body])}`;
        const answer = await readThrough(spec.cache, key, async () => new CachedAnswer(JSON.stringify((await run()) ?? null)));
        return respondCached(answer, req, spec.status ?? 200, changeFeedListening());
      }
      const result = await run();
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? null, { status: spec.status ?? 200 });
    } catch (e) {
      return errorResponse(e);
    } finally {
      // What this server changed is never answered from its caches, even before the
      // database's notification arrives.
      if (!spec.cache && req.method !== "GET" && req.method !== "HEAD") changedHere();
    }
  };
  return Object.assign(handler, { auth: spec.auth, query: spec.query });
}

/** A JSON answer that also sets (or clears) session cookies. */
export function jsonWithCookies(body: unknown, cookies: string[], status = 200): NextResponse {
  const res = NextResponse.json(body, { status });
  for (const c of cookies) res.headers.append("set-cookie", c);
  return res;
}
