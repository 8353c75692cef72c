// For tests only: route handlers behind a real HTTP server, to measure what a streamed body costs.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/server/db";
import { createAccount } from "@/lib/server/services/auth/accounts";
import { createToken } from "@/lib/server/services/auth/api-tokens";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import type { RouteHandler } from "./define-route";

export type RouteServer = { url: string; close(): Promise<void> };

/**
 * Serves `routes` ("POST /api/corpus/imports" → handler) on 127.0.0.1 the way Next.js hands a
 * request to a route handler: the body is the socket's stream, read only as far as the handler
 * reads it.
 */
export async function serveRoutes(routes: Record<string, RouteHandler>): Promise<RouteServer> {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
      const handler = routes[`${req.method} ${url.pathname}`];
      if (!handler) return void res.writeHead(404).end();
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) for (const value of [v ?? []].flat()) headers.append(k, value);
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const init = { method: req.method, headers, body: hasBody ? req : undefined, duplex: "half" };
      const response = await handler(new NextRequest(url, init as unknown as ConstructorParameters<typeof NextRequest>[1]), { params: Promise.resolve({}) });
      // Header by header, as Next.js sets them (the web server's preloads see each one).
      for (const [name, value] of response.headers) res.setHeader(name, value);
      res.writeHead(response.status);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Samples this process's resident memory while `run` runs: the highest figure seen, in bytes. */
export async function peakRss<T>(run: () => Promise<T>): Promise<{ result: T; idle: number; peak: number }> {
  const idle = process.memoryUsage().rss;
  let peak = idle;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await run();
    return { result, idle, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

/** A user of `role` and the `Authorization` header of an API token of theirs. */
export async function bearerFor(db: Db, role: Role): Promise<{ authorization: string }> {
  const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.test`;
  const user = await db.$transaction((tx) => createAccount(tx, { email, name: role, password: "correct horse battery", role }));
  const principal = { userId: user.id, email: user.email, name: user.name, role, via: "token" as const };
  return { authorization: `Bearer ${(await createToken(db, principal, { name: "test" }, null)).token}` };
}

/** For a test file: the default disciplines, `routes` served for its tests, and a token of `role`. */
export function useRouteServer(db: () => Db, routes: Record<string, RouteHandler>, role: Role = "EXPERT") {
  let server: RouteServer | undefined;
  let auth: { authorization: string } | undefined;
  beforeAll(async () => {
    await ensureDefaultDisciplines(db());
    auth = await bearerFor(db(), role);
    server = await serveRoutes(routes);
  });
  afterAll(() => server?.close());
  return { url: (path: string) => `${server!.url}${path}`, auth: () => auth! };
}
