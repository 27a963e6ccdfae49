// PRG-2: the clubs pages' reads — the list (every club, or the leader's own), one club's card with
// its pickers, the journal with its meeting dates, sessions and the attendance summary (RPT-3).
import type { CurrentUser } from "@/lib/auth/session";
import { clubLeaderFilter } from "@/lib/access/scope";
import type { Scope } from "@/lib/access/matrix";
import { rooms, teachers } from "@/lib/org/setup/data";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";
import { currentPeriod } from "@/lib/finals/rules";
import { isoDate } from "@/lib/org/time";
import {
  clubCard,
  clubReportPeriods,
  clubSessions,
  clubSettings,
  clubsOfStudent,
  currentClubYear,
  listClubs,
  openClubsFor,
  studentsOfYear,
} from "./data";
import { attendanceSummary, clubWeek, meetingDates } from "./rules";

export async function loadClubList(user: CurrentUser, scopes: readonly Scope[]) {
  const year = await currentClubYear(user.organisationId);
  if (!year) return null;
  const clubs = await listClubs(user.organisationId, year.id, clubLeaderFilter(user, { scopes }));
  return { year, clubs };
}

export async function loadTeacherOptions(organisationId: number) {
  return teachers(organisationId);
}

/** One club with what its forms offer: teachers, the year's students by class, rooms. */
export async function loadClubPage(organisationId: number, clubId: number) {
  const club = await clubCard(organisationId, clubId);
  if (!club) return null;
  const [leaders, students, roomList] = await Promise.all([
    teachers(organisationId),
    studentsOfYear(organisationId, club.year.id),
    rooms(organisationId),
  ]);
  const inClub = new Set(club.members.map((m) => m.studentId));
  const byClass = new Map<string, { value: number; label: string }[]>();
  for (const s of students.filter((s) => !inClub.has(s.studentId)).sort((a, b) => compareRu(a.name, b.name)))
    byClass.set(s.className, [...(byClass.get(s.className) ?? []), { value: s.studentId, label: s.name }]);
  const studentGroups = [...byClass.entries()]
    .sort(([a], [b]) => compareRuNumeric(a, b))
    .map(([label, options]) => ({ label, options }));
  return { club, leaders, studentGroups, rooms: roomList.map((r) => ({ value: r.id, label: r.name })) };
}

/** The journal: the dates the club met up to today, the sessions held, the chosen one, the summary. */
export async function loadClubJournal(organisationId: number, clubId: number, today: Date, chosen: Date | null) {
  const club = await clubCard(organisationId, clubId);
  if (!club) return null;
  const [sessions, settings] = await Promise.all([clubSessions(organisationId, clubId), clubSettings(organisationId)]);
  const last = today < club.year.endDate ? today : club.year.endDate;
  const dates = meetingDates(club.slots, club.year.startDate, last);
  const held = new Set(sessions.map((s) => s.date.getTime()));
  const pending = dates.filter((d) => !held.has(d.getTime()));
  const date =
    chosen && dates.some((d) => d.getTime() === chosen.getTime())
      ? chosen
      : (pending[pending.length - 1] ?? dates[dates.length - 1] ?? null);
  const session = date ? (sessions.find((s) => s.date.getTime() === date.getTime()) ?? null) : null;
  // The КТП's next topic for a new session: the topic after the ones already held.
  const nextTopic = club.plan[sessions.length]?.topic ?? "";
  const summary = attendanceSummary(
    club.members.map((m) => m.studentId),
    sessions,
  );
  return { club, sessions, settings, dates, date, session, nextTopic, summary };
}

/** PRG-2: a student's club sessions of a week (the diary and the timetable), called after the page's gate. */
export async function loadStudentClubWeek(organisationId: number, studentId: number, days: readonly Date[]) {
  if (days.length === 0) return [];
  const clubs = await clubsOfStudent(organisationId, studentId, days[0]!, days[days.length - 1]!);
  return clubWeek(clubs, days);
}

/** PRG-2 + RPT-3: the report form's choices — the current year's periods (today's preselected) and a default range. */
export async function loadClubReportForm(organisationId: number, year: { id: number; startDate: Date }, today: Date) {
  const periods = await clubReportPeriods(organisationId, year.id);
  const current = currentPeriod(
    periods.map((p) => ({ ...p, start: p.startDate, end: p.endDate })),
    today,
  );
  return {
    periods: periods.map((p) => ({ id: p.id, name: p.name })),
    defaultPeriodId: current?.id ?? null,
    range: { from: isoDate(year.startDate), to: isoDate(today) },
  };
}

/** PRG-2 open enrolment: the setting and the current year's clubs as the student's family sees them (after the gate). */
export async function loadOpenClubs(organisationId: number, studentId: number) {
  const [settings, year] = await Promise.all([clubSettings(organisationId), currentClubYear(organisationId)]);
  const clubs = year ? await openClubsFor(organisationId, year.id, studentId) : [];
  return { open: settings.openEnrolment && year?.status !== "CLOSED", clubs };
}
