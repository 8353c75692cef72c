import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import type { RouteHandler } from "@/lib/server/http/define-route";

export const ORIGIN = "http://studio.test";
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export type RouteFile = { file: string; pattern: string; handlers: Partial<Record<Method, RouteHandler>> };

/** Every route handler of the app, found on disk under app/api, as Next.js serves them. */
export async function appRoutes(): Promise<RouteFile[]> {
  const apiDir = path.resolve("app/api");
  const files = (fs.readdirSync(apiDir, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => path.basename(f) === "route.ts").sort();
  const out: RouteFile[] = [];
  for (const f of files) {
    const mod = (await import(path.join(apiDir, f))) as Record<string, RouteHandler>;
    const pattern = `/api/${path.dirname(f)}`.replace(/\/\.$/, "");
    const handlers: RouteFile["handlers"] = {};
    for (const m of METHODS) if (typeof mod[m] === "function") handlers[m] = mod[m];
    out.push({ file: `app/api/${f}`, pattern, handlers });
  }
  return out;
}

export type Call = { headers?: Record<string, string>; body?: unknown; params?: Record<string, string>; query?: Record<string, string> };
export type Answer = { status: number; json: unknown; text: string; cookies: string[]; headers: Headers };

/** Calls a route handler with a real Request, as the browser (same Origin) unless headers say otherwise. */
export async function callRoute(handler: RouteHandler, method: Method, urlPath: string, call: Call = {}): Promise<Answer> {
  const url = new URL(urlPath, ORIGIN);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers({ host: url.host, origin: ORIGIN, ...(call.headers ?? {}) });
  for (const [k, v] of Object.entries(call.headers ?? {})) if (v === "") headers.delete(k);
  let body: string | undefined;
  if (call.body !== undefined && method !== "GET") {
    body = JSON.stringify(call.body);
    headers.set("content-type", "application/json");
  }
  const req = new NextRequest(url, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(call.params ?? {}) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, text, cookies: res.headers.getSetCookie(), headers: res.headers };
}

/** The Cookie header a browser would send back after these Set-Cookie headers. */
export const cookieHeader = (setCookies: string[]) =>
  setCookies
    .map((c) => c.split(";")[0])
    .filter((c) => !c.endsWith("="))
    .join("; ");
