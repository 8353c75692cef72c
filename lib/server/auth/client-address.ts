import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import { isTrustedProxy, normaliseAddress } from "@/lib/server/env";

/**
 * Next.js gives route handlers no socket: it only fills X-Forwarded-For with the peer's address
 * when the client sent none, so a client can name any address it likes. The web process stamps
 * every request with its socket's peer instead (`installPeerStamp`, from instrumentation.ts),
 * in a header carrying a per-process secret, so a client cannot forge the stamp.
 */
export const PEER_HEADER = "x-proda-peer";

const STATE = Symbol.for("proda.peerStamp");
type State = { secret: string; installed: boolean };
// On globalThis: instrumentation and the route handlers are separate bundles of one process.
function state(): State {
  const g = globalThis as { [STATE]?: State };
  return (g[STATE] ??= { secret: randomBytes(18).toString("base64url"), installed: false });
}

/** The stamp for a request from `address` (the hook's, and tests' way to act as a given peer). */
export function peerStamp(address: string): string {
  return `${state().secret} ${address}`;
}

/** Stamps every request any HTTP server of this process receives with its socket's peer. */
export function installPeerStamp() {
  const s = state();
  if (s.installed) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = peerStamp(req.socket.remoteAddress ?? "");
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  s.installed = true;
}

/** The socket peer of the request, or null when the request carries no valid stamp. */
export function peerAddress(headers: Headers): string | null {
  const value = headers.get(PEER_HEADER);
  const space = value?.indexOf(" ") ?? -1;
  if (!value || space < 0) return null;
  const given = Buffer.from(value.slice(0, space));
  const secret = Buffer.from(state().secret);
  if (given.length !== secret.length || !timingSafeEqual(given, secret)) return null;
  return normaliseAddress(value.slice(space + 1));
}

/** Comma-separated values of a forwarding header, in order (the nearest proxy's last). */
const listOf = (value: string | null) => (value ?? "").split(",").map((v) => v.trim()).filter(Boolean);

/**
 * The client's address, for the audit log and sign-in throttling: the socket's peer, unless it is
 * a trusted proxy (PRODA_TRUSTED_PROXIES); then X-Forwarded-For is read from the right, past the
 * trusted proxies, and the first address they did not add is the client.
 */
export function clientIp(headers: Headers): string | null {
  const peer = peerAddress(headers);
  if (!peer || !isTrustedProxy(peer)) return peer;
  let client = peer;
  for (const hop of listOf(headers.get("x-forwarded-for")).reverse()) {
    const address = normaliseAddress(hop);
    if (!address) break;
    client = address;
    if (!isTrustedProxy(address)) break;
  }
  return client;
}

/**
 * The origin the client addressed: the Host header over plain HTTP (the studio serves no TLS
 * itself), or what a trusted proxy says in X-Forwarded-Proto and X-Forwarded-Host.
 */
export function requestOrigin(headers: Headers): string | null {
  const peer = peerAddress(headers);
  const viaProxy = !!peer && isTrustedProxy(peer);
  const proto = (viaProxy && listOf(headers.get("x-forwarded-proto")).pop()) || "http";
  const host = (viaProxy && listOf(headers.get("x-forwarded-host")).pop()) || headers.get("host");
  if (!host || !/^https?$/i.test(proto)) return null;
  try {
    return new URL(`${proto.toLowerCase()}://${host}`).origin;
  } catch {
    return null;
  }
}
