// The authorization sweep's table (issue 11, ACL-1…ACL-5): every page, route handler and server
// action of the app, one line each, with who may use it. tests/integration/sweep-access.test.ts
// enumerates app/**/page.tsx, app/**/route.ts and the exports of every 'use server' module from
// the file system and fails, naming the file, when one is missing here (or listed but gone).
//
// Adding a new page / route / action at merge time = one line:
//   pages:   "/finals": { perms: ["finals.viewOwn", "finals.viewAll"] },
//   routes:  "/api/v1/marks": { perms: ["journal.viewAll"], method: "GET" },
//   actions: "lib/finals/actions.ts#saveFinalAction": { perms: ["finals.editAll", "finals.editOwn"] },
// Expected roles are computed from the default matrix (lib/access/matrix.ts) unless `roles` lists
// them explicitly (pages whose own logic narrows or widens the permission).
import { MATRIX_COLUMNS, type MatrixColumn } from "@/lib/access/roles";
import type { Permission } from "@/lib/access/matrix";
import type { AuthorityPermission } from "@/lib/access/authority";
import type { StoredIds } from "./stored-fixture";

export type Who =
  /** Any of these permissions (at any scope, or only "all" when scopeAll) admits. */
  | { perms: readonly Permission[]; scopeAll?: boolean }
  /** Exactly these matrix columns (the page narrows/widens the permission by its own logic). */
  | { roles: readonly MatrixColumn[] }
  /** Any signed-in user. */
  | { signedIn: true }
  /** REG-1: education-authority accounts holding any of these (lib/access/authority.ts); no organisation column. */
  | { authority: readonly AuthorityPermission[] }
  /** No sign-in needed (the file carries a `// public:` comment saying why). */
  | { public: true };

/** How the sweep calls a route: dynamic params, query string and body, built from the fixture's ids. */
export type RouteProbe = { params?: Record<string, string>; query?: string; body?: string };
export type RouteRule = Who & { method: "GET" | "POST" | "PUT" | "DELETE"; probe?: (f: SweepIds) => RouteProbe };

/** The gate a server action must reach, checked statically; `perms` also checked by a call. */
export type ActionRule = Who & {
  /** FormData fields that pass the action's parsing for the fixture (see sweep-access.test.ts). */
  sample?: (f: SweepIds) => unknown[];
};

/** Ids of the sweep's fixture (tests/support/access-fixture.ts plus a few extras). */
export type SweepIds = {
  organisationId: number;
  classA: number;
  classB: number;
  subject: number;
  studentA: number;
  studentB: number;
  lessonA: number;
  lessonB: number;
  parentA: number;
  staffUser: number;
  otherClass: number;
  otherStudent: number;
  otherLesson: number;
};

/** Every matrix column, in the matrix's order (the access fixture has one user each). */
export const ALL: readonly MatrixColumn[] = MATRIX_COLUMNS;
const except = (...out: MatrixColumn[]) => ALL.filter((c) => !out.includes(c));
/** The people pages' readers: the staff who work with students (not STAFF, students or parents). */
const PEOPLE_READERS = except("STUDENT", "PARENT", "STAFF");

/** Route path (route groups stripped) → who may open it. */
export const PAGES: Record<string, Who> = {
  "/": { perms: ["board.view"] },
  "/login": { public: true },
  "/ceiling": { public: true },
  "/change-password": { signedIn: true },
  "/region": { authority: ["region.view"] },
  "/region/reports": { authority: ["region.reports"] },
  "/region/users": { authority: ["region.staff"] },
  "/admin/access": { perms: ["acl.edit"] },
  "/admin/visits": { perms: ["audit.view"] },
  "/admin/webhooks": { perms: ["webhooks.manage"] },
  "/control/external": { perms: ["results.import"] },
  "/admin/year": { perms: ["year.transition"] },
  "/audit": { perms: ["audit.view"], scopeAll: true },
  "/board": { perms: ["board.view"] },
  "/diary": { perms: ["diary.view"] },
  // studentA is the student themself and the parent's child.
  "/diary/[studentId]": { perms: ["diary.view"] },
  "/forum": { perms: ["forum.use"] },
  "/forum/[topicId]": { perms: ["forum.use"] },
  "/forum/moderators": { perms: ["forum.moderate"] },
  "/journal": { roles: ["ADMIN", "DIRECTOR", "DEPUTY", "HEAD_OF_DEPT", "TEACHER", "CLASS_TEACHER"] },
  "/journal/attendance": { perms: ["attendance.reason"] },
  "/journal/unlock": { perms: ["journal.unlock"] },
  "/journal/closing": { perms: ["period.close"] },
  "/journal/hospital": { perms: ["journal.hospital"] },
  "/journal/absences": { perms: ["absence.record"] },
  "/diary/absences": { perms: ["absence.notify"] },
  "/control/checks": { perms: ["control.check", "control.view"] },
  "/risk": { perms: ["risk.notify"] },
  "/mail": { perms: ["mail.use"] },
  "/mail/[messageId]": { perms: ["mail.use"] },
  "/mail/new": { perms: ["mail.use"] },
  "/mail/sent": { perms: ["mail.use"] },
  "/org": { perms: ["org.view"] },
  "/org/classes": { perms: ["classes.view"] },
  "/org/classes/[classId]/subgroups": { perms: ["classes.view"] },
  "/org/curriculum": { perms: ["curriculum.view"] },
  "/org/dictionaries": { perms: ["dict.edit"] },
  "/org/load": { perms: ["curriculum.view"] },
  "/org/periods": { perms: ["periods.edit"] },
  "/org/subjects": { perms: ["classes.view"] },
  "/people": { perms: ["people.brief"] },
  "/people/classes/[classId]": { roles: PEOPLE_READERS },
  "/people/import": { perms: ["movement.edit"] },
  "/people/movement": { perms: ["movement.view"] },
  "/people/parents/[parentId]": { roles: PEOPLE_READERS },
  "/people/staff": { perms: ["staff.brief"] },
  "/people/staff/[staffId]": { perms: ["staff.brief"] },
  "/people/students/[studentId]": { roles: PEOPLE_READERS },
  "/plans": { roles: ["ADMIN", "DIRECTOR", "DEPUTY", "HEAD_OF_DEPT", "TEACHER", "CLASS_TEACHER"] },
  "/plans/[planId]": { roles: except() },
  "/plans/fulfilment": { perms: ["plans.viewAll"] },
  // PRG-4: staff pick a class; a family (scope «self») is sent on to the diary's tab.
  "/plans/assessments": { perms: ["assessments.view"] },
  "/diary/[studentId]/assessments": { perms: ["assessments.view"] },
  // PRG-2 open enrolment: the family's own child (clubs.enrol «self»).
  "/diary/[studentId]/clubs": { perms: ["clubs.enrol"] },
  "/plans/programmes": { perms: ["programmes.approve", "programmes.edit"] },
  "/plans/programmes/[programmeId]": { perms: ["programmes.approve", "programmes.edit"] },
  // PRG-2: the sweep opens the club the TEACHER leads; the CLASS_TEACHER login leads another one.
  "/clubs": { perms: ["clubs.manage", "clubs.journal"] },
  "/clubs/[clubId]": { roles: ["ADMIN", "DEPUTY", "SCHEDULER", "TEACHER"] },
  "/clubs/[clubId]/journal": { roles: ["ADMIN", "DEPUTY", "TEACHER"] },
  "/reports": { perms: ["reports.admin", "reports.class"] },
  "/schedule": { signedIn: true },
  "/schedule/changes": { perms: ["schedule.edit"] },
  "/schedule/edit": { perms: ["schedule.edit"] },
  "/schedule/events": { perms: ["events.school", "events.class"] },
  "/schedule/exams": { perms: ["schedule.viewAll", "schedule.viewOwn"] },
  "/schedule/feed": { perms: ["schedule.viewOwn"] },
  "/schedule/lessons": { perms: ["schedule.edit"] },
  "/schedule/approval": { perms: ["timetable.approve", "schedule.edit"] },
  "/schedule/setup": { perms: ["schedule.edit"] },
  "/api-docs": { signedIn: true },
  "/archive": { perms: ["archive.manage"] },
  "/archive/register": { perms: ["archive.manage"] },
  "/org/decisions": { perms: ["decisions.edit"] },
  "/control": { perms: ["control.view"] },
  "/control/activity": { perms: ["control.view"], scopeAll: true },
  "/control/remarks": { perms: ["remarks.write", "control.view"] },
  "/diary/[studentId]/marks": { perms: ["diary.view"] },
  "/finals": { perms: ["finals.viewAll", "finals.viewOwn", "finals.editAll", "finals.editOwn"] },
  "/org/curriculum/totals": { perms: ["curriculum.view"] },
  "/org/departments": { perms: ["org.view"] },
  "/ping": { signedIn: true },
  "/profile": { signedIn: true },
  "/profile/notifications": { signedIn: true },
  "/profile/tokens": { signedIn: true },
  // LRN-1…LRN-5 (issue 23).
  "/handins": { perms: ["homework.review"] },
  "/handins/[homeworkId]": { perms: ["homework.review", "journal.viewAll", "journal.viewOwn"] },
  "/diary/[studentId]/handin/[homeworkId]": { perms: ["diary.view"] },
  "/materials": { perms: ["materials.view"] },
  // The store opens for everyone; each document's own list of roles decides (families: LRN-3).
  "/documents": { signedIn: true },
  "/documents/[documentId]": { signedIn: true },
  "/documents/regulation": { signedIn: true },
  "/resources": { perms: ["resources.view"] },
  "/portfolio": { perms: ["portfolio.view", "portfolio.edit"] },
  "/portfolio/[studentId]": { perms: ["portfolio.view", "portfolio.edit"] },
  // A teacher's portfolio: the teacher themself (not the probe's id) and the administration.
  "/portfolio/staff/[userId]": { roles: ["ADMIN", "DIRECTOR", "DEPUTY", "HEAD_OF_DEPT"] },
};

/** Route handler path → who may call it (one method per file is probed; all exported methods are listed). */
export const ROUTES: Record<string, RouteRule> = {
  "/api/region/report": {
    authority: ["region.reports"],
    method: "GET",
    probe: () => ({ query: "kind=progress&from=2026-09-01&to=2026-10-31&format=xlsx" }),
  },
  // REG-2: the account's background territory reports (POST orders one: tests/integration/region-jobs.test.ts).
  "/api/region/report/jobs": { authority: ["region.reports"], method: "GET" },
  "/api/region/report/jobs/[id]": {
    authority: ["region.reports"],
    method: "GET",
    probe: () => ({ params: { id: "1" }, query: "download=1" }),
  },
  "/api/auth/[...nextauth]": { public: true, method: "GET" },
  "/api/calendar/[token]": { public: true, method: "GET", probe: () => ({ params: { token: "x".repeat(43) } }) },
  // Operations (issue 26): no user data; /api/metrics is gated by METRICS_TOKEN / METRICS_ALLOW, not a user's right.
  "/api/health/live": { public: true, method: "GET" },
  "/api/health/ready": { public: true, method: "GET" },
  "/api/metrics": { public: true, method: "GET" },
  // A cell of lessonA (class A, the teacher's load): ADMIN edits all, the teacher own lessons.
  "/api/journal/cell": {
    roles: ["ADMIN", "TEACHER"],
    method: "POST",
    probe: (f) => ({
      body: JSON.stringify({
        kind: "attendance",
        lessonId: f.lessonA,
        studentId: f.studentA,
        input: "н",
        version: 999,
      }),
    }),
  },
  "/api/journal/files/[id]": { signedIn: true, method: "GET", probe: () => ({ params: { id: "999999" } }) },
  "/api/journal/history": {
    roles: ["ADMIN", "DIRECTOR", "DEPUTY", "HEAD_OF_DEPT", "TEACHER", "CLASS_TEACHER"],
    method: "GET",
    probe: (f) => ({ query: `lessonId=${f.lessonA}&kind=lesson` }),
  },
  // Issue 22 item 4: the grid's lessons before lessonA (the journal page's gate and class scope).
  "/api/journal/grid": {
    roles: ["ADMIN", "DIRECTOR", "DEPUTY", "HEAD_OF_DEPT", "TEACHER", "CLASS_TEACHER"],
    method: "GET",
    probe: (f) => ({ query: `class=${f.classA}&subject=${f.subject}&from=${f.lessonA}&to=${f.lessonA}&dir=before` }),
  },
  "/api/journal/protocol": {
    roles: ["ADMIN", "DIRECTOR", "DEPUTY", "HEAD_OF_DEPT", "TEACHER", "CLASS_TEACHER"],
    method: "GET",
    probe: (f) => ({ query: `lessonId=${f.lessonA}&assignmentId=999999` }),
  },
  "/api/messages/attachments/[attachmentId]": {
    perms: ["mail.use"],
    method: "GET",
    probe: () => ({ params: { attachmentId: "999999" } }),
  },
  "/api/plans/[planId]/xlsx": { signedIn: true, method: "GET", probe: () => ({ params: { planId: "999999" } }) },
  // Issue 22 item 7: one fulfilment line's sections, fetched when opened (the page's gate, on the line's class).
  "/plans/fulfilment/sections": {
    perms: ["plans.viewAll"],
    method: "GET",
    probe: (f) => ({ query: `class=${f.classA}&subject=${f.subject}` }),
  },
  "/api/reports/[report]": {
    perms: ["reports.admin", "reports.class"],
    method: "GET",
    probe: (f) => ({
      params: { report: "attendance" },
      query: `classId=${f.classA}&from=2026-09-01&to=2026-09-30&format=xlsx`,
    }),
  },
  "/people/classes/[classId]/export": {
    perms: ["people.manage"],
    method: "GET",
    probe: (f) => ({ params: { classId: String(f.classA) }, query: "list=students" }),
  },
  "/people/logins/slips": {
    perms: ["users.issueStaff", "users.issueFamily"],
    method: "POST",
    probe: () => ({ body: "" }),
  },
  "/people/students/[studentId]/medical": {
    perms: ["people.medical"],
    method: "PUT",
    probe: (f) => ({ params: { studentId: String(f.studentA) }, body: "{}" }),
  },
  "/admin/visits/export": { perms: ["audit.view"], method: "GET" },
  "/people/movement/export": { perms: ["movement.view"], method: "GET" },
  "/people/staff/export": { perms: ["staff.brief"], method: "GET" },
  // DRY-7: the diary's view recorded after the page is shown (issue 19 item 6).
  "/diary/[studentId]/seen": {
    perms: ["diary.view"],
    method: "POST",
    probe: (f) => ({ params: { studentId: String(f.studentA) } }),
  },
  "/diary/[studentId]/report": {
    perms: ["reports.self", "reports.admin", "reports.class"],
    method: "GET",
    probe: (f) => ({ params: { studentId: String(f.studentA) } }),
  },
  "/api/archive/file": {
    perms: ["archive.manage"],
    method: "GET",
    probe: () => ({ query: "set=999999&file=manifest" }),
  },
  "/api/archive/register": { perms: ["archive.manage"], method: "GET" },
  "/api/archive/act": { perms: ["archive.manage"], method: "GET", probe: () => ({ query: "id=999999" }) },
  "/api/assessments": {
    perms: ["assessments.view"],
    method: "GET",
    probe: (f) => ({ query: `studentId=${f.studentA}&format=xlsx` }),
  },
  // PRG-2 + RPT-3: the clubs' attendance report; without clubId a leader gets their own clubs (404 when none).
  "/api/clubs/report": {
    perms: ["clubs.manage", "clubs.journal"],
    method: "GET",
    probe: () => ({ query: "from=2026-09-01&to=2026-09-30&format=xlsx" }),
  },
  "/api/control/report": {
    perms: ["control.view"],
    method: "GET",
    probe: () => ({ query: "report=fill&format=xlsx&from=2026-09-01&to=2026-09-30" }),
  },
  "/api/reports/jobs": { perms: ["reports.admin", "reports.class"], method: "GET" },
  "/api/reports/jobs/[id]": {
    perms: ["reports.admin", "reports.class"],
    method: "GET",
    probe: () => ({ params: { id: "999999" } }),
  },
  // The open API (API-1): a cookie session is accepted like a token; the same gate as the pages.
  "/api/v1/openapi.json": { public: true, method: "GET" },
  "/api/v1/me": { signedIn: true, method: "GET" },
  "/api/v1/announcements": { perms: ["board.view"], method: "GET" },
  "/api/v1/children": { perms: ["diary.view"], method: "GET" },
  "/api/v1/mail": { perms: ["mail.use"], method: "POST", probe: () => ({ body: "{}" }) },
  "/api/v1/mail/inbox": { perms: ["mail.use"], method: "GET" },
  "/api/v1/mail/sent": { perms: ["mail.use"], method: "GET" },
  "/api/v1/mail/[messageId]": {
    perms: ["mail.use"],
    method: "GET",
    probe: () => ({ params: { messageId: "999999" } }),
  },
  "/api/v1/students/[studentId]/attendance": {
    perms: ["diary.view"],
    method: "GET",
    probe: (f) => ({ params: { studentId: String(f.studentA) } }),
  },
  "/api/v1/students/[studentId]/diary": {
    perms: ["diary.view"],
    method: "GET",
    probe: (f) => ({ params: { studentId: String(f.studentA) } }),
  },
  "/api/v1/students/[studentId]/homework": {
    perms: ["diary.view"],
    method: "GET",
    probe: (f) => ({ params: { studentId: String(f.studentA) } }),
  },
  "/api/v1/students/[studentId]/marks": {
    perms: ["diary.view"],
    method: "GET",
    probe: (f) => ({ params: { studentId: String(f.studentA) } }),
  },
  "/api/v1/students/[studentId]/schedule": {
    perms: ["diary.view"],
    method: "GET",
    probe: (f) => ({ params: { studentId: String(f.studentA) } }),
  },
  "/api/v1/students/[studentId]/files/[fileId]": {
    perms: ["diary.view"],
    method: "GET",
    probe: (f) => ({ params: { studentId: String(f.studentA), fileId: "999999" } }),
  },
  "/api/absences/file": {
    perms: ["absence.record", "absence.notify"],
    method: "GET",
    probe: () => ({ query: "kind=notice&id=999999" }),
  },
  "/api/v1/teacher/lessons": { perms: ["journal.viewAll", "journal.viewOwn"], method: "GET" },
  "/api/v1/teacher/journal": { perms: ["journal.viewAll", "journal.viewOwn"], method: "GET" },
  // LRN-1…LRN-5 (issue 23).
  "/api/v1/students/[studentId]/handins": {
    perms: ["diary.view"],
    method: "GET",
    probe: (f) => ({ params: { studentId: String(f.studentA) } }),
  },
  "/api/v1/students/[studentId]/handins/[homeworkId]": {
    perms: ["diary.view"],
    method: "GET",
    probe: (f) => ({ params: { studentId: String(f.studentA), homeworkId: "999999" } }),
  },
  "/api/v1/students/[studentId]/handins/[homeworkId]/files/[fileId]": {
    perms: ["diary.view"],
    method: "GET",
    probe: (f) => ({ params: { studentId: String(f.studentA), homeworkId: "999999", fileId: "999999" } }),
  },
  // A hand-in's file: the student's family or the lesson's journal viewers, decided on the file.
  "/api/handins/files/[id]": { signedIn: true, method: "GET", probe: () => ({ params: { id: "999999" } }) },
  "/api/learning/lesson": {
    roles: ["ADMIN", "DIRECTOR", "DEPUTY", "HEAD_OF_DEPT", "TEACHER", "CLASS_TEACHER"],
    method: "GET",
    probe: (f) => ({ query: `lessonId=${f.lessonA}` }),
  },
  "/api/materials/[id]": { perms: ["materials.view"], method: "GET", probe: () => ({ params: { id: "999999" } }) },
  // A document's version: its own list of roles decides, on the document.
  "/api/documents/versions/[id]": { signedIn: true, method: "GET", probe: () => ({ params: { id: "999999" } }) },
  "/api/portfolio/files/[id]": { signedIn: true, method: "GET", probe: () => ({ params: { id: "999999" } }) },
  "/portfolio/[studentId]/pdf": {
    perms: ["portfolio.view"],
    method: "GET",
    probe: (f) => ({ params: { studentId: String(f.studentA) } }),
  },
  "/portfolio/staff/[userId]/pdf": {
    roles: ["ADMIN", "DIRECTOR", "DEPUTY", "HEAD_OF_DEPT"],
    method: "GET",
    probe: () => ({ params: { userId: "999999" } }),
  },
};

const form = (fields: Record<string, string | number>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, String(v));
  return fd;
};

/** "file#export" → the permission(s) its gate checks; `signedIn` for self-service actions. */
export const ACTIONS: Record<string, ActionRule> = {
  "lib/access/actions.ts#saveMatrixAction": { perms: ["acl.edit"], sample: () => [null, form({})] },
  "lib/auth/actions.ts#changePasswordAction": { signedIn: true },
  "lib/auth/actions.ts#signOutAction": { signedIn: true },
  "lib/auth/actions.ts#afterSignInAction": { signedIn: true },
  "lib/region/users/actions.ts#issueAuthorityLoginAction": {
    authority: ["region.users"],
    sample: () => [null, form({ lastName: "Проверкин", firstName: "Тест", role: "REGIONAL_SPECIALIST" })],
  },
  "lib/region/users/actions.ts#setAuthorityActiveAction": {
    authority: ["region.users"],
    sample: () => [999999, false],
  },
  "lib/region/users/actions.ts#resetAuthorityPasswordAction": { authority: ["region.users"], sample: () => [999999] },
  "lib/journal/lesson/actions.ts#saveTopicAction": {
    perms: ["journal.editAll", "journal.editOwn"],
    sample: (f) => [
      null,
      form({ lessonId: f.lessonA, version: 0, topic: "Тема", content: "", planTopicId: "", hours: "" }),
    ],
  },
  "lib/journal/lesson/actions.ts#saveHomeworkAction": { perms: ["journal.editAll", "journal.editOwn"] },
  "lib/journal/lesson/actions.ts#saveAssignmentAction": { perms: ["journal.editAll", "journal.editOwn"] },
  "lib/journal/lesson/actions.ts#saveProtocolAction": { perms: ["journal.editAll", "journal.editOwn"] },
  "lib/journal/lesson/actions.ts#requestUnlockAction": {
    perms: ["journal.editAll", "journal.editOwn"],
    sample: (f) => [null, form({ lessonId: f.lessonA, reason: "Исправить отметку" })],
  },
  "lib/journal/reasons/actions.ts#saveReasonsAction": {
    perms: ["attendance.reason"],
    sample: (f) => [null, form({ classId: f.classA })],
  },
  "lib/journal/unlock/actions.ts#decideUnlockAction": { perms: ["journal.unlock"] },
  "lib/journal/unlock/actions.ts#openDatesAction": {
    perms: ["journal.unlock"],
    sample: (f) => [
      null,
      form({ classId: f.classA, subjectId: f.subject, from: "2026-11-16", to: "2026-11-20", reason: "Исправление" }),
    ],
  },
  "lib/journal/hospital/actions.ts#createCertificateAction": {
    perms: ["journal.hospital"],
    sample: (f) => [
      null,
      form({
        studentId: f.studentA,
        number: "12",
        issuedOn: "2026-11-20",
        stayFrom: "2026-11-02",
        stayTo: "2026-11-20",
      }),
    ],
  },
  "lib/journal/hospital/actions.ts#saveHospitalMarksAction": { perms: ["journal.hospital"] },
  "lib/journal/closing/actions.ts#closePeriodAction": {
    perms: ["period.close"],
    sample: () => [null, form({ periodId: 1, target: "all", basis: "приказ № 1" })],
  },
  "lib/journal/lesson/actions.ts#saveHomeworkMarkerAction": { perms: ["journal.editAll", "journal.editOwn"] },
  "lib/absences/actions.ts#recordAbsenceAction": {
    perms: ["absence.record"],
    sample: (f) => [
      null,
      form({
        studentId: f.studentA,
        dateFrom: "2026-11-16",
        dateTo: "2026-11-18",
        reason: "B",
        documentKind: "справка медицинской организации",
      }),
    ],
  },
  "lib/absences/actions.ts#updateAbsenceAction": {
    perms: ["absence.record"],
    sample: () => [
      null,
      form({
        absenceId: 999999,
        dateFrom: "2026-11-16",
        dateTo: "2026-11-18",
        reason: "B",
        documentKind: "справка медицинской организации",
      }),
    ],
  },
  "lib/absences/actions.ts#withdrawAbsenceAction": {
    perms: ["absence.record"],
    sample: () => [null, form({ absenceId: 999999 })],
  },
  "lib/absences/actions.ts#fileNoticeAction": {
    perms: ["absence.notify"],
    sample: (f) => [null, form({ studentId: f.studentA, dateFrom: "2026-11-16", dateTo: "2026-11-17", reason: "B" })],
  },
  "lib/absences/actions.ts#decideNoticeAction": {
    perms: ["absence.record"],
    sample: () => [null, form({ decision: "decline", noticeId: 999999, declineReason: "Нет справки" })],
  },
  "lib/risk/actions.ts#notifyRiskAction": {
    perms: ["risk.notify"],
    sample: (f) => {
      const fd = form({ classId: f.classA, text: "Уважаемые родители, сообщаем о риске" });
      fd.append("studentId", String(f.studentA));
      return [null, fd];
    },
  },
  "lib/control/checks/actions.ts#recordCheckAction": {
    perms: ["control.check"],
    sample: (f) => [null, form({ classId: f.classA, result: "OK" })],
  },
  "lib/messages/actions.ts#postAnnouncementAction": { perms: ["board.post"] },
  "lib/messages/actions.ts#deleteAnnouncementAction": { perms: ["board.post"] },
  "lib/messages/forum/actions.ts#createTopicAction": { perms: ["forum.use"] },
  "lib/messages/forum/actions.ts#addPostAction": { perms: ["forum.use"] },
  "lib/messages/forum/actions.ts#hidePostAction": { perms: ["forum.use"] },
  "lib/messages/forum/actions.ts#moderatorAction": { perms: ["forum.moderate"] },
  "lib/messages/mail/actions.ts#sendMessageAction": { perms: ["mail.use"] },
  "lib/org/actions.ts#saveEntityAction": {
    perms: ["org.edit", "dict.edit", "classes.edit", "curriculum.edit", "periods.edit"],
  },
  "lib/org/actions.ts#deleteEntityAction": {
    perms: ["org.edit", "dict.edit", "classes.edit", "curriculum.edit", "periods.edit"],
  },
  "lib/org/actions.ts#saveOrgCardAction": { perms: ["org.edit"], sample: () => [null, form({})] },
  "lib/org/actions.ts#saveSettingsAction": { perms: ["org.settings"], sample: () => [null, form({})] },
  "lib/org/subgroups/actions.ts#saveSubgroupMembersAction": { perms: ["subgroups.all", "subgroups.own"] },
  "lib/org/year/actions.ts#yearTransitionAction": { perms: ["year.transition"], sample: () => [null, form({})] },
  "lib/org/year/actions.ts#reopenYearAction": {
    perms: ["year.reopen"],
    sample: () => [null, form({ yearId: 1, reason: "Исправление ошибки" })],
  },
  "lib/archive/actions.ts#closeYearAgainAction": {
    perms: ["year.transition"],
    sample: () => [null, form({ yearId: 1 })],
  },
  "lib/people/actions.ts#saveStudentSectionAction": {
    perms: ["people.manage", "people.medical", "people.psych"],
    sample: (f) => [f.studentA, "medical", null, form({})],
  },
  "lib/people/actions.ts#addParentAction": { perms: ["people.manage"], sample: (f) => [f.studentA, null, form({})] },
  "lib/people/actions.ts#unlinkParentAction": { perms: ["people.manage"], sample: (f) => [f.studentA, f.parentA] },
  "lib/people/import/actions.ts#importAction": { perms: ["movement.edit"] },
  "lib/people/import/actions.ts#addStudentAction": { perms: ["movement.edit"] },
  "lib/people/logins/actions.ts#createStaffAction": { perms: ["users.issueStaff"], sample: () => [null, form({})] },
  "lib/people/logins/actions.ts#unlockUserAction": {
    perms: ["users.issueStaff", "users.issueFamily"],
    sample: (f) => [f.staffUser, "/people"],
  },
  "lib/people/movement/actions.ts#recordMovementAction": { perms: ["movement.edit"] },
  "lib/people/staff/actions.ts#saveStaffAction": {
    perms: ["staff.manage"],
    sample: (f) => [f.staffUser, null, form({})],
  },
  "lib/plans/actions.ts#createPlanAction": { perms: ["plans.editAll", "plans.editOwn"] },
  "lib/plans/actions.ts#saveTopicsAction": { perms: ["plans.editAll", "plans.editOwn"] },
  "lib/plans/actions.ts#setAutoHomeworkAction": { perms: ["plans.editAll", "plans.editOwn"] },
  "lib/plans/actions.ts#workflowAction": { perms: ["plans.editAll", "plans.editOwn", "plans.approve"] },
  "lib/plans/actions.ts#reviewPlanAction": { perms: ["plans.approve"] },
  "lib/plans/actions.ts#bindAction": { perms: ["plans.approve", "plans.editAll", "plans.editOwn"] },
  "lib/plans/actions.ts#importAction": { perms: ["plans.editAll", "plans.editOwn"] },
  "lib/plans/actions.ts#copyPlanAction": { perms: ["plans.editAll", "plans.editOwn"] },
  "lib/schedule/changes/actions.ts#createChangeAction": { perms: ["schedule.edit"] },
  "lib/schedule/changes/actions.ts#createSubstitutionAction": { perms: ["schedule.edit"] },
  "lib/schedule/events/actions.ts#createEventAction": { perms: ["events.school", "events.class"] },
  "lib/schedule/exams/actions.ts#createExamAction": { perms: ["schedule.edit"] },
  "lib/schedule/feed/actions.ts#feedAction": {
    perms: ["schedule.viewOwn"],
    sample: () => [null, form({ intent: "create" })],
  },
  "lib/schedule/lessons/actions.ts#generateLessonsAction": {
    perms: ["schedule.edit"],
    sample: (f) => [null, form({ classId: f.classA, from: "2026-11-23", to: "2026-11-24" })],
  },
  "lib/schedule/setup/actions.ts#saveBellScheduleAction": { perms: ["schedule.edit"] },
  "lib/schedule/setup/actions.ts#assignBellScheduleAction": { perms: ["schedule.edit"] },
  "lib/schedule/setup/actions.ts#saveRoomAction": { perms: ["schedule.edit"] },
  "lib/schedule/timetable/actions.ts#saveEntryAction": { perms: ["schedule.edit"] },
  "lib/schedule/timetable/actions.ts#deleteEntryAction": { perms: ["schedule.edit"] },
  // PRG-1: work programmes; a КТП from one goes through the plans' own gate as well.
  "lib/programmes/actions.ts#createProgrammeAction": {
    perms: ["programmes.edit"],
    sample: (f) => [null, form({ subjectId: f.subject, title: "Программа" })],
  },
  "lib/programmes/actions.ts#saveSectionsAction": {
    perms: ["programmes.edit"],
    sample: () => [null, form({ programmeId: 2_000_000_000, sections: "Раздел; 1" })],
  },
  "lib/programmes/actions.ts#programmeStepAction": {
    perms: ["programmes.edit"],
    sample: () => [null, form({ programmeId: 2_000_000_000, step: "submit" })],
  },
  "lib/programmes/actions.ts#reviewProgrammeAction": {
    perms: ["programmes.approve"],
    sample: () => [null, form({ programmeId: 2_000_000_000, decision: "approve" })],
  },
  "lib/programmes/actions.ts#createKtpFromProgrammeAction": {
    perms: ["programmes.edit", "plans.editOwn", "plans.editAll"],
    sample: () => [null, form({ programmeId: 2_000_000_000, loadId: 2_000_000_000 })],
  },
  // PRG-2: clubs are kept through clubs.manage; the journal through clubs.journal (the leader's own club).
  "lib/clubs/actions.ts#saveClubAction": {
    perms: ["clubs.manage"],
    sample: (f) => [null, form({ name: "Шахматы", leaderId: f.staffUser })],
  },
  "lib/clubs/actions.ts#addClubMemberAction": {
    perms: ["clubs.manage"],
    sample: (f) => [null, form({ clubId: 2_000_000_000, studentId: f.studentA })],
  },
  "lib/clubs/actions.ts#removeClubMemberAction": {
    perms: ["clubs.manage"],
    sample: (f) => [null, form({ clubId: 2_000_000_000, studentId: f.studentA })],
  },
  "lib/clubs/actions.ts#saveClubSlotAction": {
    perms: ["clubs.manage"],
    sample: () => [null, form({ clubId: 2_000_000_000, weekday: 2, start: "15:00", end: "15:45" })],
  },
  "lib/clubs/actions.ts#deleteClubSlotAction": {
    perms: ["clubs.manage"],
    sample: () => [null, form({ clubId: 2_000_000_000, slotId: 2_000_000_000 })],
  },
  "lib/clubs/actions.ts#saveClubPlanAction": {
    perms: ["clubs.manage", "clubs.journal"],
    sample: () => [null, form({ clubId: 2_000_000_000, plan: "Тема" })],
  },
  "lib/clubs/actions.ts#enrolInClubAction": {
    perms: ["clubs.enrol"],
    sample: (f) => [null, form({ clubId: 2_000_000_000, studentId: f.studentA })],
  },
  "lib/clubs/actions.ts#leaveClubAction": {
    perms: ["clubs.enrol"],
    sample: (f) => [null, form({ clubId: 2_000_000_000, studentId: f.studentA })],
  },
  "lib/clubs/actions.ts#saveClubSessionAction": {
    perms: ["clubs.journal"],
    sample: () => [null, form({ clubId: 2_000_000_000, date: "2026-11-17", topic: "Тема" })],
  },
  // PRG-3: the whole school's timetable is submitted by an «all» scheduler; the director decides.
  // PRG-4: the deputy publishes a class's assessment schedule.
  "lib/assessments/actions.ts#publishAssessmentsAction": {
    perms: ["assessments.publish"],
    sample: (f) => [null, form({ classId: f.classA, periodId: 2_000_000_000 })],
  },
  "lib/schedule/approval/actions.ts#submitTimetableAction": {
    perms: ["schedule.edit"],
    scopeAll: true,
    sample: () => [null, form({ note: "" })],
  },
  "lib/schedule/approval/actions.ts#approveTimetableAction": {
    perms: ["timetable.approve"],
    sample: () => [null, form({ versionId: 2_000_000_000 })],
  },
  "lib/schedule/approval/actions.ts#returnTimetableAction": {
    perms: ["timetable.approve"],
    sample: () => [null, form({ versionId: 2_000_000_000, comment: "Исправить" })],
  },
  "lib/api/actions.ts#createTokenAction": { signedIn: true },
  "lib/api/actions.ts#revokeTokenAction": { signedIn: true },
  "lib/webhooks/actions.ts#createSubscriptionAction": { perms: ["webhooks.manage"] },
  "lib/webhooks/actions.ts#toggleSubscriptionAction": { perms: ["webhooks.manage"] },
  "lib/webhooks/actions.ts#deleteSubscriptionAction": { perms: ["webhooks.manage"] },
  "lib/external/actions.ts#importResultsAction": { perms: ["results.import"] },
  "lib/push/actions.ts#savePushSubscriptionAction": { signedIn: true },
  "lib/push/actions.ts#removePushSubscriptionAction": { signedIn: true },
  "lib/archive/actions.ts#buildArchiveAction": { perms: ["archive.manage"] },
  "lib/archive/actions.ts#verifyArchiveAction": { perms: ["archive.manage"] },
  // REC-5: the retention setting (ADMIN) and the act of destruction ADMIN confirms.
  "lib/archive/actions.ts#saveRetentionAction": {
    perms: ["org.settings"],
    sample: () => [null, form({ "summary-year": 25, summary: 25, journal: 5, export: 5 })],
  },
  "lib/archive/actions.ts#disposeAction": {
    perms: ["archive.dispose"],
    sample: () => [null, form({ documentId: 999999, confirm: "1" })],
  },
  // REC-4: a batch of council decisions on class A.
  "lib/org/decisions/actions.ts#saveDecisionsAction": {
    perms: ["decisions.edit"],
    sample: (f) => [
      null,
      form({
        yearId: 999999,
        classId: f.classA,
        protocolNumber: "5",
        protocolDate: "2026-11-20",
        [`decision_${f.studentA}`]: "PROMOTED",
      }),
    ],
  },
  "lib/control/actions.ts#createRemarkAction": { perms: ["remarks.write"] },
  "lib/control/actions.ts#moveRemarkAction": { perms: ["remarks.write", "remarks.resolve"] },
  "lib/finals/actions.ts#saveFinalAction": { perms: ["finals.editAll", "finals.editOwn"], sample: () => [{}] },
  "lib/people/actions.ts#saveParentAction": { perms: ["people.manage"] },
  "lib/people/actions.ts#addChildLinkAction": { perms: ["people.manage"] },
  "lib/people/actions.ts#removeChildLinkAction": { perms: ["people.manage"] },
  "lib/people/logins/actions.ts#setLoginActiveAction": { perms: ["users.delete"] },
  // LRN-1…LRN-5 (issue 23).
  "lib/learning/handin/actions.ts#submitHandinAction": {
    perms: ["homework.handin"],
    sample: (f) => [null, form({ homeworkId: 999999, studentId: f.studentA, text: "Ответ" })],
  },
  "lib/learning/handin/actions.ts#reviewHandinAction": {
    perms: ["homework.review"],
    sample: () => [null, form({ submissionId: 999999, version: 1, comment: "", mark: "5" })],
  },
  "lib/learning/handin/actions.ts#saveHandinSettingsAction": {
    perms: ["journal.editAll", "journal.editOwn"],
    sample: () => [null, form({ homeworkId: 999999, handin: "off" })],
  },
  "lib/learning/materials/actions.ts#createMaterialAction": {
    perms: ["materials.edit"],
    sample: (f) => [
      null,
      form({ title: "Ссылка", subjectId: f.subject, grade: "", classId: "", kind: "LINK", url: "https://example.org" }),
    ],
  },
  "lib/learning/materials/actions.ts#deleteMaterialAction": {
    perms: ["materials.edit"],
    sample: () => [null, form({ materialId: 999999 })],
  },
  "lib/learning/materials/actions.ts#attachMaterialAction": {
    perms: ["journal.editAll", "journal.editOwn", "plans.editAll", "plans.editOwn"],
    sample: (f) => [null, form({ target: "lesson", targetId: f.lessonA, materialId: 999999, intent: "attach" })],
  },
  "lib/documents/actions.ts#createDocumentAction": {
    perms: ["docs.edit"],
    sample: () => [null, form({ title: "Приказ" })],
  },
  "lib/documents/actions.ts#updateDocumentAction": {
    perms: ["docs.edit"],
    sample: () => [null, form({ documentId: 999999 })],
  },
  "lib/documents/actions.ts#addVersionAction": {
    perms: ["docs.edit"],
    sample: () => [null, form({ documentId: 999999 })],
  },
  "lib/resources/actions.ts#saveResourceAction": {
    perms: ["resources.edit"],
    sample: () => [null, form({ title: "Ресурс", visibleTo: "PARENT" })],
  },
  "lib/portfolio/actions.ts#addAchievementAction": {
    perms: ["portfolio.edit"],
    sample: (f) => [
      null,
      form({ studentId: f.studentA, kind: "OLYMPIAD", level: "SCHOOL", title: "Олимпиада", date: "2026-11-20" }),
    ],
  },
  "lib/portfolio/actions.ts#decideAchievementAction": {
    perms: ["portfolio.confirm", "portfolio.edit"],
    sample: () => [null, form({ achievementId: 999999, intent: "confirm" })],
  },
  "lib/portfolio/actions.ts#addStaffAchievementAction": {
    perms: ["portfolio.edit"],
    sample: (f) => [null, form({ userId: f.staffUser, kind: "COURSE", title: "Курсы", date: "2026-11-20" })],
  },
  "lib/portfolio/actions.ts#deleteStaffAchievementAction": {
    perms: ["portfolio.edit"],
    sample: () => [null, form({ entryId: 999999 })],
  },
};

/** Names that count as reaching the access gate in a server action's body (lib/access, lib/auth). */
export const GATE_CALLS = [
  "requireAccessForAction",
  "requireAccessAsAuthorityForAction",
  "authorize",
  "authorizeAny",
  "authorizeAnyOnLesson",
  "authorizeJournal",
] as const;

/**
 * REG-1: what an education-authority account may use besides the `authority` rows — its own
 * password and session. Everything else in the table (every organisation page, route, API resource
 * and action) must refuse it: tests/integration/sweep-access.test.ts «authority accounts» runs the
 * whole table for each authority role.
 */
export const AUTHORITY_SELF_SERVICE: ReadonlySet<string> = new Set([
  "/change-password",
  "lib/auth/actions.ts#changePasswordAction",
  "lib/auth/actions.ts#signOutAction",
  "lib/auth/actions.ts#afterSignInAction",
]);

/** The gate of self-service actions (own password, own session, own API tokens and push devices). */
export const SIGNED_IN_CALLS = [
  "getCurrentUser",
  "requireUser",
  "requireUserForAction",
  "requireAccessToOwnSettings",
] as const;

// ---------------------------------------------------------------------------------------------
// SEC-2: how each server action treats rows that already exist. tests/integration/sweep-stored.test.ts
// requires one line per ACTIONS entry and runs every probe: signed in as a user whose scope is
// narrower than «all», it submits values inside that scope for a stored row outside it (refused,
// nothing written) and for one inside it (admitted — so the probe itself is well formed).

export type StoredProbe = {
  /** What is tried, e.g. «a curriculum row of class B saved as class A's». */
  name: string;
  /** A matrix column whose scope for the action's permission is narrower than «all». */
  as: MatrixColumn;
  call: (f: SweepIds, s: StoredIds, row: "in" | "out") => unknown[];
};

export type StoredRule =
  /** Updates or deletes rows found by an id: probed. */
  | { probes: readonly StoredProbe[] }
  /** Only inserts rows; their scope is the submitted one, which the gate checks. */
  | { creates: string }
  /** Only the signed-in user's own rows (password, session, tokens, devices, feed link). */
  | { own: string }
  /** Every permission of the action has the «all» scope only (checked against the matrix). */
  | { orgWide: true }
  /** The action itself demands the «all» scope for existing rows. */
  | { allScope: string }
  /** The rows are found through the authorised target itself (no other row can be named). */
  | { keyed: string }
  /** The rows carry no class, department or teacher scope. */
  | { unscoped: string };

const entity = (name: string, row: number, fields: Record<string, string | number>) => [
  name,
  row,
  null,
  null,
  form(fields),
];

export const STORED: Record<string, StoredRule> = {
  "lib/access/actions.ts#saveMatrixAction": { orgWide: true },
  "lib/auth/actions.ts#changePasswordAction": { own: "the own password" },
  "lib/auth/actions.ts#signOutAction": { own: "the own session" },
  "lib/auth/actions.ts#afterSignInAction": { own: "reads the own session" },
  // REG-1: authority accounts, not organisation rows; the region check is tests/integration/region-users.test.ts.
  "lib/region/users/actions.ts#issueAuthorityLoginAction": {
    creates: "an authority login of the administrator's region",
  },
  "lib/region/users/actions.ts#setAuthorityActiveAction": {
    keyed: "an authority login of the administrator's region (accountInRegion), else NOT_FOUND",
  },
  "lib/region/users/actions.ts#resetAuthorityPasswordAction": {
    keyed: "an authority login of the administrator's region (accountInRegion), else NOT_FOUND",
  },
  "lib/journal/lesson/actions.ts#saveTopicAction": { keyed: "the lesson is the target" },
  "lib/journal/lesson/actions.ts#saveHomeworkAction": {
    keyed: "the lesson is the target; its homework is found by it",
  },
  "lib/journal/lesson/actions.ts#saveAssignmentAction": {
    probes: [
      {
        name: "another lesson's assignment sent with the teacher's own lesson",
        as: "TEACHER",
        call: (f, s, row) => [
          null,
          form({
            lessonId: f.lessonA,
            assignmentId: s.assignment[row],
            intent: "save",
            typeId: s.assignmentType,
            description: "Проверка",
            weight: "",
            dueDate: "",
          }),
        ],
      },
    ],
  },
  "lib/journal/lesson/actions.ts#saveProtocolAction": {
    probes: [
      {
        name: "another lesson's control work sent with the teacher's own lesson",
        as: "TEACHER",
        call: (f, s, row) => [null, form({ lessonId: f.lessonA, assignmentId: s.assignment[row], tasks: "5" })],
      },
    ],
  },
  "lib/journal/lesson/actions.ts#requestUnlockAction": { creates: "an unlock request for the lesson" },
  "lib/journal/reasons/actions.ts#saveReasonsAction": {
    probes: [
      {
        name: "an absence of another class sent with the class teacher's own class",
        as: "CLASS_TEACHER",
        call: (f, s, row) => [
          null,
          form(
            row === "in"
              ? { classId: f.classA, [`r:${f.lessonA}:${f.studentA}`]: `UP:N:${s.absenceVersion}` }
              : { classId: f.classA, [`r:${f.lessonB}:${f.studentB}`]: "UP:N:1" },
          ),
        ],
      },
    ],
  },
  "lib/journal/unlock/actions.ts#decideUnlockAction": { orgWide: true },
  "lib/messages/actions.ts#postAnnouncementAction": { creates: "an announcement" },
  "lib/messages/actions.ts#deleteAnnouncementAction": {
    probes: [
      {
        name: "the author's announcement for a class no longer in the department",
        as: "HEAD_OF_DEPT",
        call: (_f, s, row) => [null, form({ id: s.announcement[row] })],
      },
    ],
  },
  "lib/messages/forum/actions.ts#createTopicAction": { creates: "a forum topic" },
  "lib/messages/forum/actions.ts#addPostAction": { creates: "a forum post" },
  "lib/messages/forum/actions.ts#hidePostAction": { unscoped: "forum posts belong to the organisation (moderators)" },
  "lib/messages/forum/actions.ts#moderatorAction": { orgWide: true },
  "lib/messages/mail/actions.ts#sendMessageAction": { creates: "a message" },
  "lib/org/actions.ts#saveEntityAction": {
    probes: [
      {
        name: "another department's curriculum row saved as the own class's",
        as: "HEAD_OF_DEPT",
        call: (f, s, row) =>
          entity("curriculum", s.curriculum[row], {
            classId: f.classA,
            subjectId: s.subject2,
            periodId: "",
            hours: row === "in" ? "35" : "36",
            controlKind: "NONE",
          }),
      },
      {
        name: "another department's teacher-load row moved into the own class",
        as: "HEAD_OF_DEPT",
        call: (f, s, row) =>
          entity("load", s.load[row], {
            teacherId: f.staffUser,
            classId: f.classA,
            subjectId: s.subject2,
            subgroupId: "",
            hoursPerWeek: "3",
          }),
      },
      {
        name: "another department's subgroup renamed as the own class's",
        as: "HEAD_OF_DEPT",
        call: (f, s, row) =>
          entity("subgroup", s.subgroup[row], { classId: f.classA, subjectId: "", name: `Перенесённая ${row}` }),
      },
    ],
  },
  "lib/org/actions.ts#deleteEntityAction": {
    probes: (["curriculum", "load", "subgroup"] as const).map((e) => ({
      name: `another department's ${e} row deleted`,
      as: "HEAD_OF_DEPT" as const,
      call: (_f: SweepIds, s: StoredIds, row: "in" | "out") => [e, s[e][row === "in" ? "inDel" : "outDel"]],
    })),
  },
  "lib/org/actions.ts#saveOrgCardAction": { orgWide: true },
  "lib/org/actions.ts#saveSettingsAction": { orgWide: true },
  "lib/org/subgroups/actions.ts#saveSubgroupMembersAction": {
    probes: [
      {
        name: "another department's subgroup filled with an own pupil",
        as: "HEAD_OF_DEPT",
        call: (f, s, row) => [s.subgroup[row], null, form({ student: f.studentA })],
      },
    ],
  },
  "lib/org/year/actions.ts#yearTransitionAction": { orgWide: true },
  "lib/people/actions.ts#saveStudentSectionAction": { keyed: "the student is the target" },
  "lib/people/actions.ts#addParentAction": {
    creates: "a parent, or a link to an existing parent authorised through that parent's children",
  },
  "lib/people/actions.ts#unlinkParentAction": { keyed: "the link is found by the authorised student" },
  "lib/people/actions.ts#saveParentAction": {
    probes: [
      {
        name: "the card of a parent whose children are all in another class",
        as: "CLASS_TEACHER",
        call: (_f, s, row) => [s.parent[row], null, form({ lastName: "Родитель", firstName: "Исправленный" })],
      },
    ],
  },
  "lib/people/actions.ts#addChildLinkAction": {
    probes: [
      {
        name: "an own pupil linked to a parent of another class",
        as: "CLASS_TEACHER",
        call: (f, s, row) => [s.parent[row], null, form({ studentId: f.studentA, kinship: "мать" })],
      },
    ],
  },
  "lib/people/actions.ts#removeChildLinkAction": { keyed: "the link is found by the authorised student" },
  "lib/people/import/actions.ts#importAction": { creates: "new pupils in the authorised class" },
  "lib/people/import/actions.ts#addStudentAction": { creates: "a new pupil in the authorised class" },
  "lib/people/logins/actions.ts#createStaffAction": { orgWide: true },
  "lib/people/logins/actions.ts#unlockUserAction": {
    probes: [
      {
        name: "the login of another class's pupil unlocked",
        as: "CLASS_TEACHER",
        call: (_f, s, row) => [s.login[row], "/people"],
      },
    ],
  },
  "lib/people/logins/actions.ts#setLoginActiveAction": { orgWide: true },
  "lib/people/movement/actions.ts#recordMovementAction": {
    keyed: "the student is the target (their stored memberships); the new class is authorised as submitted",
  },
  "lib/people/staff/actions.ts#saveStaffAction": { orgWide: true },
  "lib/plans/actions.ts#createPlanAction": { creates: "a plan for an authorised load" },
  "lib/plans/actions.ts#saveTopicsAction": { keyed: "the plan is loaded by id and authorised on its stored class" },
  "lib/plans/actions.ts#setAutoHomeworkAction": { keyed: "the plan is loaded by id and authorised as stored" },
  "lib/plans/actions.ts#workflowAction": { keyed: "the plan is loaded by id and authorised as stored" },
  "lib/plans/actions.ts#reviewPlanAction": { keyed: "the plan is loaded by id and authorised as stored" },
  "lib/plans/actions.ts#bindAction": {
    keyed: "the plan as stored; a lesson named with it is authorised as stored too and must belong to the plan",
  },
  "lib/plans/actions.ts#importAction": { keyed: "the plan is loaded by id and authorised as stored" },
  "lib/plans/actions.ts#copyPlanAction": { creates: "a plan for an authorised load" },
  "lib/schedule/changes/actions.ts#createChangeAction": {
    probes: [
      {
        name: "a change of another department's timetable entry sent with the own class",
        as: "HEAD_OF_DEPT",
        call: (f, s, row) => [
          null,
          form({ kind: "CANCEL", classId: f.classA, date: "2026-10-05", entryId: s.entry[row], note: "" }),
        ],
      },
    ],
  },
  "lib/schedule/changes/actions.ts#createSubstitutionAction": {
    keyed: "lessons are found by the authorised lesson or class",
  },
  "lib/schedule/events/actions.ts#createEventAction": { creates: "an event" },
  "lib/schedule/exams/actions.ts#createExamAction": { creates: "an exam slot" },
  "lib/schedule/feed/actions.ts#feedAction": { own: "the own calendar link" },
  "lib/schedule/lessons/actions.ts#generateLessonsAction": { keyed: "lessons of the authorised class" },
  "lib/schedule/approval/actions.ts#submitTimetableAction": { allScope: "the organisation's whole timetable" },
  "lib/programmes/actions.ts#createProgrammeAction": { creates: "a programme of the current year" },
  "lib/programmes/actions.ts#saveSectionsAction": { allScope: "below the «all» scope only one's own programme" },
  "lib/programmes/actions.ts#programmeStepAction": { allScope: "below the «all» scope only one's own programme" },
  "lib/programmes/actions.ts#reviewProgrammeAction": { orgWide: true },
  "lib/programmes/actions.ts#createKtpFromProgrammeAction": {
    keyed: "the load is loaded by id and authorised through the plans' gate as stored",
  },
  "lib/schedule/approval/actions.ts#approveTimetableAction": { orgWide: true },
  "lib/clubs/actions.ts#saveClubAction": {
    keyed: "a new club of the current year, or the stored club as the gate's target (its stored leader)",
  },
  "lib/clubs/actions.ts#addClubMemberAction": { keyed: "the stored club is the gate's target" },
  "lib/clubs/actions.ts#removeClubMemberAction": {
    keyed: "the stored club is the gate's target; its member row by it",
  },
  "lib/clubs/actions.ts#saveClubSlotAction": { keyed: "the stored club is the gate's target" },
  "lib/clubs/actions.ts#deleteClubSlotAction": {
    keyed: "the stored club is the gate's target; the slot is found by it",
  },
  "lib/clubs/actions.ts#saveClubPlanAction": { keyed: "the stored club is the gate's target" },
  "lib/clubs/actions.ts#enrolInClubAction": {
    keyed: "the student is the gate's target (the family's own child); the club by id in the organisation",
  },
  "lib/clubs/actions.ts#leaveClubAction": {
    keyed: "the student is the gate's target (the family's own child); the membership by the club and the student",
  },
  "lib/clubs/actions.ts#saveClubSessionAction": {
    keyed: "the stored club is the gate's target (scope «leader»: its stored leader); sessions and members by it",
  },
  "lib/schedule/approval/actions.ts#returnTimetableAction": { orgWide: true },
  "lib/schedule/setup/actions.ts#saveBellScheduleAction": { allScope: "organisation-wide bell schedules" },
  "lib/schedule/setup/actions.ts#assignBellScheduleAction": { keyed: "the authorised class's own setting" },
  "lib/schedule/setup/actions.ts#saveRoomAction": { allScope: "organisation-wide rooms" },
  "lib/schedule/timetable/actions.ts#saveEntryAction": {
    probes: [
      {
        name: "another department's timetable entry saved with the own class",
        as: "HEAD_OF_DEPT",
        call: (f, s, row) => [
          null,
          form({
            entryId: s.entry[row],
            classId: f.classA,
            weekday: 1,
            bellNumber: 4,
            subjectId: f.subject,
            teacherId: f.staffUser,
            roomId: "",
            subgroupId: "",
            hours: 1,
            validFrom: "2026-09-01",
            validTo: "2027-05-31",
          }),
        ],
      },
    ],
  },
  "lib/schedule/timetable/actions.ts#deleteEntryAction": {
    probes: [
      {
        name: "another department's timetable entry deleted with the own class",
        as: "HEAD_OF_DEPT",
        call: (f, s, row) => [null, form({ entryId: s.entry[row === "in" ? "inDel" : "outDel"], classId: f.classA })],
      },
    ],
  },
  "lib/api/actions.ts#createTokenAction": { own: "an own API token" },
  "lib/api/actions.ts#revokeTokenAction": { own: "an own API token" },
  "lib/push/actions.ts#savePushSubscriptionAction": { own: "an own device" },
  "lib/push/actions.ts#removePushSubscriptionAction": { own: "an own device" },
  "lib/archive/actions.ts#buildArchiveAction": { orgWide: true },
  "lib/assessments/actions.ts#publishAssessmentsAction": {
    creates: "a published version of an authorised class's schedule (the class is the gate's target)",
  },
  "lib/webhooks/actions.ts#createSubscriptionAction": { orgWide: true },
  "lib/webhooks/actions.ts#toggleSubscriptionAction": { orgWide: true },
  "lib/webhooks/actions.ts#deleteSubscriptionAction": { orgWide: true },
  "lib/external/actions.ts#importResultsAction": { orgWide: true },
  "lib/archive/actions.ts#verifyArchiveAction": { orgWide: true },
  "lib/control/actions.ts#createRemarkAction": { creates: "a remark on an authorised class" },
  "lib/control/actions.ts#moveRemarkAction": {
    probes: [
      {
        name: "the author's remark on a class no longer in the department closed",
        as: "HEAD_OF_DEPT",
        call: (_f, s, row) => [null, form({ remarkId: s.remark[row], move: "close", note: "" })],
      },
    ],
  },
  "lib/finals/actions.ts#saveFinalAction": {
    keyed: "the final is found by the authorised student × class × subject × period",
  },
  // The record (REC-1, REC-2, REC-4, REC-5, REC-6).
  "lib/journal/unlock/actions.ts#openDatesAction": { orgWide: true },
  "lib/journal/hospital/actions.ts#createCertificateAction": { creates: "a certificate of an authorised student" },
  "lib/journal/hospital/actions.ts#saveHospitalMarksAction": {
    keyed: "the certificate is loaded by id and authorised on its stored student; the lessons are that student's stay",
  },
  "lib/journal/closing/actions.ts#closePeriodAction": {
    creates: "closures of the period for classes of the target, each within the closer's scope (classIdsInScope)",
  },
  "lib/org/year/actions.ts#reopenYearAction": { orgWide: true },
  "lib/archive/actions.ts#closeYearAgainAction": { orgWide: true },
  "lib/org/decisions/actions.ts#saveDecisionsAction": { orgWide: true },
  "lib/archive/actions.ts#saveRetentionAction": { orgWide: true },
  "lib/archive/actions.ts#disposeAction": { orgWide: true },
  // Learning (LRN-1…LRN-5).
  "lib/learning/handin/actions.ts#submitHandinAction": {
    keyed: "the own submission is found by the authorised student × homework; files removed are its own",
  },
  "lib/learning/handin/actions.ts#reviewHandinAction": {
    keyed: "the submission is loaded by id and authorised on its homework's stored lesson",
  },
  "lib/learning/handin/actions.ts#saveHandinSettingsAction": {
    keyed: "the homework is loaded by id and authorised on its stored lesson",
  },
  "lib/learning/materials/actions.ts#createMaterialAction": {
    creates: "a material for an authorised subject and class",
  },
  "lib/learning/materials/actions.ts#deleteMaterialAction": {
    keyed: "the material is loaded by id; removed by its stored author or an «all» scope",
  },
  "lib/learning/materials/actions.ts#attachMaterialAction": {
    keyed: "the lesson or КТП topic is loaded by id and authorised as stored; the material must be of its subject",
  },
  // Daily duties (DUT-2…DUT-6, issue 17).
  "lib/journal/lesson/actions.ts#saveHomeworkMarkerAction": { keyed: "the lesson is the target" },
  "lib/absences/actions.ts#recordAbsenceAction": {
    keyed: "the student is the target; the attendance changed is that student's, on the class's lessons",
  },
  "lib/absences/actions.ts#updateAbsenceAction": {
    keyed: "the absence is loaded by id and authorised on its stored student",
  },
  "lib/absences/actions.ts#withdrawAbsenceAction": {
    keyed: "the absence is loaded by id and authorised on its stored student",
  },
  "lib/absences/actions.ts#fileNoticeAction": { creates: "a notice about an authorised child" },
  "lib/absences/actions.ts#decideNoticeAction": {
    keyed: "the notice is loaded by id and authorised on its stored student",
  },
  "lib/risk/actions.ts#notifyRiskAction": {
    creates: "messages and risk notices for students of the authorised class, each student authorised too",
  },
  "lib/control/checks/actions.ts#recordCheckAction": {
    creates: "a check of the authorised class (and a remark to the teacher named)",
  },
  "lib/documents/actions.ts#createDocumentAction": { orgWide: true },
  "lib/documents/actions.ts#updateDocumentAction": { orgWide: true },
  "lib/documents/actions.ts#addVersionAction": { orgWide: true },
  "lib/resources/actions.ts#saveResourceAction": { orgWide: true },
  "lib/portfolio/actions.ts#addAchievementAction": { creates: "an achievement of an authorised student" },
  "lib/portfolio/actions.ts#decideAchievementAction": {
    keyed: "the achievement is loaded by id and authorised on its stored student",
  },
  "lib/portfolio/actions.ts#addStaffAchievementAction": { creates: "an entry of an authorised teacher's portfolio" },
  "lib/portfolio/actions.ts#deleteStaffAchievementAction": {
    keyed: "the entry is loaded by id and authorised on its stored teacher",
  },
};
