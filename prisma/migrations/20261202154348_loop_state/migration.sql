-- CreateTable
CREATE TABLE "LoopStage" (
    "stage" TEXT NOT NULL,
    "fingerprint" JSONB NOT NULL,
    "output" TEXT,
    "loopRunId" TEXT NOT NULL,
    "jobRunId" TEXT,
    "ranAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoopStage_pkey" PRIMARY KEY ("stage")
);

-- CreateTable
CREATE TABLE "LoopRun" (
    "id" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "stages" JSONB NOT NULL DEFAULT '[]',
    "report" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "LoopRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LoopRun_startedAt_idx" ON "LoopRun"("startedAt");

