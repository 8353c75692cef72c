/**
 * Runs once when the web server starts. It stamps every request with its socket's address
 * (lib/server/auth/client-address.ts): Next.js hands route handlers no socket, and the
 * X-Forwarded-For it fills in is whatever the client sent.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerStamp } = await import("@/lib/server/auth/client-address");
  installPeerStamp();
}
