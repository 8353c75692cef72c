import { DomainError } from "@/lib/domain/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF protection for cookie-authenticated changes: the browser names the page that sent the
 * request (Origin, or Sec-Fetch-Site), and it must be this studio. Token requests carry no
 * ambient credentials and need no check.
 */
export function assertSameOrigin(req: Request) {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (origin && origin !== "null") {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new DomainError("FORBIDDEN", "Cross-site request refused: malformed Origin header");
    }
    if (originHost === host) return;
    throw new DomainError("FORBIDDEN", `Cross-site request refused: it came from ${origin}, not from this studio`);
  }
  const site = req.headers.get("sec-fetch-site");
  if (site === "same-origin" || site === "none") return;
  throw new DomainError("FORBIDDEN", "Cross-site request refused: a change made with a session cookie must come from the studio (Origin header); scripts should use an API token");
}

/** The client's address as the proxy or the socket reports it, for the audit log and rate limits. */
export function clientIp(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;
}
