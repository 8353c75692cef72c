import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DomainError } from "@/lib/domain/errors";
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
