-- CreateEnum
CREATE TYPE "ExternalExam" AS ENUM ('OGE', 'EGE', 'VPR');

-- CreateTable
CREATE TABLE "ExternalResult" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "yearId" INTEGER NOT NULL,
    "exam" "ExternalExam" NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "studentId" INTEGER NOT NULL,
    "classId" INTEGER NOT NULL,
    "primaryScore" INTEGER NOT NULL,
    "mark" INTEGER,
    "taskScores" INTEGER[],
    "taskMax" INTEGER[],
    "importedById" INTEGER NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalResult_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateIndex
CREATE INDEX "ExternalResult_organisationId_yearId_exam_subjectId_classId_idx" ON "ExternalResult"("organisationId", "yearId", "exam", "subjectId", "classId");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalResult_organisationId_yearId_exam_subjectId_student_key" ON "ExternalResult"("organisationId", "yearId", "exam", "subjectId", "studentId");

-- AddForeignKey
ALTER TABLE "ExternalResult" ADD CONSTRAINT "ExternalResult_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
