-- Full-text documents stored beside their rows (hand-written: Prisma does not model generated
-- columns, and these are never read or written through the Prisma client).
-- Before, every match was re-tokenised twice per query (the index recheck and ts_rank): about
-- 80 µs a row, 8 ms for a common word among 1,000 concepts. A stored tsvector is read, not built.

ALTER TABLE "Concept" ADD COLUMN "searchDocument" tsvector
  GENERATED ALWAYS AS (proda_concept_document("name", "aliases", "definition", "evidence")) STORED;
ALTER TABLE "Relation" ADD COLUMN "searchDocument" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "evidence")) STORED;
ALTER TABLE "Chain" ADD COLUMN "searchDocument" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce("summary", ''))) STORED;

DROP INDEX "Concept_search_idx";
DROP INDEX "Relation_search_idx";
DROP INDEX "Chain_search_idx";
CREATE INDEX "Concept_searchDocument_idx" ON "Concept" USING gin ("searchDocument");
CREATE INDEX "Relation_searchDocument_idx" ON "Relation" USING gin ("searchDocument");
CREATE INDEX "Chain_searchDocument_idx" ON "Chain" USING gin ("searchDocument");
