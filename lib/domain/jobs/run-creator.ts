import { z } from "zod";

export const RUN_ORIGINS = ["STUDIO", "API_TOKEN", "CLI", "SYSTEM"] as const;

/** Who started a run, as the Jobs list and detail receive it (JobRun.origin with the names behind it). */
export const runCreatorSchema = z.object({
  /** null: a run from before the creator was recorded */
  origin: z.enum(RUN_ORIGINS).nullable(),
  user: z.string().nullable(),
  token: z.string().nullable(),
});
export type RunCreator = z.infer<typeof runCreatorSchema>;

/**
 * What the Jobs page says in "Started by": who (the user's name, the local CLI, the system) and,
 * for a script, through which of the user's API tokens. A user or token deleted since is said to
 * be so rather than passed off as someone else.
 */
export function creatorParts(c: RunCreator): { who: string; via: string | null } {
  switch (c.origin) {
    case "STUDIO":
      return { who: c.user ?? "a deleted user", via: null };
    case "API_TOKEN":
      return { who: c.user ?? "a deleted user", via: c.token ? `token ${c.token}` : "a deleted token" };
    case "CLI":
      return { who: "proda CLI", via: null };
    case "SYSTEM":
      return { who: "system", via: null };
    default:
      return { who: "–", via: null };
  }
}

/** The same on one line: "Ada Admin (token nightly)". */
export function creatorLabel(c: RunCreator): string {
  const { who, via } = creatorParts(c);
  return via ? `${who} (${via})` : who;
}
