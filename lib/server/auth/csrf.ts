import { DomainError } from "@/lib/domain/errors";
import { publicOrigin } from "@/lib/server/env";
import { requestOrigin } from "./client-address";

export { clientIp } from "./client-address";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The one origin changes may come from: PRODA_URL's when set, else the one the request was sent to. */
export function studioOrigin(headers: Headers): string | null {
  return publicOrigin() ?? requestOrigin(headers);
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * CSRF protection for cookie-authenticated changes: the browser names the page that sent the
 * request (Origin, or Sec-Fetch-Site), and it must be this studio, scheme, host and port alike.
 * X-Forwarded-Host and -Proto count only from a trusted proxy. Token requests carry no ambient
 * credentials and need no check.
 */
export function assertSameOrigin(req: Request) {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  if (origin && origin !== "null") {
    const from = originOf(origin);
    if (!from) throw new DomainError("FORBIDDEN", "Cross-site request refused: malformed Origin header");
    const studio = studioOrigin(req.headers);
    if (from === studio) return;
    throw new DomainError("FORBIDDEN", `Cross-site request refused: it came from ${from}, not from this studio (${studio ?? "unknown address"}; see PRODA_URL)`);
  }
  const site = req.headers.get("sec-fetch-site");
  if (site === "same-origin" || site === "none") return;
  throw new DomainError("FORBIDDEN", "Cross-site request refused: a change made with a session cookie must come from the studio (Origin header); scripts should use an API token");
}
