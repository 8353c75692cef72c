-- CreateTable
CREATE TABLE "PatchComment" (
    "id" BIGSERIAL NOT NULL,
    "patchId" TEXT NOT NULL,
    "authorId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatchComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PatchComment_patchId_id_idx" ON "PatchComment"("patchId", "id");

-- AddForeignKey
ALTER TABLE "PatchComment" ADD CONSTRAINT "PatchComment_patchId_fkey" FOREIGN KEY ("patchId") REFERENCES "Patch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatchComment" ADD CONSTRAINT "PatchComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

