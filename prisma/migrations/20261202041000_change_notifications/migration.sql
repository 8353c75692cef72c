-- Change notifications for the web server's read-through caches (lib/server/change-feed.ts).
-- Statement-level: a bulk write of thousands of rows sends one notification, at commit, and
-- only when it commits; Postgres folds repeats within a transaction into one.

CREATE OR REPLACE FUNCTION proda_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('proda_changes', TG_ARGV[0]);
  RETURN NULL;
END $$;

CREATE TRIGGER "Discipline_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Discipline"
  FOR EACH STATEMENT EXECUTE FUNCTION proda_notify_change('knowledge');
CREATE TRIGGER "Concept_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Concept"
  FOR EACH STATEMENT EXECUTE FUNCTION proda_notify_change('knowledge');
CREATE TRIGGER "Relation_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Relation"
  FOR EACH STATEMENT EXECUTE FUNCTION proda_notify_change('knowledge');
CREATE TRIGGER "Chain_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Chain"
  FOR EACH STATEMENT EXECUTE FUNCTION proda_notify_change('knowledge');
CREATE TRIGGER "ChainStep_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ChainStep"
  FOR EACH STATEMENT EXECUTE FUNCTION proda_notify_change('knowledge');

-- Who may call: accounts (role, active) and API tokens (issued, revoked, deleted). Writing a
-- token's last use is not a change of who may call.
CREATE TRIGGER "user_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "user"
  FOR EACH STATEMENT EXECUTE FUNCTION proda_notify_change('auth');
CREATE TRIGGER "ApiToken_changed" AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "revokedAt", "userId", "hash" ON "ApiToken"
  FOR EACH STATEMENT EXECUTE FUNCTION proda_notify_change('auth');
