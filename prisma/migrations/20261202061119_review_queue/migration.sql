-- DropIndex
DROP INDEX "Concept_disciplineId_status_idx";

-- DropIndex
DROP INDEX "Relation_disciplineId_status_idx";

-- DropIndex
DROP INDEX "Chain_disciplineId_status_idx";

-- CreateTable
CREATE TABLE "ReviewAssignment" (
    "id" TEXT NOT NULL,
    "conceptId" TEXT,
    "relationId" TEXT,
    "chainId" TEXT,
    "assigneeId" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" BIGSERIAL NOT NULL,
    "conceptId" TEXT,
    "relationId" TEXT,
    "chainId" TEXT,
    "authorId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReviewAssignment_conceptId_key" ON "ReviewAssignment"("conceptId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewAssignment_relationId_key" ON "ReviewAssignment"("relationId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewAssignment_chainId_key" ON "ReviewAssignment"("chainId");

-- CreateIndex
CREATE INDEX "ReviewAssignment_assigneeId_idx" ON "ReviewAssignment"("assigneeId");

-- CreateIndex
CREATE INDEX "ReviewComment_conceptId_id_idx" ON "ReviewComment"("conceptId", "id");

-- CreateIndex
CREATE INDEX "ReviewComment_relationId_id_idx" ON "ReviewComment"("relationId", "id");

-- CreateIndex
CREATE INDEX "ReviewComment_chainId_id_idx" ON "ReviewComment"("chainId", "id");

-- CreateIndex
CREATE INDEX "Concept_disciplineId_status_id_idx" ON "Concept"("disciplineId", "status", "id");

-- CreateIndex
CREATE INDEX "Relation_disciplineId_status_id_idx" ON "Relation"("disciplineId", "status", "id");

-- CreateIndex
CREATE INDEX "Chain_disciplineId_status_id_idx" ON "Chain"("disciplineId", "status", "id");

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_relationId_fkey" FOREIGN KEY ("relationId") REFERENCES "Relation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_chainId_fkey" FOREIGN KEY ("chainId") REFERENCES "Chain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_relationId_fkey" FOREIGN KEY ("relationId") REFERENCES "Relation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_chainId_fkey" FOREIGN KEY ("chainId") REFERENCES "Chain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Written by hand (Prisma does not model it): a row is about exactly one item.
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_one_item" CHECK (num_nonnulls("conceptId", "relationId", "chainId") = 1);
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_one_item" CHECK (num_nonnulls("conceptId", "relationId", "chainId") = 1);
