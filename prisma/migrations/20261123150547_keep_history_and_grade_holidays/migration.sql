-- DropForeignKey
ALTER TABLE "Lesson" DROP CONSTRAINT "Lesson_organisationId_teacherId_fkey";

-- DropForeignKey
ALTER TABLE "TeacherLoad" DROP CONSTRAINT "TeacherLoad_organisationId_teacherId_fkey";

-- DropForeignKey
ALTER TABLE "TimetableEntry" DROP CONSTRAINT "TimetableEntry_organisationId_teacherId_fkey";

-- AlterTable
ALTER TABLE "Holiday" ADD COLUMN     "grade" INTEGER;

-- AlterTable
ALTER TABLE "OrganisationSettings" ALTER COLUMN "passFailEnabled" SET DEFAULT false;

-- AddForeignKey
ALTER TABLE "TeacherLoad" ADD CONSTRAINT "TeacherLoad_organisationId_teacherId_fkey" FOREIGN KEY ("organisationId", "teacherId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableEntry" ADD CONSTRAINT "TimetableEntry_organisationId_teacherId_fkey" FOREIGN KEY ("organisationId", "teacherId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_organisationId_teacherId_fkey" FOREIGN KEY ("organisationId", "teacherId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
