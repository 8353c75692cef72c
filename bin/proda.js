#!/usr/bin/env node
// `npx proda ...`: runs the TypeScript CLI with tsx, resolving the project's `@/` paths.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../scripts/cli/main.ts");
