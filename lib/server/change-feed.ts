import pg from "pg";

/**
 * Read-through caches that are never stale after a commit. Triggers on the tables behind each
 * group (migration `change_notifications`) send `NOTIFY proda_changes, '<group>'` when a
 * statement changes them, from any process (web server, worker, CLI); one listening connection
 * per web server turns each notification into a new revision of the group, and a cached entry
 * is used only while its group's revision is the one it was computed under.
 *
 * While the listener is not connected (first requests, database restarting) nothing is cached
 * or served from cache: a notification missed then cannot leave an old answer behind. Only the
 * web server turns the caches on (`PRODA_READ_CACHE=on`, set by `npm start`); the worker, the
 * CLI and unit tests read the database every time.
 */
export type ChangeGroup = "knowledge" | "auth";

type Entry = { revision: number; at: number; value: unknown };
type Feed = {
  url: string;
  revision: Record<ChangeGroup, number>;
  listening: boolean;
  client: pg.Client | null;
  entries: Record<ChangeGroup, Map<string, Entry>>;
  retry: ReturnType<typeof setTimeout> | null;
};

/** Entries kept per group; the oldest go first. */
const MAX_ENTRIES = 2000;
const CHANNEL = "proda_changes";

// On globalThis: route handlers are bundled apart, but share one process and one listener.
const global = globalThis as unknown as { prodaChangeFeed?: Feed };

function feed(): Feed | null {
  const url = process.env.DATABASE_URL;
  if (!url || process.env.PRODA_READ_CACHE !== "on") return null;
  let f = global.prodaChangeFeed;
  if (f && f.url === url) return f;
  f = { url, revision: { knowledge: 0, auth: 0 }, listening: false, client: null, entries: { knowledge: new Map(), auth: new Map() }, retry: null };
  global.prodaChangeFeed = f;
  void listen(f, 0);
  return f;
}

async function listen(f: Feed, failures: number): Promise<void> {
  f.retry = null;
  const client = new pg.Client({ connectionString: f.url, application_name: "proda-change-feed" });
  const lost = () => {
    if (f.client !== client) return;
    forgetAll(f);
    f.listening = false;
    f.client = null;
    client.end().catch(() => {});
    // Back off while the database is away; the web server answers uncached meanwhile.
    if (global.prodaChangeFeed === f) f.retry = setTimeout(() => void listen(f, failures + 1), Math.min(30_000, 500 * 2 ** failures));
    f.retry?.unref();
  };
  client.on("error", lost);
  client.on("end", lost);
  client.on("notification", (n) => {
    if (n.payload === "knowledge" || n.payload === "auth") bump(f, n.payload);
  });
  f.client = client;
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    // Anything that changed before LISTEN took effect is covered: we start from empty caches.
    forgetAll(f);
    f.listening = true;
    failures = 0;
    (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
  } catch {
    lost();
  }
}

function bump(f: Feed, group: ChangeGroup) {
  f.revision[group]++;
  f.entries[group].clear();
}

function forgetAll(f: Feed) {
  bump(f, "knowledge");
  bump(f, "auth");
}

/**
 * The cached value for `key` in `group`, or `compute()`'s (then kept until the group changes,
 * or for `maxAgeMs`). Errors are not cached.
 */
export async function readThrough<T>(group: ChangeGroup, key: string, compute: () => Promise<T>, maxAgeMs = Infinity): Promise<T> {
  const f = feed();
  if (!f?.listening) return compute();
  const entries = f.entries[group];
  const hit = entries.get(key);
  if (hit && hit.revision === f.revision[group] && Date.now() - hit.at < maxAgeMs) return hit.value as T;
  const revision = f.revision[group];
  const value = await compute();
  // A change that arrived while computing makes this answer unsafe to keep.
  if (f.listening && f.revision[group] === revision) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { revision, at: Date.now(), value });
  }
  return value;
}

/** This process changed data: its caches are cleared now, before its notification arrives. */
export function changedHere(group?: ChangeGroup) {
  const f = global.prodaChangeFeed;
  if (!f) return;
  if (group) bump(f, group);
  else forgetAll(f);
}

/** Whether the listener is connected (the caches are in use); for tests and health. */
export function changeFeedListening(): boolean {
  return feed()?.listening ?? false;
}

/** Closes the listener (tests). */
export async function closeChangeFeed() {
  const f = global.prodaChangeFeed;
  global.prodaChangeFeed = undefined;
  if (!f) return;
  if (f.retry) clearTimeout(f.retry);
  const client = f.client;
  f.client = null;
  f.listening = false;
  await client?.end().catch(() => {});
}
