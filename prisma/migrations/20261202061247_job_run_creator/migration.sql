-- CreateEnum
CREATE TYPE "RunOrigin" AS ENUM ('STUDIO', 'API_TOKEN', 'CLI', 'SYSTEM');

-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "createdByTokenId" TEXT,
ADD COLUMN     "origin" "RunOrigin";

-- AddForeignKey
ALTER TABLE "JobRun" ADD CONSTRAINT "JobRun_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobRun" ADD CONSTRAINT "JobRun_createdByTokenId_fkey" FOREIGN KEY ("createdByTokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

