import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { assertSameOrigin } from "./csrf";
import { clientIp, installPeerStamp, PEER_HEADER, peerAddress, peerStamp } from "./client-address";

afterEach(() => {
  delete process.env.PRODA_URL;
  delete process.env.PRODA_TRUSTED_PROXIES;
});

const post = (headers: Record<string, string>) => new Request("http://ignored.test/api/users", { method: "POST", headers });
const verdict = (headers: Record<string, string>) => {
  try {
    assertSameOrigin(post(headers));
    return "allowed";
  } catch (e) {
    return (e as Error).message.startsWith("Cross-site") ? "refused" : String(e);
  }
};

describe("CSRF: a change made with a cookie must come from the studio's own origin", () => {
  it("compares scheme, host and port with the address the request was sent to", () => {
    expect(verdict({ host: "studio.test:3000", origin: "http://studio.test:3000" })).toBe("allowed");
    expect(verdict({ host: "studio.test:3000", origin: "https://studio.test:3000" })).toBe("refused");
    expect(verdict({ host: "studio.test:3000", origin: "http://studio.test:3001" })).toBe("refused");
    expect(verdict({ host: "studio.test:3000", origin: "http://evil.test:3000" })).toBe("refused");
    expect(verdict({ host: "studio.test", origin: "http://studio.test:80" })).toBe("allowed");
    expect(verdict({ host: "studio.test", origin: "not a url" })).toBe("refused");
  });

  it("ignores X-Forwarded-Host and -Proto unless a trusted proxy sent them", () => {
    const forged = { host: "studio.test", origin: "https://evil.test", "x-forwarded-host": "evil.test", "x-forwarded-proto": "https" };
    expect(verdict(forged)).toBe("refused");
    expect(verdict({ ...forged, [PEER_HEADER]: peerStamp("192.0.2.1") })).toBe("refused");
    process.env.PRODA_TRUSTED_PROXIES = "10.0.0.0/8";
    expect(verdict({ ...forged, [PEER_HEADER]: peerStamp("192.0.2.1") })).toBe("refused");
    const proxied = { host: "127.0.0.1:3000", origin: "https://studio.example", "x-forwarded-host": "studio.example", "x-forwarded-proto": "https", [PEER_HEADER]: peerStamp("10.0.0.2") };
    expect(verdict(proxied)).toBe("allowed");
    expect(verdict({ ...proxied, origin: "http://studio.example" })).toBe("refused");
  });

  it("with PRODA_URL set, accepts that origin only", () => {
    process.env.PRODA_URL = "https://studio.example/";
    expect(verdict({ host: "studio.example", origin: "https://studio.example" })).toBe("allowed");
    expect(verdict({ host: "studio.example", origin: "http://studio.example" })).toBe("refused");
    expect(verdict({ host: "localhost:3000", origin: "http://localhost:3000" })).toBe("refused");
  });

  it("falls back to Sec-Fetch-Site without an Origin, and lets reads through", () => {
    expect(verdict({ host: "studio.test", "sec-fetch-site": "same-origin" })).toBe("allowed");
    expect(verdict({ host: "studio.test", "sec-fetch-site": "cross-site" })).toBe("refused");
    expect(verdict({ host: "studio.test" })).toBe("refused");
    expect(() => assertSameOrigin(new Request("http://studio.test/api/users", { headers: { origin: "http://evil.test" } }))).not.toThrow();
  });
});

describe("the client's address", () => {
  it("is the peer the web process stamped, whatever the client sends", async () => {
    installPeerStamp();
    let seen: Headers | null = null;
    const server = http.createServer((req, res) => {
      seen = new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)]));
      res.end("ok");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: "forged 203.0.113.1", "x-forwarded-for": "203.0.113.2" } });
      expect(peerAddress(seen!)).toBe("127.0.0.1");
      expect(clientIp(seen!)).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });

  it("reads X-Forwarded-For from the right, past the trusted proxies only", () => {
    const h = (peer: string, xff?: string) => new Headers({ [PEER_HEADER]: peerStamp(peer), ...(xff ? { "x-forwarded-for": xff } : {}) });
    expect(clientIp(h("192.0.2.1", "203.0.113.9"))).toBe("192.0.2.1");
    process.env.PRODA_TRUSTED_PROXIES = "127.0.0.1 10.0.0.0/8 ::1";
    expect(clientIp(h("127.0.0.1", "203.0.113.9"))).toBe("203.0.113.9");
    // The client wrote the leftmost entry itself: only what the trusted proxies appended counts.
    expect(clientIp(h("127.0.0.1", "198.51.100.1, 203.0.113.9, 10.0.0.5"))).toBe("203.0.113.9");
    expect(clientIp(h("::1", "10.0.0.7"))).toBe("10.0.0.7");
    expect(clientIp(h("127.0.0.1"))).toBe("127.0.0.1");
    expect(clientIp(new Headers({ [PEER_HEADER]: "guess 127.0.0.1", "x-forwarded-for": "203.0.113.9" }))).toBeNull();
  });

  it("refuses a PRODA_TRUSTED_PROXIES entry that is not an address or range", () => {
    process.env.PRODA_TRUSTED_PROXIES = "10.0.0.0/8, proxy.internal";
    expect(() => clientIp(new Headers({ [PEER_HEADER]: peerStamp("10.0.0.1") }))).toThrow(/proxy\.internal/);
  });
});
