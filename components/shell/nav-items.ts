import type { Action } from "@/lib/auth/permissions";

export type StageKey = "pipeline" | "corpus" | "knowledge" | "tester" | "builder" | "models" | "evaluation" | "debugger" | "dashboards" | "jobs";
export type PageKey = StageKey | "users" | "audit" | "settings" | "account";

export type NavItem = {
  key: PageKey;
  href: string;
  label: string;
  group: "Pipeline" | "Operations" | "Admin" | "Account";
  /** Shown only to roles allowed this action. */
  permission?: Action;
  /** What the page will hold, shown while the stage is not built yet. */
  summary: string;
  /** Not built yet: the navigation marks it "soon" and the page says what it will hold. */
  coming?: true;
  /** The page shows one discipline when the header's switcher names one (`?discipline=`). */
  scoped?: true;
};

/** The studio's pages in pipeline order; the sidebar, the header title and the placeholders read this. */
export const NAV_ITEMS: NavItem[] = [
  {
    key: "pipeline",
    href: "/pipeline",
    label: "Pipeline",
    group: "Pipeline",
    summary: "The closed loop as a flow: each stage's state (up to date, stale, running, failed, waiting for review), last run and counts; run the loop, or from a stage.",
  },
  {
    key: "corpus",
    href: "/corpus",
    scoped: true,
    label: "Corpus",
    group: "Pipeline",
    summary: "Source documents of each discipline, imported, cleaned and split into chunks.",
  },
  {
    key: "knowledge",
    href: "/knowledge",
    scoped: true,
    label: "Knowledge",
    group: "Pipeline",
    summary:
      "Domain experts will review and curate the extracted L1 concepts, L2 relations and L3 reasoning chains of each discipline here, in a graph.",
  },
  {
    key: "tester",
    href: "/tester",
    scoped: true,
    label: "Tester",
    group: "Pipeline",
    summary:
      "The Tester benchmark will live here: questions derived from the knowledge structure that every fine-tuned model is measured against, per discipline.",
  },
  {
    key: "builder",
    href: "/builder",
    scoped: true,
    label: "Builder",
    group: "Pipeline",
    summary: "Builder will turn the curated knowledge into versioned training data here, ready to inspect and export for fine-tuning.",
  },
  {
    key: "models",
    href: "/models",
    label: "Models",
    group: "Pipeline",
    summary: "Model versions with their lineage, fine-tunes (GPU endpoints, your own GPUs, the local student) and the endpoints that serve them.",
  },
  {
    key: "evaluation",
    href: "/evaluation",
    label: "Evaluation",
    group: "Pipeline",
    summary: "Evaluation runs of model versions on the frozen benchmark: accuracy with its interval, per discipline, chain length and chosen distractor, and every answer.",
  },
  {
    key: "debugger",
    href: "/debugger",
    label: "Debugger",
    group: "Pipeline",
    summary: "Each failed item traced back through its chain to the missing concept or relation, and the data patches proposed for it, reviewed in an editor.",
  },
  {
    key: "dashboards",
    href: "/dashboards",
    label: "Dashboards",
    group: "Operations",
    summary: "Model versions compared on a frozen benchmark: accuracy per discipline with intervals, the paired test, the items fixed and broken with their patches, diagnostics, external benchmarks and CORE.",
  },
  {
    key: "jobs",
    href: "/jobs",
    label: "Jobs",
    group: "Operations",
    summary: "Background work of the studio: imports and other long runs, with their progress, logs and results.",
  },
];

/** Pages outside the pipeline: administration (admins only) and one's own account (user menu). */
export const OTHER_PAGES: NavItem[] = [
  { key: "users", href: "/admin/users", label: "Users", group: "Admin", permission: "users:manage", summary: "Invite, create and deactivate users; set roles." },
  { key: "settings", href: "/admin/settings", label: "Settings", group: "Admin", permission: "endpoints:manage", summary: "Model endpoints for LLM extraction." },
  { key: "audit", href: "/admin/audit", label: "Audit log", group: "Admin", permission: "audit:read", summary: "Who signed in, changed roles and created or revoked tokens." },
  { key: "account", href: "/account", label: "Account", group: "Account", summary: "Your password and API tokens." },
];

export const navItemForPath = (pathname: string | null): NavItem | undefined =>
  [...NAV_ITEMS, ...OTHER_PAGES].find((i) => pathname === i.href || pathname?.startsWith(`${i.href}/`));
