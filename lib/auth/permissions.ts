import type { Role } from "./roles";

/**
 * THE permission table: every action a route or page can take, and the roles allowed to.
 * Route handlers name one action each (defineRoute's `auth`); the UI asks `can()` to hide or
 * disable what a role cannot do. An action missing here cannot be used by a route.
 */
export const PERMISSIONS = {
  // Reading is open to every signed-in role.
  "workspace:read": ["ADMIN", "LEAD", "EXPERT", "ANNOTATOR", "VIEWER"],
  // One's own account and API tokens.
  "account:manage-own": ["ADMIN", "LEAD", "EXPERT", "ANNOTATOR", "VIEWER"],
  // Corpus and knowledge belong to domain experts.
  "corpus:import": ["ADMIN", "EXPERT"],
  "knowledge:edit": ["ADMIN", "EXPERT"],
  "knowledge:approve": ["ADMIN", "EXPERT"],
  // Failure traces and patches belong to annotators.
  "traces:review": ["ADMIN", "ANNOTATOR"],
  "patches:edit": ["ADMIN", "ANNOTATOR"],
  "patches:approve": ["ADMIN", "ANNOTATOR"],
  "benchmark:review": ["ADMIN", "ANNOTATOR", "LEAD"],
  // The Tester and the Builder run from the curated structure.
  "benchmark:build": ["ADMIN", "LEAD", "EXPERT"],
  "training-sets:build": ["ADMIN", "LEAD", "EXPERT"],
  "training-sets:check": ["ADMIN", "LEAD", "EXPERT", "ANNOTATOR"],
  // What ships is decided by leads: freezing the tests, approving the data.
  "benchmark:freeze": ["ADMIN", "LEAD"],
  "training-sets:approve": ["ADMIN", "LEAD"],
  "fine-tunes:launch": ["ADMIN", "LEAD"],
  "models:register": ["ADMIN", "LEAD"],
  "evaluations:launch": ["ADMIN", "LEAD"],
  // The whole loop acts for the lead at each step (it approves sets that pass the gates, trains, evaluates).
  "loop:run": ["ADMIN", "LEAD"],
  // External benchmark scores the dashboards correlate with: entered, imported and deleted by leads.
  "external-scores:edit": ["ADMIN", "LEAD"],
  // Whoever starts jobs may cancel and retry them.
  "jobs:control": ["ADMIN", "LEAD", "EXPERT", "ANNOTATOR"],
  // Administration.
  "users:manage": ["ADMIN"],
  "endpoints:manage": ["ADMIN"],
  "settings:manage": ["ADMIN"],
  "audit:read": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function can(role: Role | null | undefined, action: Action): boolean {
  return !!role && (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/** Who may call a route: nobody signed in needed ("public"), or one action of the table. */
export type RouteAuth = "public" | Action;
