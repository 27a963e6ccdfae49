-- CreateEnum
CREATE TYPE "ProgrammeKind" AS ENUM ('SUBJECT', 'OP', 'MDK', 'PM', 'PRACTICE');

-- AlterTable
ALTER TABLE "LessonPlan" ADD COLUMN     "programmeId" INTEGER;

-- CreateTable
CREATE TABLE "WorkProgramme" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "yearId" INTEGER NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "kind" "ProgrammeKind" NOT NULL DEFAULT 'SUBJECT',
    "grade" INTEGER,
    "specialty" TEXT,
    "title" TEXT NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "authorId" INTEGER NOT NULL,
    "reviewerId" INTEGER,
    "reviewComment" TEXT,
    "submittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkProgramme_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ProgrammeSection" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "hours" DECIMAL(5,1) NOT NULL,
    "outcomes" TEXT,
    "controlWorks" TEXT[],

    CONSTRAINT "ProgrammeSection_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateIndex
CREATE INDEX "WorkProgramme_organisationId_yearId_subjectId_idx" ON "WorkProgramme"("organisationId", "yearId", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammeSection_organisationId_programmeId_position_key" ON "ProgrammeSection"("organisationId", "programmeId", "position");

-- AddForeignKey
ALTER TABLE "LessonPlan" ADD CONSTRAINT "LessonPlan_organisationId_programmeId_fkey" FOREIGN KEY ("organisationId", "programmeId") REFERENCES "WorkProgramme"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkProgramme" ADD CONSTRAINT "WorkProgramme_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkProgramme" ADD CONSTRAINT "WorkProgramme_organisationId_yearId_fkey" FOREIGN KEY ("organisationId", "yearId") REFERENCES "AcademicYear"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkProgramme" ADD CONSTRAINT "WorkProgramme_organisationId_subjectId_fkey" FOREIGN KEY ("organisationId", "subjectId") REFERENCES "Subject"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeSection" ADD CONSTRAINT "ProgrammeSection_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeSection" ADD CONSTRAINT "ProgrammeSection_organisationId_programmeId_fkey" FOREIGN KEY ("organisationId", "programmeId") REFERENCES "WorkProgramme"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
