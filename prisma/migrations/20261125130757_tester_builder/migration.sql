-- CreateEnum
CREATE TYPE "BenchmarkStatus" AS ENUM ('DRAFT', 'FROZEN');

-- CreateEnum
CREATE TYPE "ItemStatus" AS ENUM ('ACTIVE', 'REJECTED');

-- CreateEnum
CREATE TYPE "TrainingSetStatus" AS ENUM ('BUILDING', 'DRAFT', 'APPROVED');

-- CreateTable
CREATE TABLE "Benchmark" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "status" "BenchmarkStatus" NOT NULL DEFAULT 'DRAFT',
    "approvedOnly" BOOLEAN NOT NULL DEFAULT false,
    "seed" INTEGER NOT NULL,
    "disciplines" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "parentId" TEXT,
    "report" JSONB NOT NULL,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "runId" TEXT,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "frozenAt" TIMESTAMP(3),
    "frozenBy" TEXT,

    CONSTRAINT "Benchmark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchmarkItem" (
    "id" TEXT NOT NULL,
    "benchmarkId" TEXT NOT NULL,
    "disciplineId" TEXT NOT NULL,
    "chainId" TEXT,
    "position" INTEGER NOT NULL,
    "stem" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "answerIndex" INTEGER NOT NULL,
    "difficulty" INTEGER NOT NULL,
    "path" JSONB NOT NULL,
    "status" "ItemStatus" NOT NULL DEFAULT 'ACTIVE',
    "editedBy" TEXT,
    "editedAt" TIMESTAMP(3),

    CONSTRAINT "BenchmarkItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSet" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "parentId" TEXT,
    "status" "TrainingSetStatus" NOT NULL DEFAULT 'BUILDING',
    "settings" JSONB NOT NULL,
    "lineage" JSONB NOT NULL,
    "instanceCount" INTEGER NOT NULL DEFAULT 0,
    "core" JSONB,
    "runId" TEXT,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedAt" TIMESTAMP(3),
    "approvedBy" TEXT,

    CONSTRAINT "TrainingSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingInstance" (
    "id" TEXT NOT NULL,
    "trainingSetId" TEXT NOT NULL,
    "disciplineId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "completion" TEXT NOT NULL,
    "conceptIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "relationIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "chunkId" TEXT,
    "contentHash" TEXT NOT NULL,

    CONSTRAINT "TrainingInstance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrthogonalityCheck" (
    "id" TEXT NOT NULL,
    "trainingSetId" TEXT NOT NULL,
    "benchmarkIds" TEXT[],
    "frozenIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "passed" BOOLEAN NOT NULL,
    "checked" INTEGER NOT NULL,
    "violationCount" INTEGER NOT NULL,
    "runId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrthogonalityCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrthogonalityViolation" (
    "id" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "shared" TEXT NOT NULL,
    "similarity" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "OrthogonalityViolation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Benchmark_version_key" ON "Benchmark"("version");

-- CreateIndex
CREATE UNIQUE INDEX "Benchmark_runId_key" ON "Benchmark"("runId");

-- CreateIndex
CREATE INDEX "BenchmarkItem_benchmarkId_disciplineId_idx" ON "BenchmarkItem"("benchmarkId", "disciplineId");

-- CreateIndex
CREATE INDEX "BenchmarkItem_chainId_idx" ON "BenchmarkItem"("chainId");

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkItem_benchmarkId_position_key" ON "BenchmarkItem"("benchmarkId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingSet_runId_key" ON "TrainingSet"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingSet_name_version_key" ON "TrainingSet"("name", "version");

-- CreateIndex
CREATE INDEX "TrainingInstance_trainingSetId_disciplineId_kind_idx" ON "TrainingInstance"("trainingSetId", "disciplineId", "kind");

-- CreateIndex
CREATE INDEX "TrainingInstance_trainingSetId_contentHash_idx" ON "TrainingInstance"("trainingSetId", "contentHash");

-- CreateIndex
CREATE INDEX "TrainingInstance_conceptIds_idx" ON "TrainingInstance" USING GIN ("conceptIds");

-- CreateIndex
CREATE INDEX "TrainingInstance_relationIds_idx" ON "TrainingInstance" USING GIN ("relationIds");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingInstance_trainingSetId_position_key" ON "TrainingInstance"("trainingSetId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "OrthogonalityCheck_runId_key" ON "OrthogonalityCheck"("runId");

-- CreateIndex
CREATE INDEX "OrthogonalityCheck_trainingSetId_createdAt_idx" ON "OrthogonalityCheck"("trainingSetId", "createdAt");

-- CreateIndex
CREATE INDEX "OrthogonalityViolation_checkId_idx" ON "OrthogonalityViolation"("checkId");

-- AddForeignKey
ALTER TABLE "Benchmark" ADD CONSTRAINT "Benchmark_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Benchmark"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkItem" ADD CONSTRAINT "BenchmarkItem_benchmarkId_fkey" FOREIGN KEY ("benchmarkId") REFERENCES "Benchmark"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkItem" ADD CONSTRAINT "BenchmarkItem_disciplineId_fkey" FOREIGN KEY ("disciplineId") REFERENCES "Discipline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSet" ADD CONSTRAINT "TrainingSet_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "TrainingSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingInstance" ADD CONSTRAINT "TrainingInstance_trainingSetId_fkey" FOREIGN KEY ("trainingSetId") REFERENCES "TrainingSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingInstance" ADD CONSTRAINT "TrainingInstance_disciplineId_fkey" FOREIGN KEY ("disciplineId") REFERENCES "Discipline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrthogonalityCheck" ADD CONSTRAINT "OrthogonalityCheck_trainingSetId_fkey" FOREIGN KEY ("trainingSetId") REFERENCES "TrainingSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrthogonalityViolation" ADD CONSTRAINT "OrthogonalityViolation_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "OrthogonalityCheck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

