-- DRY-7 (issue 22 item 5): «new since the last visit» counts the homework created after the visit
-- (lib/diary/marks/data.ts newSinceCountsSql) from this index — the homework created since, with its
-- lesson, by an index-only range scan, so the count costs what is new. It walked every lesson of the
-- student's classes in the year and probed Homework per lesson (≈ 800 probes, 1.6–1.9 ms on the
-- bench school). Homework's createdAt never changes: its updates stay HOT.
-- CreateIndex
CREATE INDEX "Homework_organisationId_createdAt_lessonId_idx" ON "Homework"("organisationId", "createdAt", "lessonId");
