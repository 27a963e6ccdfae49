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
import type { MatrixColumn } from "@/lib/access/roles";
import type { Permission } from "@/lib/access/matrix";

export type Who =
  /** Any of these permissions (at any scope, or only "all" when scopeAll) admits. */
  | { perms: readonly Permission[]; scopeAll?: boolean }
  /** Exactly these matrix columns (the page narrows/widens the permission by its own logic). */
  | { roles: readonly MatrixColumn[] }
  /** Any signed-in user. */
  | { signedIn: true }
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

const ALL: readonly MatrixColumn[] = [
  "ADMIN",
  "DIRECTOR",
  "DEPUTY",
  "HEAD_OF_DEPT",
  "SCHEDULER",
  "SECRETARY",
  "TEACHER",
  "CLASS_TEACHER",
  "STUDENT",
  "PARENT",
  "MEDIC",
  "PSYCHOLOGIST",
  "STAFF",
];
const except = (...out: MatrixColumn[]) => ALL.filter((c) => !out.includes(c));

/** Route path (route groups stripped) → who may open it. */
export const PAGES: Record<string, Who> = {
  "/": { perms: ["board.view"] },
  "/login": { public: true },
  "/change-password": { signedIn: true },
  "/admin/access": { perms: ["acl.edit"] },
  "/admin/visits": { perms: ["audit.view"] },
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
  "/people/classes/[classId]": {
    roles: [
      "ADMIN",
      "DIRECTOR",
      "DEPUTY",
      "HEAD_OF_DEPT",
      "SCHEDULER",
      "SECRETARY",
      "TEACHER",
      "CLASS_TEACHER",
      "MEDIC",
      "PSYCHOLOGIST",
    ],
  },
  "/people/import": { perms: ["movement.edit"] },
  "/people/movement": { perms: ["movement.view"] },
  "/people/parents/[parentId]": {
    roles: [
      "ADMIN",
      "DIRECTOR",
      "DEPUTY",
      "HEAD_OF_DEPT",
      "SCHEDULER",
      "SECRETARY",
      "TEACHER",
      "CLASS_TEACHER",
      "MEDIC",
      "PSYCHOLOGIST",
    ],
  },
  "/people/staff": { perms: ["staff.brief"] },
  "/people/staff/[staffId]": { perms: ["staff.brief"] },
  "/people/students/[studentId]": {
    roles: [
      "ADMIN",
      "DIRECTOR",
      "DEPUTY",
      "HEAD_OF_DEPT",
      "SCHEDULER",
      "SECRETARY",
      "TEACHER",
      "CLASS_TEACHER",
      "MEDIC",
      "PSYCHOLOGIST",
    ],
  },
  "/plans": { roles: ["ADMIN", "DIRECTOR", "DEPUTY", "HEAD_OF_DEPT", "TEACHER", "CLASS_TEACHER"] },
  "/plans/[planId]": { roles: except() },
  "/plans/fulfilment": { perms: ["plans.viewAll"] },
  "/reports": { perms: ["reports.admin", "reports.class"] },
  "/schedule": { signedIn: true },
  "/schedule/changes": { perms: ["schedule.edit"] },
  "/schedule/edit": { perms: ["schedule.edit"] },
  "/schedule/events": { perms: ["events.school", "events.class"] },
  "/schedule/exams": { perms: ["schedule.viewAll", "schedule.viewOwn"] },
  "/schedule/feed": { perms: ["schedule.viewOwn"] },
  "/schedule/lessons": { perms: ["schedule.edit"] },
  "/schedule/setup": { perms: ["schedule.edit"] },
  "/api-docs": { signedIn: true },
  "/archive": { perms: ["archive.manage"] },
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
};

/** Route handler path → who may call it (one method per file is probed; all exported methods are listed). */
export const ROUTES: Record<string, RouteRule> = {
  "/api/auth/[...nextauth]": { public: true, method: "GET" },
  "/api/calendar/[token]": { public: true, method: "GET", probe: () => ({ params: { token: "x".repeat(43) } }) },
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
  "lib/people/actions.ts#saveStudentSectionAction": {
    perms: ["people.manage", "people.medical", "people.psych"],
    sample: (f) => [f.studentA, "medical", null, form({})],
  },
  "lib/people/actions.ts#addParentAction": { perms: ["people.manage"], sample: (f) => [f.studentA, null, form({})] },
  "lib/people/actions.ts#unlinkParentAction": { perms: ["people.manage"], sample: (f) => [f.studentA, f.parentA] },
  "lib/people/import/actions.ts#importAction": { perms: ["movement.edit"] },
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
  "lib/api/actions.ts#createTokenAction": { signedIn: true },
  "lib/api/actions.ts#revokeTokenAction": { signedIn: true },
  "lib/push/actions.ts#savePushSubscriptionAction": { signedIn: true },
  "lib/push/actions.ts#removePushSubscriptionAction": { signedIn: true },
  "lib/archive/actions.ts#buildArchiveAction": { perms: ["archive.manage"] },
  "lib/archive/actions.ts#verifyArchiveAction": { perms: ["archive.manage"] },
  "lib/control/actions.ts#createRemarkAction": { perms: ["remarks.write"] },
  "lib/control/actions.ts#moveRemarkAction": { perms: ["remarks.write", "remarks.resolve"] },
  "lib/finals/actions.ts#saveFinalAction": { perms: ["finals.editAll", "finals.editOwn"], sample: () => [{}] },
  "lib/people/actions.ts#saveParentAction": { perms: ["people.manage"] },
  "lib/people/actions.ts#addChildLinkAction": { perms: ["people.manage"] },
  "lib/people/actions.ts#removeChildLinkAction": { perms: ["people.manage"] },
  "lib/people/logins/actions.ts#setLoginActiveAction": { perms: ["users.delete"] },
};

/** Names that count as reaching the access gate in a server action's body (lib/access, lib/auth). */
export const GATE_CALLS = [
  "requireAccessForAction",
  "authorize",
  "authorizeAny",
  "authorizeAnyOnLesson",
  "authorizeJournal",
  "requireAccessToPlanForAction",
] as const;

/** The gate of self-service actions (own password, own session, own API tokens and push devices). */
export const SIGNED_IN_CALLS = ["getCurrentUser", "requireUser", "requireAccessToOwnSettings"] as const;
