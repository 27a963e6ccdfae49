// «Расписание»: one week by class, teacher or room, with the week's changes and events (SCH-1, SCH-2).
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { loadWeekView, type WeekSearch } from "@/lib/schedule/view/loaders";
import { heldPermissions } from "@/lib/access/loaders";
import { weekEnd } from "@/lib/schedule/week";
import { loadStudyDays } from "@/lib/org/loaders";
import { addDays, formatDate, isoDate } from "@/lib/org/time";
import { ScheduleTabs } from "@/components/schedule/schedule-tabs";
import { ViewPicker } from "@/components/schedule/view-picker";
import { WeekGrid } from "@/components/schedule/week-grid";
import { ChangeList } from "@/components/schedule/change-list";
import { loadStudentClubWeek } from "@/lib/clubs/loaders";
import { ClubWeek } from "@/components/clubs/club-week";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Расписание" };

export default async function SchedulePage({ searchParams }: { searchParams: Promise<WeekSearch> }) {
  const raw = await searchParams;
  const view = await loadWeekView(raw);
  const { user } = view.granted;
  const [held, studyDays] = await Promise.all([heldPermissions(user.organisationId, user.id), loadStudyDays(user)]);
  // PRG-2: a student's week shows their clubs too (the student was admitted by the view's gate).
  const clubs =
    view.studentId === null
      ? []
      : await loadStudentClubWeek(
          user.organisationId,
          view.studentId,
          Array.from({ length: studyDays }, (_, i) => addDays(view.monday, i)),
        );
  const link = (monday: Date) => {
    const p = new URLSearchParams();
    for (const k of ["class", "teacher", "room", "student"]) {
      const v = raw[k];
      if (typeof v === "string") p.set(k, v);
    }
    p.set("week", isoDate(monday));
    return `/schedule?${p}`;
  };
  return (
    <div className="space-y-3">
      <ScheduleTabs held={held} current="/schedule" />
      <PageHeader title="Расписание" subtitle={view.title} />
      {view.pickers && (
        <ViewPicker
          pickers={view.pickers}
          week={isoDate(view.monday)}
          selected={view.filter}
          college={user.orgKind === "COLLEGE"}
        />
      )}
      {view.children.length > 1 && (
        <p className="flex gap-3 text-sm">
          {view.children.map((c) => (
            <Link
              key={c.studentId}
              href={`/schedule?student=${c.studentId}&week=${isoDate(view.monday)}`}
              className="text-blue-700 underline"
            >
              {c.fullName}
            </Link>
          ))}
        </p>
      )}
      <p className="flex items-center gap-3 text-sm">
        <Link href={link(addDays(view.monday, -7))} className="text-blue-700 hover:underline">
          ← предыдущая неделя
        </Link>
        <span>
          {formatDate(view.monday)} — {formatDate(weekEnd(view.monday, studyDays))}
        </span>
        <Link href={link(addDays(view.monday, 7))} className="text-blue-700 hover:underline">
          следующая неделя →
        </Link>
      </p>
      <WeekGrid
        monday={view.monday}
        lessons={view.lessons}
        events={view.events}
        showClass={view.filter.kind !== "class"}
        college={user.orgKind === "COLLEGE"}
        timeZone={user.timeZone}
        studyDays={studyDays}
      />
      <ClubWeek entries={clubs} />
      {view.changes.length > 0 && <ChangeList changes={view.changes} college={user.orgKind === "COLLEGE"} />}
    </div>
  );
}
