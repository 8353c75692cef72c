-- AlterTable
ALTER TABLE "Concept" ADD COLUMN     "degree" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Concept_disciplineId_degree_id_idx" ON "Concept"("disciplineId", "degree" DESC, "id");

-- CreateIndex
CREATE INDEX "Concept_degree_id_idx" ON "Concept"("degree" DESC, "id");


-- Each concept's relation ends, counted once now and then kept by the triggers below.
UPDATE "Concept" c SET "degree" = d.n
FROM (SELECT id, count(*)::int AS n FROM (SELECT "subjectId" AS id FROM "Relation" UNION ALL SELECT "objectId" FROM "Relation") e GROUP BY id) d
WHERE c.id = d.id;

-- Adds each concept's change of degree; the rows are locked in id order first, so two statements
-- touching the same concepts wait for each other instead of deadlocking.
CREATE FUNCTION proda_add_degrees(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Concept" WHERE id IN (SELECT key FROM jsonb_each_text(deltas)) ORDER BY id FOR UPDATE;
  UPDATE "Concept" c SET "degree" = c."degree" + d.value::int FROM jsonb_each_text(deltas) d WHERE c.id = d.key;
END $$;

-- Inserted and deleted relations, a statement at a time (extraction and imports write thousands).
CREATE FUNCTION proda_relations_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proda_add_degrees((SELECT coalesce(jsonb_object_agg(id, n), '{}') FROM (
    SELECT id, count(*) AS n FROM (SELECT "subjectId" AS id FROM new_rows UNION ALL SELECT "objectId" FROM new_rows) e GROUP BY id) d));
  RETURN NULL;
END $$;
CREATE FUNCTION proda_relations_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proda_add_degrees((SELECT coalesce(jsonb_object_agg(id, -n), '{}') FROM (
    SELECT id, count(*) AS n FROM (SELECT "subjectId" AS id FROM old_rows UNION ALL SELECT "objectId" FROM old_rows) e GROUP BY id) d));
  RETURN NULL;
END $$;
-- A relation moved to other concepts (a merge re-points them): row by row, only when an end changed.
CREATE FUNCTION proda_relation_moved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE deltas jsonb := '{}';
BEGIN
  SELECT coalesce(jsonb_object_agg(id, n), '{}') INTO deltas FROM (
    SELECT id, sum(n) AS n FROM (VALUES (OLD."subjectId", -1), (OLD."objectId", -1), (NEW."subjectId", 1), (NEW."objectId", 1)) e(id, n)
    GROUP BY id HAVING sum(n) <> 0) d;
  PERFORM proda_add_degrees(deltas);
  RETURN NULL;
END $$;
CREATE FUNCTION proda_relations_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Concept" SET "degree" = 0 WHERE "degree" <> 0;
  RETURN NULL;
END $$;

CREATE TRIGGER "Relation_degree_insert" AFTER INSERT ON "Relation" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION proda_relations_inserted();
CREATE TRIGGER "Relation_degree_delete" AFTER DELETE ON "Relation" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION proda_relations_deleted();
CREATE TRIGGER "Relation_degree_update" AFTER UPDATE OF "subjectId", "objectId" ON "Relation"
  FOR EACH ROW WHEN (OLD."subjectId" IS DISTINCT FROM NEW."subjectId" OR OLD."objectId" IS DISTINCT FROM NEW."objectId")
  EXECUTE FUNCTION proda_relation_moved();
CREATE TRIGGER "Relation_degree_truncate" AFTER TRUNCATE ON "Relation"
  FOR EACH STATEMENT EXECUTE FUNCTION proda_relations_truncated();
