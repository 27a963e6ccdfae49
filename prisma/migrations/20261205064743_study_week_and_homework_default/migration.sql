-- AlterTable
ALTER TABLE "OrganisationSettings" ADD COLUMN     "studyDays" INTEGER NOT NULL DEFAULT 5,
ALTER COLUMN "homeworkForPast" SET DEFAULT true;
