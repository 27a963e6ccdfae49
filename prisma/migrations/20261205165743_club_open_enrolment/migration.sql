-- AlterTable
ALTER TABLE "Club" ADD COLUMN     "capacity" INTEGER;

-- AlterTable
ALTER TABLE "OrganisationSettings" ADD COLUMN     "clubOpenEnrolment" BOOLEAN NOT NULL DEFAULT false;
