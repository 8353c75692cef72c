import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The JS (WebAssembly) schema engine through the pg adapter: the native engine cannot be
// downloaded offline. `migrate diff` needs a reachable database even though it only
// compares two schema files; scripts/new-migration.ts provides one.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/postgres" });
  },
});
