-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('SUBMITTED', 'REVIEWED', 'RETURNED');

-- CreateEnum
CREATE TYPE "MaterialKind" AS ENUM ('FILE', 'LINK');

-- CreateEnum
CREATE TYPE "DocumentCategory" AS ENUM ('REGULATION', 'ORDER', 'LOCAL_ACT', 'INSTRUCTION', 'OTHER');

-- CreateEnum
CREATE TYPE "AchievementKind" AS ENUM ('OLYMPIAD', 'COMPETITION', 'CERTIFICATE', 'PROJECT', 'SPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "AchievementLevel" AS ENUM ('SCHOOL', 'MUNICIPAL', 'REGIONAL', 'FEDERAL', 'INTERNATIONAL');

-- CreateEnum
CREATE TYPE "AchievementStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REJECTED');

-- CreateEnum
CREATE TYPE "StaffAchievementKind" AS ENUM ('QUALIFICATION', 'COURSE', 'AWARD', 'OTHER');

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "submissionId" INTEGER;

-- AlterTable
ALTER TABLE "Homework" ADD COLUMN     "handin" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "handinAssignmentId" INTEGER,
ADD COLUMN     "handinDueAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "HomeworkSubmission" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "homeworkId" INTEGER NOT NULL,
    "studentId" INTEGER NOT NULL,
    "text" TEXT,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "submittedById" INTEGER NOT NULL,
    "isLate" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "reviewComment" TEXT,
    "reviewedById" INTEGER,
    "reviewedAt" TIMESTAMP(3),

    CONSTRAINT "HomeworkSubmission_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Material" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "subjectId" INTEGER NOT NULL,
    "grade" INTEGER,
    "classId" INTEGER,
    "topic" TEXT,
    "kind" "MaterialKind" NOT NULL,
    "url" TEXT,
    "fileName" TEXT,
    "mimeType" TEXT,
    "size" INTEGER,
    "sha256" TEXT,
    "storageKey" TEXT,
    "authorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Material_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "LessonMaterial" (
    "organisationId" INTEGER NOT NULL,
    "lessonId" INTEGER NOT NULL,
    "materialId" INTEGER NOT NULL,

    CONSTRAINT "LessonMaterial_pkey" PRIMARY KEY ("organisationId","lessonId","materialId")
);

-- CreateTable
CREATE TABLE "PlanTopicMaterial" (
    "organisationId" INTEGER NOT NULL,
    "planTopicId" INTEGER NOT NULL,
    "materialId" INTEGER NOT NULL,

    CONSTRAINT "PlanTopicMaterial_pkey" PRIMARY KEY ("organisationId","planTopicId","materialId")
);

-- CreateTable
CREATE TABLE "Document" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "category" "DocumentCategory" NOT NULL,
    "number" TEXT,
    "date" DATE,
    "visibleTo" "Role"[],
    "isJournalRegulation" BOOLEAN NOT NULL DEFAULT false,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "DocumentVersion" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "note" TEXT,
    "uploadedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentVersion_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "SchoolResource" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "description" TEXT,
    "category" TEXT,
    "visibleTo" "Role"[],
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolResource_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Achievement" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "studentId" INTEGER NOT NULL,
    "kind" "AchievementKind" NOT NULL,
    "level" "AchievementLevel" NOT NULL,
    "title" TEXT NOT NULL,
    "result" TEXT,
    "subject" TEXT,
    "date" DATE NOT NULL,
    "status" "AchievementStatus" NOT NULL DEFAULT 'PENDING',
    "addedById" INTEGER NOT NULL,
    "confirmedById" INTEGER,
    "confirmedAt" TIMESTAMP(3),
    "rejectReason" TEXT,
    "fileName" TEXT,
    "mimeType" TEXT,
    "size" INTEGER,
    "sha256" TEXT,
    "storageKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Achievement_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "StaffAchievement" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" "StaffAchievementKind" NOT NULL,
    "title" TEXT NOT NULL,
    "issuer" TEXT,
    "date" DATE NOT NULL,
    "hours" INTEGER,
    "documentNumber" TEXT,
    "fileName" TEXT,
    "mimeType" TEXT,
    "size" INTEGER,
    "sha256" TEXT,
    "storageKey" TEXT,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffAchievement_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateIndex
CREATE INDEX "HomeworkSubmission_organisationId_studentId_idx" ON "HomeworkSubmission"("organisationId", "studentId");

-- CreateIndex
CREATE UNIQUE INDEX "HomeworkSubmission_organisationId_homeworkId_studentId_key" ON "HomeworkSubmission"("organisationId", "homeworkId", "studentId");

-- CreateIndex
CREATE INDEX "Material_organisationId_subjectId_grade_idx" ON "Material"("organisationId", "subjectId", "grade");

-- CreateIndex
CREATE INDEX "Material_organisationId_classId_idx" ON "Material"("organisationId", "classId");

-- CreateIndex
CREATE INDEX "LessonMaterial_organisationId_materialId_idx" ON "LessonMaterial"("organisationId", "materialId");

-- CreateIndex
CREATE INDEX "PlanTopicMaterial_organisationId_materialId_idx" ON "PlanTopicMaterial"("organisationId", "materialId");

-- CreateIndex
CREATE INDEX "Document_organisationId_category_idx" ON "Document"("organisationId", "category");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVersion_organisationId_documentId_version_key" ON "DocumentVersion"("organisationId", "documentId", "version");

-- CreateIndex
CREATE INDEX "SchoolResource_organisationId_sortOrder_idx" ON "SchoolResource"("organisationId", "sortOrder");

-- CreateIndex
CREATE INDEX "Achievement_organisationId_studentId_date_idx" ON "Achievement"("organisationId", "studentId", "date");

-- CreateIndex
CREATE INDEX "Achievement_organisationId_status_idx" ON "Achievement"("organisationId", "status");

-- CreateIndex
CREATE INDEX "StaffAchievement_organisationId_userId_date_idx" ON "StaffAchievement"("organisationId", "userId", "date");

-- CreateIndex
CREATE INDEX "Attachment_organisationId_submissionId_idx" ON "Attachment"("organisationId", "submissionId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_organisationId_submissionId_fkey" FOREIGN KEY ("organisationId", "submissionId") REFERENCES "HomeworkSubmission"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeworkSubmission" ADD CONSTRAINT "HomeworkSubmission_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeworkSubmission" ADD CONSTRAINT "HomeworkSubmission_organisationId_homeworkId_fkey" FOREIGN KEY ("organisationId", "homeworkId") REFERENCES "Homework"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeworkSubmission" ADD CONSTRAINT "HomeworkSubmission_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeworkSubmission" ADD CONSTRAINT "HomeworkSubmission_organisationId_reviewedById_fkey" FOREIGN KEY ("organisationId", "reviewedById") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_organisationId_subjectId_fkey" FOREIGN KEY ("organisationId", "subjectId") REFERENCES "Subject"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_organisationId_authorId_fkey" FOREIGN KEY ("organisationId", "authorId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonMaterial" ADD CONSTRAINT "LessonMaterial_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonMaterial" ADD CONSTRAINT "LessonMaterial_organisationId_lessonId_fkey" FOREIGN KEY ("organisationId", "lessonId") REFERENCES "Lesson"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonMaterial" ADD CONSTRAINT "LessonMaterial_organisationId_materialId_fkey" FOREIGN KEY ("organisationId", "materialId") REFERENCES "Material"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanTopicMaterial" ADD CONSTRAINT "PlanTopicMaterial_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanTopicMaterial" ADD CONSTRAINT "PlanTopicMaterial_organisationId_planTopicId_fkey" FOREIGN KEY ("organisationId", "planTopicId") REFERENCES "PlanTopic"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanTopicMaterial" ADD CONSTRAINT "PlanTopicMaterial_organisationId_materialId_fkey" FOREIGN KEY ("organisationId", "materialId") REFERENCES "Material"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_organisationId_documentId_fkey" FOREIGN KEY ("organisationId", "documentId") REFERENCES "Document"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolResource" ADD CONSTRAINT "SchoolResource_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Achievement" ADD CONSTRAINT "Achievement_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Achievement" ADD CONSTRAINT "Achievement_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffAchievement" ADD CONSTRAINT "StaffAchievement_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffAchievement" ADD CONSTRAINT "StaffAchievement_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
