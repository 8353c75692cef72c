import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempFolder } from "@/test/fixtures";
import { decryptSecret, encryptSecret, envSecrets, resetSecretCache, scrubSecrets, secretHint } from "./secrets";

const env = { home: process.env.PRODA_HOME, secret: process.env.PRODA_SECRET };
afterEach(() => {
  // Assigning undefined to process.env stores the string "undefined" (a folder of that name).
  if (env.home === undefined) delete process.env.PRODA_HOME;
  else process.env.PRODA_HOME = env.home;
  if (env.secret === undefined) delete process.env.PRODA_SECRET;
  else process.env.PRODA_SECRET = env.secret;
  resetSecretCache();
});

function freshHome() {
  const home = tempFolder({});
  process.env.PRODA_HOME = home;
  delete process.env.PRODA_SECRET;
  resetSecretCache();
  return home;
}

describe("secrets at rest", () => {
  it("encrypts with a key generated once into PRODA_HOME (mode 0600) and decrypts", () => {
    const home = freshHome();
    const stored = encryptSecret("sk-live-123456");
    expect(stored).not.toContain("sk-live");
    expect(encryptSecret("sk-live-123456")).not.toBe(stored); // random IV
    expect(decryptSecret(stored)).toBe("sk-live-123456");
    const keyFile = path.join(home, "secret.key");
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    resetSecretCache();
    expect(decryptSecret(stored)).toBe("sk-live-123456"); // the same key file after a restart
  });

  it("uses PRODA_SECRET when set, and refuses altered data or another key", () => {
    freshHome();
    process.env.PRODA_SECRET = "one passphrase";
    const stored = encryptSecret("token");
    const parts = stored.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."))).toThrow(/altered or encrypted with another key/);
    process.env.PRODA_SECRET = "another passphrase";
    resetSecretCache();
    expect(() => decryptSecret(stored)).toThrow(/another key/);
  });

  it("shows the browser only whether a secret is set", () => {
    expect(secretHint(encryptSecret("x"))).toEqual({ set: true });
    expect(secretHint(null)).toEqual({ set: false });
  });
});

describe("scrubbing secrets by value", () => {
  it("replaces each secret as written, JSON-escaped and URL-encoded, the longer first", () => {
    const key = 'k"ey/with+odd=chars';
    const text = `raw ${key} json ${JSON.stringify(key)} url ${encodeURIComponent(key)} long ${key}-and-more`;
    expect(scrubSecrets(text, [key, `${key}-and-more`])).toBe('raw [redacted] json "[redacted]" url [redacted] long [redacted]');
  });

  it("takes the environment's secrets by name, and DATABASE_URL's password", () => {
    const env = { PRODA_LLM_API_KEY: "llm-key-123456", GITHUB_TOKEN: "ghp_abcdefgh", PORT: "3000", DATABASE_URL: "postgresql://u:p%40ssw0rd!@h/db" } as unknown as NodeJS.ProcessEnv;
    expect(envSecrets(env).sort()).toEqual(["ghp_abcdefgh", "llm-key-123456", "p@ssw0rd!"]);
  });
});
