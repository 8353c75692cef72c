import { BlockList, isIP } from "node:net";

/**
 * The studio's public address when PRODA_URL is set: the one origin (scheme, host, port) that
 * cookie-authenticated changes may come from. Unset: the address the request was sent to.
 */
export function publicOrigin(env: NodeJS.ProcessEnv = process.env): string | null {
  const raw = env.PRODA_URL?.trim();
  if (!raw) return null;
  try {
    return new URL(raw).origin;
  } catch {
    throw new Error(`PRODA_URL is not a URL: ${raw}`);
  }
}

let parsed: { raw: string; list: BlockList } | null = null;

/**
 * The reverse proxies whose X-Forwarded-For, -Host and -Proto headers are believed:
 * PRODA_TRUSTED_PROXIES, addresses or CIDR ranges separated by commas or spaces
 * ("127.0.0.1, 10.0.0.0/8, ::1"). Unset (the default) trusts none: the socket's peer is the client.
 */
export function trustedProxies(env: NodeJS.ProcessEnv = process.env): BlockList {
  const raw = env.PRODA_TRUSTED_PROXIES?.trim() ?? "";
  if (parsed?.raw === raw) return parsed.list;
  const list = new BlockList();
  for (const entry of raw.split(/[\s,]+/).filter(Boolean)) {
    const [address, bits, extra] = entry.split("/");
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`PRODA_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
  }
  parsed = { raw, list };
  return list;
}

/** An IPv4 address as a dual-stack socket reports it (::ffff:1.2.3.4) is the IPv4 address. */
export function normaliseAddress(address: string): string | null {
  const a = address.trim().replace(/^\[|\]$/g, "");
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  const out = v4 ? v4[1] : a;
  return isIP(out) ? out : null;
}

export function isTrustedProxy(address: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const a = normaliseAddress(address);
  return !!a && trustedProxies(env).check(a, isIP(a) === 6 ? "ipv6" : "ipv4");
}
