-- DAY-4 (issue 22 item 5): the diary week's homework due (lib/diary/data.ts homeworkDueSql) picks the
-- organisation's homework due that week that belongs to the student's classes' lessons from this index
-- alone (an index-only range scan: the due date, the lesson and the id), and reads only the matching
-- rows — it read every homework due that week from the heap (≈ 1,300 on the bench school) to keep ≈ 20.
-- It replaces the (organisationId, dueDate) index, whose every use it serves.
-- DropIndex
DROP INDEX "Homework_organisationId_dueDate_idx";
-- CreateIndex
CREATE INDEX "Homework_organisationId_dueDate_lessonId_id_idx" ON "Homework"("organisationId", "dueDate", "lessonId", "id");
