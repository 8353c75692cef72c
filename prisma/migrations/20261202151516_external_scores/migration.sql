-- CreateTable
CREATE TABLE "ExternalScore" (
    "id" TEXT NOT NULL,
    "modelVersionId" TEXT NOT NULL,
    "benchmark" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "createdBy" TEXT,
    "updatedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExternalScore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExternalScore_benchmark_idx" ON "ExternalScore"("benchmark");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalScore_modelVersionId_benchmark_key" ON "ExternalScore"("modelVersionId", "benchmark");

-- AddForeignKey
ALTER TABLE "ExternalScore" ADD CONSTRAINT "ExternalScore_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

