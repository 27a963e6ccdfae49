// DAY-2: which task widgets a home page shows follows the permissions the user holds (the same
// facts the menu and the gate use), never the role's name; the scope of a permission bounds the
// classes a widget reads. Each widget is one statement (lib/home/data.ts).
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { heldPermissions } from "@/lib/access/loaders";
import { classesToList, listScope } from "@/lib/access/scope";
import { loadMyChildren, loadMyClasses, loadMyPlace } from "@/lib/people/loaders";
import { approvalWidget } from "@/lib/schedule/approval/loaders";
import { ktpDueWidget } from "@/lib/programmes/loaders";
import { serverNow } from "@/lib/org/clock";
import { todayIn } from "@/lib/org/time";
import { vocabulary } from "@/lib/org/vocabulary";
import { loadFinalsChoices } from "@/lib/finals/loaders";
import { finalsWarningDue } from "@/lib/finals/data";
import {
  absenceWatch,
  absencesWithoutReason,
  changesAhead,
  eventsAhead,
  homeworkDue,
  incompleteFiles,
  loginsNeverUsed,
  pendingUnlocks,
  unfilledByTeacher,
  unfilledLessons,
  unreadMail,
  type HomeWidget,
} from "./data";
import { familyDay, type FamilyDay } from "./family/data";

export const loadHomeWidgets = cache(async (user: CurrentUser, today: Date): Promise<HomeWidget[]> => {
  const held = await heldPermissions(user.organisationId, user.id);
  const has = (p: string) => held.has(p);
  const org = user.organisationId;
  // DAY-6: the organisation's words (занятие, студент at a college).
  const v = vocabulary(user.orgKind);
  const widgets: (Promise<HomeWidget | null> | null)[] = [];

  if (user.roles.includes("TEACHER") && has("journal.viewOwn")) widgets.push(unfilledLessons(org, user.id, today, v));
  if (held.get("attendance.reason")?.includes("class")) {
    const led = await loadMyClasses(user);
    if (led.length)
      widgets.push(
        absencesWithoutReason(
          org,
          led.map((c) => c.id),
          today,
          v,
        ),
      );
  }
  if (has("diary.view")) {
    const [children, place] = await Promise.all([
      user.roles.includes("PARENT") ? loadMyChildren(user) : [],
      user.roles.includes("STUDENT") ? loadMyPlace(user) : null,
    ]);
    const students = [
      ...children.flatMap((c) =>
        c.classId
          ? [{ studentId: c.studentId, classId: c.classId, name: children.length > 1 ? firstName(c.fullName) : null }]
          : [],
      ),
      ...(place ? [{ studentId: place.studentId, classId: place.classId, name: null }] : []),
    ];
    if (students.length) widgets.push(homeworkDue(org, students, today));
  }
  const control = held.get("control.view");
  if (control) {
    const classIds = classesToList(await listScope(user, { scopes: control }));
    widgets.push(unfilledByTeacher(org, classIds, today, v));
  }
  // DAY-2, FIN-4: who sets everyone's finals sees the journals missing them as a period ends.
  if (has("finals.editAll")) widgets.push(missingFinals(user, today));
  if (has("journal.unlock")) widgets.push(pendingUnlocks(org));
  if (has("acl.edit")) widgets.push(loginsNeverUsed(org));
  // ACL-2: people.manage of a class teacher is scope «class» — their own class's files, not the school's.
  const files = held.get("people.manage");
  if (files) widgets.push(incompleteFiles(org, classesToList(await listScope(user, { scopes: files })), today));
  if (has("schedule.edit")) widgets.push(changesAhead(org, today));
  // PRG-3: the director decides on the timetable; the scheduler sees a returned version.
  if (has("timetable.approve")) widgets.push(approvalWidget(org, true));
  else if (held.get("schedule.edit")?.includes("all")) widgets.push(approvalWidget(org, false));
  if (has("events.school")) widgets.push(eventsAhead(org, today));
  if (has("people.medical")) widgets.push(absenceWatch(org, "sick", today, v));
  if (has("people.psych")) widgets.push(absenceWatch(org, "unexcused", today, v));
  // PRG-1: the КТП due a week after their programme's approval — the deputy sees everyone's, a teacher their own.
  if (has("programmes.approve")) widgets.push(ktpDueWidget(org, null, serverNow()));
  else if (user.roles.includes("TEACHER") && has("programmes.edit"))
    widgets.push(ktpDueWidget(org, user.id, serverNow()));
  if (has("mail.use")) widgets.push(unreadMail(org, user.id));
  return (await Promise.all(widgets.filter((w): w is Promise<HomeWidget | null> => w !== null))).filter(
    (w): w is HomeWidget => w !== null,
  );
});

/**
 * DAY-2: the class × subject journals whose period finals are missing from the warning's lead time
 * before the period's end (FIN-4, OrganisationSettings.finalsWarningDays); no widget on the other
 * days of the year. Opens the finals sheet of the journal.
 */
async function missingFinals(user: CurrentUser, today: Date): Promise<HomeWidget | null> {
  // Most days of the year no period is near its end: the journals' finals are not read then.
  if (!(await finalsWarningDue(user.organisationId, todayIn(user.timeZone, today)))) return null;
  const due = (await loadFinalsChoices(user, today)).filter((c) => c.due);
  if (due.length === 0) return null;
  return {
    key: "finals",
    title: `Не выставлены итоговые отметки · ${due.length}`,
    empty: "",
    tasks: due.slice(0, 8).map((c) => ({
      href: `/finals?classId=${c.classId}&subjectId=${c.subjectId}`,
      text: `${c.className} · ${c.subjectName}`,
      note: `${c.due!.period}: нет ${c.due!.missing}${c.due!.daysLeft > 0 ? `, осталось ${c.due!.daysLeft} дн.` : ""}`,
    })),
    more: { href: "/finals", text: "Итоговые отметки" },
  };
}

/** «Смирнов Артём Игоревич» → «Артём»: a parent's list names the child briefly. */
function firstName(fullName: string): string {
  return fullName.split(" ")[1] ?? fullName;
}

export type FamilyHome = {
  /** Whose day the user may switch between: a parent's children (the switcher shows for two or more). */
  students: { studentId: number; name: string; className: string | null }[];
  day: FamilyDay;
};

/**
 * DAY-2: the parent's and the student's day — the child `wanted` of the user's own children (any other
 * id, another family's child included, falls back to the first: the list is the user's ParentLinks), or
 * the student self. Null without diary.view or without a student to show.
 */
export const loadFamilyHome = cache(async (user: CurrentUser, wanted: number | null): Promise<FamilyHome | null> => {
  const held = await heldPermissions(user.organisationId, user.id);
  if (!held.has("diary.view")) return null;
  const [children, place] = await Promise.all([
    user.roles.includes("PARENT") ? loadMyChildren(user) : [],
    user.roles.includes("STUDENT") ? loadMyPlace(user) : null,
  ]);
  const students = [
    ...(place ? [{ studentId: place.studentId, name: user.fullName, className: place.className }] : []),
    ...children.map((c) => ({ studentId: c.studentId, name: firstName(c.fullName), className: c.className })),
  ];
  const shown = students.find((s) => s.studentId === wanted) ?? students[0];
  if (!shown) return null;
  const now = serverNow();
  const day = await familyDay(
    user.organisationId,
    user.id,
    shown.studentId,
    todayIn(user.timeZone, now),
    now,
    vocabulary(user.orgKind).teacher.nom,
  );
  return { students, day };
});
