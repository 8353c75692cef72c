/** Search param that scopes every studio page to one discipline (its slug). */
export const DISCIPLINE_PARAM = "discipline";

// Params that point at something inside one discipline lose their meaning when it changes.
const DISCIPLINE_SCOPED = ["doc", "focus", "select"];

type Params = URLSearchParams | { toString(): string };

/** `pathname?query` with some params set (a string) or removed (null), the rest kept. */
export function hrefWith(pathname: string, current: Params, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(current.toString());
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") next.delete(key);
    else next.set(key, value);
  }
  const qs = next.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

export function hrefWithDiscipline(pathname: string, current: Params, slug: string | null): string {
  const changes: Record<string, string | null> = { [DISCIPLINE_PARAM]: slug };
  for (const key of DISCIPLINE_SCOPED) changes[key] = null;
  return hrefWith(pathname, current, changes);
}

/** A nav link carries only the discipline; page-specific params stay behind. */
export const navHref = (path: string, discipline: string | null) =>
  discipline ? `${path}${path.includes("?") ? "&" : "?"}${DISCIPLINE_PARAM}=${encodeURIComponent(discipline)}` : path;

/** The Jobs page with one run open, keeping the discipline scope. */
export const jobHref = (runId: string, discipline: string | null) =>
  `${navHref("/jobs", discipline)}${discipline ? "&" : "?"}run=${encodeURIComponent(runId)}`;

/** Set by proxy.ts on page requests: the path and query asked for, read by the studio layout. */
export const REQUESTED_PATH_HEADER = "x-proda-requested-path";

/**
 * A path of this studio to go to after signing in, or null: only "/..." paths, never another
 * origin ("//host", "/\\host", a scheme) nor the sign-in pages themselves.
 */
export function safeNextPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (/[\u0000-\u001f]/.test(value)) return null;
  try {
    const url = new URL(value, "http://studio.invalid");
    if (url.origin !== "http://studio.invalid") return null;
    if (/^\/(sign-in|setup|invite)(\/|$)/.test(url.pathname)) return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}

/** What the graph opens on: a concept, relation or chain to select, and the concept or chain to focus. */
export type GraphTarget = { kind: "concept" | "relation" | "chain"; id: string; focus: string };

/** The graph view of a discipline with one item focused and selected in the inspector. */
export const graphHref = (discipline: string, t: GraphTarget) =>
  `/knowledge?${new URLSearchParams({ [DISCIPLINE_PARAM]: discipline, view: "graph", focus: t.focus, select: `${t.kind}:${t.id}` })}`;

/** The target of a graph link, read back from its search params (null when absent or malformed). */
export function graphTarget(params: URLSearchParams): GraphTarget | null {
  const focus = params.get("focus");
  const m = /^(concept|relation|chain):(.+)$/.exec(params.get("select") ?? "");
  return focus && m ? { kind: m[1] as GraphTarget["kind"], id: m[2], focus } : null;
}
