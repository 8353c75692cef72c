import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PATH_HEADER } from "@/lib/client/url";

const dev = process.env.NODE_ENV !== "production";

/**
 * A page's Content Security Policy. Scripts run only with this response's nonce (Next.js puts it
 * on every script it renders); 'strict-dynamic' extends the trust to the chunks they load.
 * Styles keep 'unsafe-inline': React Flow and Tailwind set style attributes, which no nonce can
 * cover. Workers come from this origin or blob: URLs; nothing else is allowed.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // Development only: React rebuilds server error stacks with eval, and HMR talks over ws:.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce per page: on the request, where Next.js reads it while rendering, and on the response. */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  // The page asked for, so a sign-in can return to it (the studio layout sees no URL of its own).
  headers.set(REQUESTED_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API answers and static files get next.config.ts's headers.
      source: "/((?!api/|_next/static|_next/image|favicon\\.svg).*)",
      // Prefetches render no document, so they need no nonce.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
