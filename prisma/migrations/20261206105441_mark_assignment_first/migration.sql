-- CreateIndex
CREATE INDEX "Mark_organisationId_assignmentId_createdAt_idx" ON "Mark"("organisationId", "assignmentId", "createdAt");
