-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN     "parentRunId" TEXT;

-- AlterTable
ALTER TABLE "LoopRun" ADD COLUMN     "jobRunId" TEXT;

-- CreateIndex
CREATE INDEX "JobRun_parentRunId_createdAt_idx" ON "JobRun"("parentRunId", "createdAt");

