// The studio's web server as several processes on one port (PRODA_WEB_PROCESSES > 1): a Node
// process serves requests on one core, so one web server cannot use a second. node:cluster's
// primary (this script) accepts connections and hands each to one of the servers. They share
// nothing but the database, as several web instances on several machines do (README, Scaling out).
//
//   node scripts/web-cluster.cjs <count> <next's script> start -p PORT -H HOST
const cluster = require("node:cluster");

const [count, script, ...args] = process.argv.slice(2);
// The servers take this process's preloads (scripts/start.ts: exit-with-parent, encoded-answers).
cluster.setupPrimary({ exec: script, args, execArgv: process.execArgv });
for (let i = 0; i < Number(count); i++) cluster.fork();

// A server that crashes while serving is replaced (the others go on answering meanwhile), after a
// pause that doubles with each crash in a row. One that exits before it ever listened (the port
// taken, a broken build) would only fail again: everything stops, and the supervisor with it.
const served = new Set();
let listening = 0;
let crashes = 0;
let lastCrash = 0;
let stopping = false;
cluster.on("listening", (worker) => {
  served.add(worker.id);
  console.log(`[proda] web server process ${worker.process.pid} listening (${++listening} started, ${count} wanted)`);
});
const stopAll = () => {
  stopping = true;
  for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
};
cluster.on("exit", (worker, code, signal) => {
  const why = signal ?? code;
  if (!stopping && served.has(worker.id)) {
    crashes = Date.now() - lastCrash > 60_000 ? 1 : crashes + 1;
    lastCrash = Date.now();
    const delay = Math.min(30_000, 1000 * 2 ** (crashes - 1));
    console.error(`[proda] web server process ${worker.process.pid} exited (${why}); starting another in ${delay / 1000} s`);
    setTimeout(() => !stopping && cluster.fork(), delay);
    return;
  }
  if (!stopping) {
    console.error(`[proda] web server process ${worker.process.pid} exited (${why}) before it listened; stopping the others`);
    process.exitCode = code || 1;
  }
  stopAll();
  if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
});
process.on("SIGTERM", stopAll);
process.on("SIGINT", stopAll);
