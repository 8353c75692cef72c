-- AlterEnum
ALTER TYPE "JobStatus" ADD VALUE 'WAITING';

-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN     "checkpoint" JSONB,
ADD COLUMN     "conflictKey" TEXT,
ADD COLUMN     "leaseExpiresAt" TIMESTAMP(3),
ADD COLUMN     "waitUntil" TIMESTAMP(3),
ADD COLUMN     "workerId" TEXT;

-- CreateIndex
CREATE INDEX "JobRun_status_leaseExpiresAt_idx" ON "JobRun"("status", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "JobRun_conflictKey_status_idx" ON "JobRun"("conflictKey", "status");


-- Handlers used to checkpoint into "result": an unfinished run's result is its checkpoint.
UPDATE "JobRun" SET "checkpoint" = "result", "result" = NULL
WHERE "status" IN ('QUEUED', 'RUNNING', 'FAILED', 'CANCELLED') AND "result" IS NOT NULL;

-- Runs left RUNNING by the old runtime have no lease and no heartbeat: their workers are gone
-- (workers restart to take this migration), so the first sweep takes them back.
UPDATE "JobRun" SET "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') WHERE "status" = 'RUNNING';
