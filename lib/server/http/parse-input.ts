import type { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { assertNoNul } from "./nul-bytes";

/**
 * Validates input with its zod schema, or throws the 400 that names each failing field. Route
 * handlers (defineRoute) and the CLI both go through it, so they refuse the same input alike.
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  assertNoNul(value, where);
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new DomainError(
    "BAD_INPUT",
    `Invalid ${where}: ${r.error.issues.map((i) => `${i.path.join(".") || where}: ${i.message}`).join("; ")}`,
    { fields: r.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })) },
  );
}
