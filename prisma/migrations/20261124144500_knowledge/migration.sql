-- AlterTable
ALTER TABLE "Concept" ADD COLUMN     "aliasKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "evidence" TEXT;

-- AlterTable
ALTER TABLE "Chain" ADD COLUMN     "signature" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "Predicate" (
    "id" TEXT NOT NULL,
    "disciplineId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phrase" TEXT NOT NULL,
    "inverse" TEXT NOT NULL,

    CONSTRAINT "Predicate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChunkExtraction" (
    "chunkId" TEXT NOT NULL,
    "extractorKey" TEXT NOT NULL,
    "runId" TEXT,
    "concepts" INTEGER NOT NULL DEFAULT 0,
    "relations" INTEGER NOT NULL DEFAULT 0,
    "chains" INTEGER NOT NULL DEFAULT 0,
    "extractedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChunkExtraction_pkey" PRIMARY KEY ("chunkId","extractorKey")
);

-- CreateTable
CREATE TABLE "Endpoint" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "apiKeyEnc" TEXT,
    "concurrency" INTEGER NOT NULL DEFAULT 4,
    "timeoutMs" INTEGER NOT NULL DEFAULT 60000,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Endpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Predicate_disciplineId_name_key" ON "Predicate"("disciplineId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Endpoint_name_key" ON "Endpoint"("name");

-- CreateIndex
CREATE INDEX "Concept_aliasKeys_idx" ON "Concept" USING GIN ("aliasKeys");

-- CreateIndex
CREATE UNIQUE INDEX "Chain_disciplineId_signature_key" ON "Chain"("disciplineId", "signature");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_idx" ON "AuditEvent"("targetType", "targetId");

-- AddForeignKey
ALTER TABLE "Predicate" ADD CONSTRAINT "Predicate_disciplineId_fkey" FOREIGN KEY ("disciplineId") REFERENCES "Discipline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChunkExtraction" ADD CONSTRAINT "ChunkExtraction_chunkId_fkey" FOREIGN KEY ("chunkId") REFERENCES "Chunk"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Full-text search over the knowledge structure (names, aliases, definitions, evidence).
-- Written by hand: Prisma's schema cannot express expression indexes.
CREATE OR REPLACE FUNCTION proda_concept_document(name text, aliases text[], definition text, evidence text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(name, '') || ' ' || coalesce(array_to_string(aliases, ' '), '')), 'A')
      || setweight(to_tsvector('english'::regconfig, coalesce(definition, '')), 'B')
      || setweight(to_tsvector('english'::regconfig, coalesce(evidence, '')), 'C')
$$;
CREATE INDEX "Concept_search_idx" ON "Concept" USING gin (proda_concept_document("name", "aliases", "definition", "evidence"));
CREATE INDEX "Relation_search_idx" ON "Relation" USING gin (to_tsvector('english'::regconfig, "evidence"));
CREATE INDEX "Chain_search_idx" ON "Chain" USING gin (to_tsvector('english'::regconfig, coalesce("summary", '')));
