import path from "node:path";
import fs from "node:fs";

/** Where local state lives (embedded Postgres data, its record, keys): PRODA_HOME or ./.proda. */
export function prodaHome(): string {
  const home = path.resolve(process.env.PRODA_HOME ?? ".proda");
  fs.mkdirSync(home, { recursive: true });
  return home;
}
