-- AlterTable
ALTER TABLE "Relation" ADD COLUMN     "confidence" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "BenchmarkItem" ADD COLUMN     "rejectionReason" TEXT;


-- The default vocabulary gained example_of ("is an example of" / "includes"): disciplines whose
-- vocabulary was already written get it too.
INSERT INTO "Predicate" ("id", "disciplineId", "name", "phrase", "inverse")
SELECT 'pred_example_of_' || d."disciplineId", d."disciplineId", 'example_of', 'is an example of', 'includes'
FROM (SELECT DISTINCT "disciplineId" FROM "Predicate") d
ON CONFLICT DO NOTHING;
