/**
 * Whether an error means the database could not be reached or went away mid-request (refused,
 * reset, shut down, restarting, too many connections), as pg, the Prisma driver adapter or Prisma
 * report it. Such a request may succeed when retried, so it is a 503, not a 500 bug.
 */
const SOCKET = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH"]);
// Prisma: can't reach, timed out, server closed the connection, too many connections.
const PRISMA = new Set(["P1001", "P1008", "P1017", "P2037"]);
// Driver adapter kinds behind those codes.
const KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// PostgreSQL: connection exceptions (class 08), admin/crash shutdown, cannot connect now, too many connections.
const SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
const MESSAGES = /Connection terminated|Can't reach database server|the database system is (shutting down|starting up|in recovery mode)|Server has closed the connection|Unable to start a transaction in the given time/i;

export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 5) return false;
  const x = e as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof x.code === "string" && (SOCKET.has(x.code) || PRISMA.has(x.code) || SQLSTATE.test(x.code))) return true;
  if (typeof x.kind === "string" && KINDS.has(x.kind)) return true;
  if (typeof x.originalCode === "string" && (SOCKET.has(x.originalCode) || SQLSTATE.test(x.originalCode))) return true;
  if (typeof x.message === "string" && MESSAGES.test(x.message)) return true;
  return isDatabaseUnavailable(x.cause, depth + 1) || isDatabaseUnavailable(x.meta?.driverAdapterError, depth + 1);
}
