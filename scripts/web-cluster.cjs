// The studio's web server as several processes on one port (PRODA_WEB_PROCESSES > 1): a Node
// process serves requests on one core, so one web server cannot use a second. node:cluster's
// primary (this script) accepts connections and hands each to one of the servers. They share
// nothing but the database, as several web instances on several machines do (README, Scaling out).
//
//   node scripts/web-cluster.cjs <count> <next's script> start -p PORT -H HOST
const cluster = require("node:cluster");
const path = require("node:path");

const [count, script, ...args] = process.argv.slice(2);
cluster.setupPrimary({ exec: script, args, execArgv: ["--require", path.join(__dirname, "exit-with-parent.cjs")] });
for (let i = 0; i < Number(count); i++) cluster.fork();
let listening = 0;
cluster.on("listening", (worker) => console.log(`[proda] web server process ${worker.process.pid} listening (${++listening} of ${count})`));

// One server exiting stops the others and then this primary, so the supervisor sees the web
// server exit as it does with one process (and stops everything, or we were stopping anyway).
let stopping = false;
const stopAll = () => {
  stopping = true;
  for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
};
cluster.on("exit", (worker, code, signal) => {
  if (!stopping) {
    console.error(`[proda] web server process ${worker.process.pid} exited (${signal ?? code}); stopping the others`);
    process.exitCode = code || 1;
  }
  stopAll();
  if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
});
process.on("SIGTERM", stopAll);
process.on("SIGINT", stopAll);
