// Preloaded into the studio's web server and worker (`node --require`): when the supervisor that
// started them dies, even by SIGKILL, they exit too instead of holding the port as orphans.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    console.error("[proda] the supervisor is gone: exiting");
    process.exit(1);
  }
}, 1000).unref();
