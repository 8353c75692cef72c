import path from "node:path";
import fs from "node:fs";

/** Where local state lives (embedded Postgres data, its record, keys): PRODA_HOME or ./.proda. */
export function prodaHome(): string {
  // Not a file of the app: the bundler must not trace the whole project from here.
  const home = path.resolve(/*turbopackIgnore: true*/ process.env.PRODA_HOME ?? ".proda");
  fs.mkdirSync(home, { recursive: true });
  return home;
}
