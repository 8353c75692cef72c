-- CreateEnum
CREATE TYPE "ModelStage" AS ENUM ('BASE', 'OFFICIAL', 'V1', 'V2', 'CUSTOM');

-- CreateTable
CREATE TABLE "ModelVersion" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "stage" "ModelStage" NOT NULL,
    "trainer" TEXT NOT NULL,
    "endpoint" TEXT,
    "remoteModel" TEXT,
    "trainingSetId" TEXT,
    "benchmarkId" TEXT,
    "baseModel" TEXT,
    "hyperparameters" JSONB,
    "description" JSONB,
    "runId" TEXT,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelArtefact" (
    "modelVersionId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ModelArtefact_pkey" PRIMARY KEY ("modelVersionId")
);

-- CreateTable
CREATE TABLE "FineTune" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "trainingSetId" TEXT NOT NULL,
    "trainer" TEXT NOT NULL,
    "endpoint" TEXT,
    "baseModel" TEXT,
    "name" TEXT NOT NULL,
    "stage" "ModelStage" NOT NULL,
    "hyperparameters" JSONB NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "rawStatus" TEXT,
    "remoteFileId" TEXT,
    "remoteJobId" TEXT,
    "events" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "modelVersionId" TEXT,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FineTune_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationRun" (
    "id" TEXT NOT NULL,
    "runId" TEXT,
    "modelVersionId" TEXT NOT NULL,
    "benchmarkId" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "correct" INTEGER NOT NULL DEFAULT 0,
    "unparseable" INTEGER NOT NULL DEFAULT 0,
    "metrics" JSONB,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "EvaluationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationAnswer" (
    "id" TEXT NOT NULL,
    "evaluationRunId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "choice" INTEGER,
    "parsedBy" TEXT,
    "correct" BOOLEAN NOT NULL,
    "chosenOperator" TEXT,
    "latencyMs" INTEGER NOT NULL,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_name_key" ON "ModelVersion"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_runId_key" ON "ModelVersion"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "FineTune_runId_key" ON "FineTune"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "FineTune_modelVersionId_key" ON "FineTune"("modelVersionId");

-- CreateIndex
CREATE INDEX "FineTune_trainingSetId_idx" ON "FineTune"("trainingSetId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationRun_runId_key" ON "EvaluationRun"("runId");

-- CreateIndex
CREATE INDEX "EvaluationRun_modelVersionId_benchmarkId_idx" ON "EvaluationRun"("modelVersionId", "benchmarkId");

-- CreateIndex
CREATE INDEX "EvaluationAnswer_evaluationRunId_correct_idx" ON "EvaluationAnswer"("evaluationRunId", "correct");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationAnswer_evaluationRunId_itemId_key" ON "EvaluationAnswer"("evaluationRunId", "itemId");

-- AddForeignKey
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_trainingSetId_fkey" FOREIGN KEY ("trainingSetId") REFERENCES "TrainingSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelArtefact" ADD CONSTRAINT "ModelArtefact_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FineTune" ADD CONSTRAINT "FineTune_trainingSetId_fkey" FOREIGN KEY ("trainingSetId") REFERENCES "TrainingSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FineTune" ADD CONSTRAINT "FineTune_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_benchmarkId_fkey" FOREIGN KEY ("benchmarkId") REFERENCES "Benchmark"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationAnswer" ADD CONSTRAINT "EvaluationAnswer_evaluationRunId_fkey" FOREIGN KEY ("evaluationRunId") REFERENCES "EvaluationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

