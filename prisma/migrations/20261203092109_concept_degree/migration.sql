-- CreateTable
CREATE TABLE "ConceptDegree" (
    "conceptId" TEXT NOT NULL,
    "disciplineId" TEXT NOT NULL,
    "degree" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConceptDegree_pkey" PRIMARY KEY ("conceptId")
);

-- CreateIndex
CREATE INDEX "ConceptDegree_disciplineId_degree_conceptId_idx" ON "ConceptDegree"("disciplineId", "degree" DESC, "conceptId");

-- CreateIndex
CREATE INDEX "ConceptDegree_degree_conceptId_idx" ON "ConceptDegree"("degree" DESC, "conceptId");

-- AddForeignKey
ALTER TABLE "ConceptDegree" ADD CONSTRAINT "ConceptDegree_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Each concept's relation ends, counted once now and then kept by the triggers below.
INSERT INTO "ConceptDegree" ("conceptId", "disciplineId", "degree")
SELECT c.id, c."disciplineId", e.n FROM "Concept" c
JOIN (SELECT id, count(*)::int AS n FROM (SELECT "subjectId" AS id FROM "Relation" UNION ALL SELECT "objectId" FROM "Relation") x GROUP BY id) e ON e.id = c.id;
-- Statistics now, so the overview's first plans read the index in order instead of sorting.
ANALYZE "ConceptDegree";

-- Adds each concept's change of degree, in concept id order, so two statements touching the same
-- concepts wait for each other instead of deadlocking.
CREATE FUNCTION proda_add_degrees(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ConceptDegree" ("conceptId", "disciplineId", "degree")
  SELECT c.id, c."disciplineId", d.value::int FROM jsonb_each_text(deltas) d JOIN "Concept" c ON c.id = d.key ORDER BY c.id
  ON CONFLICT ("conceptId") DO UPDATE SET "degree" = "ConceptDegree"."degree" + EXCLUDED."degree";
$$;

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
BEGIN
  PERFORM proda_add_degrees((SELECT coalesce(jsonb_object_agg(id, n), '{}') FROM (
    SELECT id, sum(n) AS n FROM (VALUES (OLD."subjectId", -1), (OLD."objectId", -1), (NEW."subjectId", 1), (NEW."objectId", 1)) e(id, n)
    GROUP BY id HAVING sum(n) <> 0) d));
  RETURN NULL;
END $$;
CREATE FUNCTION proda_relations_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ConceptDegree";
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
