import { DomainError } from "@/lib/domain/errors";

const NUL = "\u0000";
const MAX_LISTED = 20;
const MESSAGE = "contains a NUL character (\\u0000), which cannot be stored";

/**
 * The paths ("name", "aliases.2") of strings, and of object keys, that hold U+0000. Postgres
 * refuses it in text and jsonb, so such input must be turned away before it reaches a query.
 */
export function nulPaths(value: unknown, path: string[] = [], out: string[] = []): string[] {
  if (out.length >= MAX_LISTED) return out;
  if (typeof value === "string") {
    if (value.includes(NUL)) out.push(path.join("."));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulPaths(v, [...path, String(i)], out));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const at = [...path, k.replaceAll(NUL, "\\u0000")];
      if (k.includes(NUL)) out.push(at.join("."));
      else nulPaths(v, at, out);
    }
  }
  return out;
}

/** 400 naming every field with a NUL character; `where` names the part (query, path, body, a form field). */
export function assertNoNul(value: unknown, where: string): void {
  const paths = nulPaths(value);
  if (!paths.length) return;
  const fields = paths.map((p) => ({ field: p || where, message: MESSAGE }));
  throw new DomainError("BAD_INPUT", `Invalid ${where}: ${fields.map((f) => `${f.field} ${MESSAGE}`).join("; ")}`, { fields });
}
