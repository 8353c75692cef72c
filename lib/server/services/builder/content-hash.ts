import { createHash } from "node:crypto";

/** The identity of an instance's text: case and spacing do not make a new instance. */
export function contentHash(prompt: string, completion: string): string {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
  return createHash("sha256").update(`${norm(prompt)}\n${norm(completion)}`).digest("hex");
}
