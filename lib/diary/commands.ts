// Orchestration of the diary's writes (issue 19 item 6: commands.ts, called by routes and actions,
// never by loaders). DRY-7: a family member's view of a student's diary is recorded after the page
// has shown what is new since the previous visit (lib/diary/marks/loaders.ts diaryVisitNews); the
// page's client part posts to /diary/<studentId>/seen, which calls recordDiaryVisit.
import { diarySeen } from "./marks/data";
import { saveDiarySeen } from "./mutations";
import { nextSeen } from "./rules";

/** Records this view: a visit after VISIT_GAP starts a new one, an earlier one keeps its «since». */
export async function recordDiaryVisit(
  organisationId: number,
  userId: number,
  studentId: number,
  now: Date,
): Promise<void> {
  const next = nextSeen(await diarySeen(organisationId, userId, studentId), now);
  await saveDiarySeen(organisationId, userId, studentId, next);
}
