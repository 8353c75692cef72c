-- CreateEnum
CREATE TYPE "Diagnosis" AS ENUM ('MISSING_CONCEPT', 'MISSING_RELATION', 'WRONG_RELATION', 'COMPOSITION', 'UNEXPLAINED');

-- CreateEnum
CREATE TYPE "PatchStatus" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED', 'APPLIED');

-- AlterTable
ALTER TABLE "TrainingInstance" ADD COLUMN     "patchId" TEXT;

-- CreateTable
CREATE TABLE "DebugRun" (
    "id" TEXT NOT NULL,
    "runId" TEXT,
    "evaluationRunId" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "traced" INTEGER NOT NULL DEFAULT 0,
    "aggregates" JSONB,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "DebugRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FailureTrace" (
    "id" TEXT NOT NULL,
    "debugRunId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "disciplineId" TEXT NOT NULL,
    "diagnosis" "Diagnosis" NOT NULL,
    "step" INTEGER,
    "conceptId" TEXT,
    "relationId" TEXT,
    "chosenOperator" TEXT,
    "probes" JSONB NOT NULL,
    "reviewed" BOOLEAN NOT NULL DEFAULT false,
    "assigneeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FailureTrace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Patch" (
    "id" TEXT NOT NULL,
    "debugRunId" TEXT NOT NULL,
    "disciplineId" TEXT NOT NULL,
    "targetKind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "form" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "generated" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "status" "PatchStatus" NOT NULL DEFAULT 'PROPOSED',
    "gatePassed" BOOLEAN NOT NULL,
    "violations" JSONB NOT NULL DEFAULT '[]',
    "itemIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "assigneeId" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "appliedToId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Patch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DebugRun_runId_key" ON "DebugRun"("runId");

-- CreateIndex
CREATE INDEX "DebugRun_evaluationRunId_idx" ON "DebugRun"("evaluationRunId");

-- CreateIndex
CREATE INDEX "FailureTrace_debugRunId_diagnosis_idx" ON "FailureTrace"("debugRunId", "diagnosis");

-- CreateIndex
CREATE UNIQUE INDEX "FailureTrace_debugRunId_itemId_key" ON "FailureTrace"("debugRunId", "itemId");

-- CreateIndex
CREATE INDEX "Patch_debugRunId_status_idx" ON "Patch"("debugRunId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Patch_debugRunId_targetKind_targetId_form_key" ON "Patch"("debugRunId", "targetKind", "targetId", "form");

-- AddForeignKey
ALTER TABLE "DebugRun" ADD CONSTRAINT "DebugRun_evaluationRunId_fkey" FOREIGN KEY ("evaluationRunId") REFERENCES "EvaluationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailureTrace" ADD CONSTRAINT "FailureTrace_debugRunId_fkey" FOREIGN KEY ("debugRunId") REFERENCES "DebugRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patch" ADD CONSTRAINT "Patch_debugRunId_fkey" FOREIGN KEY ("debugRunId") REFERENCES "DebugRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

