-- DUT-1 (issue 22 item 7): the assignments carried to a later lesson (lib/control/deadline/data.ts dueSql,
-- the second branch: due on a day of the shares' range) found by their due date — the control page's
-- TEACHER_SHARES read the organisation's every assignment for them (a sequential scan, ≈ 23 ms of the
-- statement's ≈ 50–70 on the bench school). Assignments are written when a column is added, not by the
-- mark save (issue 22 item 6: nothing added to the save's path).
-- CreateIndex
CREATE INDEX "Assignment_organisationId_dueDate_idx" ON "Assignment"("organisationId", "dueDate");
