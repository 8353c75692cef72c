// Applies pending migrations to DATABASE_URL or the embedded server.
import { openDatabase } from "@/lib/server/database";
import { migrate } from "@/lib/server/migrate";

const database = await openDatabase({ migrate: false });
try {
  const { applied } = await migrate(database.url);
  console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await database.release();
}
