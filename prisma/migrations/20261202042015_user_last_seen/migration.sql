-- AlterTable
ALTER TABLE "user" ADD COLUMN     "lastSeenAt" TIMESTAMP(3);


-- Writing when a user was last seen is not a change of who may call: only the columns that
-- decide it notify the caches (lib/server/change-feed.ts).
DROP TRIGGER "user_changed" ON "user";
CREATE TRIGGER "user_changed" AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "role", "active", "email", "name" ON "user"
  FOR EACH STATEMENT EXECUTE FUNCTION proda_notify_change('auth');
