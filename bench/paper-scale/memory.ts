/**
 * Peak memory of processes from /proc (Linux): VmHWM, the resident set's high-water mark, of a
 * process and every process below it (a studio's web server and worker, an embedded Postgres's
 * postmaster and its backends).
 */
import fs from "node:fs";

export type ProcessMemory = { pid: number; name: string; vmhwmMiB: number; vmrssMiB: number };

const read = (file: string) => {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null; // gone meanwhile
  }
};

/** The pid and every descendant's, from each process's parent in /proc/<pid>/stat. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(rootPid);
  return out;
}

export function peakMemory(pids: number[]): ProcessMemory[] {
  return pids.flatMap((pid) => {
    const status = read(`/proc/${pid}/status`);
    const cmdline = read(`/proc/${pid}/cmdline`);
    if (!status || cmdline === null) return [];
    const kib = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0);
    const name = cmdline.split("\0").filter(Boolean).map((a) => a.split("/").pop()).join(" ").slice(0, 80) || `[${pid}]`;
    return [{ pid, name, vmhwmMiB: kib("VmHWM") / 1024, vmrssMiB: kib("VmRSS") / 1024 }];
  });
}

/** The processes of a tree, largest peak first, as lines for a report. */
export function memoryReport(rootPid: number): string[] {
  return peakMemory(processTree(rootPid))
    .sort((a, b) => b.vmhwmMiB - a.vmhwmMiB)
    .map((p) => `${String(p.pid).padStart(7)}  ${p.vmhwmMiB.toFixed(0).padStart(6)} MiB peak  ${p.vmrssMiB.toFixed(0).padStart(6)} MiB now  ${p.name}`);
}

/** The embedded Postgres of a PRODA_HOME: its postmaster's pid (it runs in its own session). */
export function postmasterOf(home: string): number | null {
  const record = read(`${home}/postgres.json`);
  return record ? (JSON.parse(record) as { pid: number }).pid : null;
}

/** A Postgres tree summed up: the postmaster, the largest backend and the sum of the backends' peaks. */
export function postgresReport(home: string): string {
  const pid = postmasterOf(home);
  if (!pid) return "no embedded Postgres running";
  const [postmaster, ...rest] = peakMemory(processTree(pid));
  const peak = rest.reduce((m, p) => Math.max(m, p.vmhwmMiB), 0);
  const sum = rest.reduce((s, p) => s + p.vmhwmMiB, 0);
  return `postgres ${pid}: postmaster ${postmaster?.vmhwmMiB.toFixed(0)} MiB peak; ${rest.length} children, largest peak ${peak.toFixed(0)} MiB, peaks summed ${sum.toFixed(0)} MiB (shared buffers counted in each)`;
}

/**
 * CPU seconds (user + system) the processes have used so far, from /proc/<pid>/stat (ticks of
 * 1/100 s), with what their exited and reaped children used (a postmaster's finished backends):
 * pass a whole tree so that nothing is counted twice.
 */
export function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]); // utime, stime, cutime, cstime (fields 14 to 17)
  }
  return ticks / 100;
}
