-- CreateEnum
CREATE TYPE "HomeworkMarker" AS ENUM ('NOT_GIVEN', 'NOT_PROVIDED');

-- CreateEnum
CREATE TYPE "CheckLevel" AS ENUM ('CLASS_TEACHER', 'HEAD_OF_DEPT', 'DEPUTY');

-- CreateEnum
CREATE TYPE "CheckResult" AS ENUM ('OK', 'REMARKS');

-- CreateEnum
CREATE TYPE "AbsenceStatus" AS ENUM ('ACTIVE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED');

-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "homeworkMarker" "HomeworkMarker";

-- AlterTable
ALTER TABLE "OrganisationSettings" ADD COLUMN     "checkEveryClassTeacher" TEXT NOT NULL DEFAULT 'WEEK',
ADD COLUMN     "checkEveryDeputy" TEXT NOT NULL DEFAULT 'HALF_YEAR',
ADD COLUMN     "checkEveryHeadOfDept" TEXT NOT NULL DEFAULT 'MONTH',
ADD COLUMN     "fillDeadlineMinutes" INTEGER NOT NULL DEFAULT 960,
ADD COLUMN     "riskAbsencePercent" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "Remark" ADD COLUMN     "checkId" INTEGER;

-- CreateTable
CREATE TABLE "JournalCheck" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "classId" INTEGER NOT NULL,
    "subjectId" INTEGER,
    "periodId" INTEGER,
    "level" "CheckLevel" NOT NULL,
    "checkerId" INTEGER NOT NULL,
    "checkedOn" DATE NOT NULL,
    "result" "CheckResult" NOT NULL,
    "findings" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JournalCheck_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "DutyRun" (
    "organisationId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "ranAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DutyRun_pkey" PRIMARY KEY ("organisationId","kind","day")
);

-- CreateTable
CREATE TABLE "FillReminder" (
    "organisationId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "teacherId" INTEGER NOT NULL,
    "lessons" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FillReminder_pkey" PRIMARY KEY ("organisationId","day","teacherId")
);

-- CreateTable
CREATE TABLE "Absence" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "studentId" INTEGER NOT NULL,
    "dateFrom" DATE NOT NULL,
    "dateTo" DATE NOT NULL,
    "reason" "AttendanceCode" NOT NULL,
    "documentKind" TEXT NOT NULL,
    "documentNumber" TEXT,
    "documentDate" DATE,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileKey" TEXT,
    "status" "AbsenceStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "AbsenceLesson" (
    "organisationId" INTEGER NOT NULL,
    "absenceId" INTEGER NOT NULL,
    "lessonId" INTEGER NOT NULL,
    "studentId" INTEGER NOT NULL,
    "previousCode" "AttendanceCode",
    "appliedCode" "AttendanceCode" NOT NULL,

    CONSTRAINT "AbsenceLesson_pkey" PRIMARY KEY ("organisationId","absenceId","lessonId")
);

-- CreateTable
CREATE TABLE "AbsenceNotice" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "studentId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "dateFrom" DATE NOT NULL,
    "dateTo" DATE NOT NULL,
    "reason" "AttendanceCode" NOT NULL,
    "comment" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileKey" TEXT,
    "status" "NoticeStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "absenceId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AbsenceNotice_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "RiskNotice" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "studentId" INTEGER NOT NULL,
    "senderId" INTEGER NOT NULL,
    "messageId" INTEGER,
    "reasons" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RiskNotice_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateIndex
CREATE INDEX "JournalCheck_organisationId_classId_level_checkedOn_idx" ON "JournalCheck"("organisationId", "classId", "level", "checkedOn");

-- CreateIndex
CREATE INDEX "FillReminder_organisationId_teacherId_day_idx" ON "FillReminder"("organisationId", "teacherId", "day");

-- CreateIndex
CREATE INDEX "Absence_organisationId_studentId_dateFrom_idx" ON "Absence"("organisationId", "studentId", "dateFrom");

-- CreateIndex
CREATE INDEX "Absence_organisationId_status_dateTo_idx" ON "Absence"("organisationId", "status", "dateTo");

-- CreateIndex
CREATE INDEX "AbsenceLesson_organisationId_lessonId_studentId_idx" ON "AbsenceLesson"("organisationId", "lessonId", "studentId");

-- CreateIndex
CREATE INDEX "AbsenceNotice_organisationId_studentId_createdAt_idx" ON "AbsenceNotice"("organisationId", "studentId", "createdAt");

-- CreateIndex
CREATE INDEX "AbsenceNotice_organisationId_status_idx" ON "AbsenceNotice"("organisationId", "status");

-- CreateIndex
CREATE INDEX "RiskNotice_organisationId_studentId_sentAt_idx" ON "RiskNotice"("organisationId", "studentId", "sentAt");

-- AddForeignKey
ALTER TABLE "Remark" ADD CONSTRAINT "Remark_organisationId_checkId_fkey" FOREIGN KEY ("organisationId", "checkId") REFERENCES "JournalCheck"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalCheck" ADD CONSTRAINT "JournalCheck_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalCheck" ADD CONSTRAINT "JournalCheck_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalCheck" ADD CONSTRAINT "JournalCheck_organisationId_checkerId_fkey" FOREIGN KEY ("organisationId", "checkerId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyRun" ADD CONSTRAINT "DutyRun_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FillReminder" ADD CONSTRAINT "FillReminder_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FillReminder" ADD CONSTRAINT "FillReminder_organisationId_teacherId_fkey" FOREIGN KEY ("organisationId", "teacherId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_organisationId_createdById_fkey" FOREIGN KEY ("organisationId", "createdById") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceLesson" ADD CONSTRAINT "AbsenceLesson_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceLesson" ADD CONSTRAINT "AbsenceLesson_organisationId_absenceId_fkey" FOREIGN KEY ("organisationId", "absenceId") REFERENCES "Absence"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceLesson" ADD CONSTRAINT "AbsenceLesson_organisationId_lessonId_fkey" FOREIGN KEY ("organisationId", "lessonId") REFERENCES "Lesson"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceNotice" ADD CONSTRAINT "AbsenceNotice_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceNotice" ADD CONSTRAINT "AbsenceNotice_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceNotice" ADD CONSTRAINT "AbsenceNotice_organisationId_authorId_fkey" FOREIGN KEY ("organisationId", "authorId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceNotice" ADD CONSTRAINT "AbsenceNotice_organisationId_decidedById_fkey" FOREIGN KEY ("organisationId", "decidedById") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceNotice" ADD CONSTRAINT "AbsenceNotice_organisationId_absenceId_fkey" FOREIGN KEY ("organisationId", "absenceId") REFERENCES "Absence"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskNotice" ADD CONSTRAINT "RiskNotice_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskNotice" ADD CONSTRAINT "RiskNotice_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskNotice" ADD CONSTRAINT "RiskNotice_organisationId_senderId_fkey" FOREIGN KEY ("organisationId", "senderId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
