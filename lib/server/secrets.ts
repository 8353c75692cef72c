import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DomainError } from "@/lib/domain/errors";
import { db, type Db } from "./db";
import { prodaHome } from "./proda-home";

const KEY_FILE = "secret.key";
const VERSION = "v1";
let cached: Buffer | null = null;

/**
 * The workspace master key: from PRODA_SECRET (any string, hashed to 32 bytes) or else a random
 * key generated once into PRODA_HOME/secret.key (mode 0600). Every other key derives from it.
 */
export function masterKey(): Buffer {
  if (cached) return cached;
  if (process.env.PRODA_SECRET) {
    cached = createHash("sha256").update(process.env.PRODA_SECRET).digest();
    return cached;
  }
  const file = path.join(prodaHome(), KEY_FILE);
  try {
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== 32) throw new Error(`${file} is not a 32-byte base64 key`);
  cached = key;
  return key;
}

/** A key for one purpose (HKDF), so the cookie-signing secret never doubles as the encryption key. */
export function derivedKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey(), Buffer.alloc(0), `proda:${purpose}`, 32));
}

/** Encrypts a secret for storage (AES-256-GCM): `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("secrets"), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined) throw new DomainError("BAD_INPUT", "Not an encrypted secret");
  try {
    const decipher = createDecipheriv("aes-256-gcm", derivedKey("secrets"), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DomainError("BAD_INPUT", "The secret cannot be decrypted: it was altered or encrypted with another key (PRODA_SECRET or PRODA_HOME/secret.key changed)");
  }
}

/** What the browser may see of a stored secret: whether there is one, never its value. */
export const secretHint = (stored: string | null | undefined) => (stored ? { set: true as const } : { set: false as const });

/** For tests: forget the cached key after PRODA_SECRET or PRODA_HOME changed. */
export function resetSecretCache() {
  cached = null;
}

const REDACTED = "[redacted]";
// Shorter values would scrub ordinary words; no real key is this short.
const MIN_SECRET_LENGTH = 8;

/**
 * Replaces every occurrence of each secret in `text` (as written, JSON-escaped or URL-encoded,
 * the ways an endpoint's error body echoes a header) with "[redacted]". Scrubbing by value
 * catches a key wherever it turns up, whatever the message around it looks like.
 */
export function scrubSecrets(text: string, secrets: Iterable<string | null | undefined>): string {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s || s.length < MIN_SECRET_LENGTH) continue;
    forms.add(s).add(JSON.stringify(s).slice(1, -1)).add(encodeURIComponent(s));
  }
  let out = text;
  // Longest first, so a secret that contains another is scrubbed whole.
  for (const f of [...forms].sort((a, b) => b.length - a.length)) out = out.split(f).join(REDACTED);
  return out;
}

// Environment variables whose values are secrets by name.
const SECRET_ENV = /(^|_)(API_?KEY|SECRET|TOKEN|PASSWORD)$/i;

/** The secrets the environment holds: PRODA_LLM_API_KEY, PRODA_SECRET, any *_API_KEY, *_TOKEN…, and DATABASE_URL's password. */
export function envSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  const out = Object.entries(env).filter(([k, v]) => v && SECRET_ENV.test(k)).map(([, v]) => v!);
  try {
    const password = env.DATABASE_URL ? decodeURIComponent(new URL(env.DATABASE_URL).password) : "";
    if (password) out.push(password);
  } catch {
    /* not a URL: nothing to take from it */
  }
  return out;
}

/** Every secret the studio knows: the stored endpoint keys (decrypted) and the environment's. */
export async function knownSecrets(client: Pick<Db, "endpoint"> = db()): Promise<string[]> {
  const rows = await client.endpoint.findMany({ where: { apiKeyEnc: { not: null } }, select: { apiKeyEnc: true } });
  const stored = rows.flatMap((r) => {
    try {
      return [decryptSecret(r.apiKeyEnc!)];
    } catch {
      return []; // encrypted with another master key: it cannot leak from here either
    }
  });
  return [...stored, ...envSecrets()];
}

/**
 * `text` with every known secret scrubbed, for whatever an endpoint's answer turns into a
 * message that is stored or sent (a job's error and log lines, "Test connection").
 */
export async function scrubKnownSecrets(text: string, client?: Pick<Db, "endpoint">): Promise<string> {
  return scrubSecrets(text, await knownSecrets(client));
}
