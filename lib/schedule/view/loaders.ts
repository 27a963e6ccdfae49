// «Расписание»: which week view a user may open (SCH-2, ACL-1…ACL-3) and its data. Staff with
// schedule.viewAll pick any class, teacher or room; a teacher sees their own week, a class
// teacher their class, a student their class (own subgroups), a parent each child's class.
import { cache } from "react";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { singleLine, idSchema } from "@/lib/schema";
import { requireAccess, type Granted } from "@/lib/access/guard";
import { heldPermissions } from "@/lib/access/loaders";
import { loadMyChildren, loadMyPlace, loadStudentHeader } from "@/lib/people/loaders";
import { addDays, mondayOf, todayIn } from "@/lib/org/time";
import { parseDateKey } from "../week";
import { changesBetween, type ChangeRow } from "../changes/data";
import { departmentClassIds } from "../lessons/data";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import {
  eventsBetween,
  viewPickers,
  weekLessons,
  classNameOf,
  type ViewPickers,
  type WeekEvent,
  type WeekFilter,
  type WeekLesson,
} from "./data";

const idField = idSchema.optional();
const searchSchema = z.object({
  class: idField,
  teacher: idField,
  room: idField,
  student: idField,
  week: singleLine().optional(),
});

export type WeekSearch = Record<string, string | string[] | undefined>;

export type WeekView = {
  granted: Granted;
  filter: WeekFilter;
  title: string;
  monday: Date;
  lessons: WeekLesson[];
  events: WeekEvent[];
  changes: ChangeRow[];
  pickers: ViewPickers | null;
  children: { studentId: number; fullName: string }[];
  /** The student whose week is shown (PRG-2: their clubs join it); null for a class, teacher or room. */
  studentId: number | null;
};

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Resolves the requested week view; a bad parameter is «not found», a foreign target «Нет доступа». */
export const loadWeekView = cache(async (raw: WeekSearch): Promise<WeekView> => {
  const parsed = searchSchema.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, single(v)])));
  if (!parsed.success) notFound();
  const q = parsed.data;
  const monday0 = q.week ? parseDateKey(q.week) : null;
  if (q.week && !monday0) notFound();

  const first = await requireAccess("board.view");
  const held = await heldPermissions(first.user.organisationId, first.user.id);
  const all = held.has("schedule.viewAll");
  // A department head sees the groups of their department only (ACCESS_MATRIX notes): no teacher or room views.
  const wide = held.get("schedule.viewAll")?.includes("all") ?? false;
  const pickersFor = async (): Promise<ViewPickers> => {
    const p = await viewPickers(first.user.organisationId);
    if (wide) return p;
    const dept = new Set(await departmentClassIds(first.user.organisationId, first.user.id));
    return { classes: p.classes.filter((c) => dept.has(c.id)), teachers: [], rooms: [] };
  };
  const user = first.user;
  // DAY-6 (issue 22 round 24): the week's title in the organisation's words — «Группа ИС-21», «Преподаватель».
  const v = vocabulary(user.orgKind);
  let granted: Granted;
  let viewedStudentId: number | null = null;
  let filter: WeekFilter;
  let title: string;
  let children: WeekView["children"] = [];

  if (q.class) {
    granted = await requireAccess(all ? "schedule.viewAll" : "schedule.viewOwn", { kind: "class", classId: q.class });
    filter = { kind: "class", id: q.class };
    title = `${cap(v.class.nom)} ${(await classNameOf(user.organisationId, q.class)) ?? ""}`;
  } else if (q.teacher) {
    if (q.teacher !== user.id && !wide) forbidden();
    granted = await requireAccess(q.teacher === user.id && !all ? "schedule.viewOwn" : "schedule.viewAll");
    filter = { kind: "teacher", id: q.teacher };
    title = cap(v.teacher.nom);
  } else if (q.room) {
    if (!wide) forbidden();
    granted = await requireAccess("schedule.viewAll");
    filter = { kind: "room", id: q.room };
    title = "Кабинет";
  } else {
    const kids = user.roles.includes("PARENT") ? await loadMyChildren(user) : [];
    children = kids.map((k) => ({ studentId: k.studentId, fullName: k.fullName }));
    const studentId =
      q.student ?? (user.roles.includes("STUDENT") ? (await loadMyPlace(user))?.studentId : kids[0]?.studentId);
    if (studentId) {
      viewedStudentId = studentId;
      granted = await requireAccess(all ? "schedule.viewAll" : "schedule.viewOwn", { kind: "student", studentId });
      const header = await loadStudentHeader(user, studentId);
      if (!header?.classId) notFound();
      filter = { kind: "class", id: header.classId, subgroupIds: header.subgroupIds };
      title = `${header.fullName}, ${header.className ?? ""}`;
    } else if (user.roles.includes("TEACHER")) {
      granted = await requireAccess(all ? "schedule.viewAll" : "schedule.viewOwn");
      filter = { kind: "teacher", id: user.id };
      title = "Моё расписание";
    } else {
      const pickers = await pickersFor();
      if (!pickers.classes[0]) notFound();
      granted = await requireAccess("schedule.viewAll", { kind: "class", classId: pickers.classes[0].id });
      filter = { kind: "class", id: pickers.classes[0].id };
      title = `${cap(v.class.nom)} ${pickers.classes[0].name}`;
    }
  }

  const monday = mondayOf(monday0 ?? todayIn(user.timeZone));
  const sunday = addDays(monday, 6);
  const classIds = filter.kind === "class" ? [filter.id] : null;
  const [lessons, events, changes, pickers] = await Promise.all([
    weekLessons(user.organisationId, filter, monday, sunday),
    eventsBetween(
      user.organisationId,
      new Date(monday.getTime() - 86_400_000),
      addDays(monday, 8),
      filter.kind === "class" ? classIds : [],
    ),
    filter.kind === "class" ? changesBetween(user.organisationId, monday, sunday, classIds) : Promise.resolve([]),
    all ? pickersFor() : Promise.resolve(null),
  ]);
  if (filter.kind === "teacher")
    title = pickers?.teachers.find((t) => t.id === filter.id)?.name ?? (filter.id === user.id ? user.fullName : title);
  if (filter.kind === "room") title = `Кабинет ${pickers?.rooms.find((r) => r.id === filter.id)?.name ?? ""}`;
  return { granted, filter, title, monday, lessons, events, changes, pickers, children, studentId: viewedStudentId };
});
