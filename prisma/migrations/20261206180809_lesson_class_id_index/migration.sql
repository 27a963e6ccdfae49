-- DAY-4 (issue 22 item 5): the diary week's homework due reaches the lessons of the student's classes by an
-- index-only scan (lib/diary/data.ts homeworkDueSql) — it probed every homework of the organisation due
-- that week by the lesson's primary key (≈ 1,300 on the bench school).
-- CreateIndex
CREATE INDEX "Lesson_organisationId_classId_id_subgroupId_idx" ON "Lesson"("organisationId", "classId", "id", "subgroupId");
