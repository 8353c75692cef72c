-- AlterTable
ALTER TABLE "Patch" ADD COLUMN     "author" TEXT NOT NULL DEFAULT 'template';

