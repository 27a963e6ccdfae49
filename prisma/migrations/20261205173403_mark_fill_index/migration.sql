-- DropIndex
DROP INDEX "Mark_organisationId_lessonId_idx";

-- CreateIndex
CREATE INDEX "Mark_organisationId_lessonId_assignmentId_createdAt_idx" ON "Mark"("organisationId", "lessonId", "assignmentId", "createdAt");
