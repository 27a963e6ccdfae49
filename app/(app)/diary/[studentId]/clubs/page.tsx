// The diary's «Кружки» (PRG-2 open enrolment): with the organisation's setting on, a parent (for
// their child) or a student sees the current year's clubs — name, leader, schedule, free places
// where a capacity is set — and enrols or leaves (clubs.enrol «self» on the student, the gate again
// in the actions). A clash with the child's timetable or another club is refused naming it; leaving
// keeps the past attendance. The sessions then show in the diary's week.
import { vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { enrolInClubAction, leaveClubAction } from "@/lib/clubs/actions";
import { loadOpenClubs } from "@/lib/clubs/loaders";
import { loadDiaryStudents } from "@/lib/diary/loaders";
import { loadStudentHeader } from "@/lib/people/loaders";
import { clockLabel } from "@/lib/schedule/timetable/rules";
import { WEEKDAY_SHORT } from "@/lib/schedule/week";
import { DiaryHeader } from "@/components/diary/diary-header";
import { ActionForm } from "@/components/ui/action-form";
import { Notice } from "@/components/ui/card";

export const metadata: Metadata = { title: "Дневник: кружки и секции" };

const params = z.object({ studentId: z.coerce.number().int().positive().max(2_147_483_647) });

export default async function DiaryClubsPage({ params: raw }: { params: Promise<{ studentId: string }> }) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const { studentId } = parsed.data;
  const { user } = await requireAccess("clubs.enrol", { kind: "student", studentId });
  const [student, students, view] = await Promise.all([
    loadStudentHeader(user, studentId),
    loadDiaryStudents(user),
    loadOpenClubs(user.organisationId, studentId),
  ]);
  if (!student) notFound();
  const v = vocabulary(user.orgKind);
  return (
    <div className="space-y-3">
      <DiaryHeader student={student} students={students} tab="clubs" kind={user.orgKind} />
      {!view.open ? (
        <Notice tone="info">
          Запись в объединения ведёт {v.organisation.nom}: открытая запись родителями и {v.student.insPl} выключена.
          {view.clubs.some((c) => c.enrolled) ? " Занятия объединений ребёнка — в дневнике." : ""}
        </Notice>
      ) : view.clubs.length === 0 ? (
        <Notice tone="info">В этом учебном году объединений нет.</Notice>
      ) : (
        <ul className="space-y-2" aria-label="Объединения">
          {view.clubs.map((c) => {
            const free = c.capacity === null ? null : Math.max(0, c.capacity - c.members);
            return (
              <li key={c.id} className="rounded border border-slate-200 bg-white p-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-semibold">{c.name}</h2>
                  {c.enrolled && <span className="text-sm text-emerald-700">Вы записаны</span>}
                </div>
                {c.description && <p className="text-sm text-slate-700">{c.description}</p>}
                <p className="text-sm text-slate-600">Руководитель: {c.leaderName}</p>
                <p className="text-sm text-slate-600">
                  Расписание:{" "}
                  {c.slots.length
                    ? c.slots
                        .map(
                          (s) =>
                            `${WEEKDAY_SHORT[s.weekday]} ${clockLabel(s.start)}–${clockLabel(s.end)}${s.roomName ? ` (${s.roomName})` : ""}`,
                        )
                        .join(", ")
                    : "ещё не составлено"}
                </p>
                {free !== null && (
                  <p className="text-sm text-slate-600">
                    Свободных мест: {free} из {c.capacity}
                  </p>
                )}
                <div className="mt-2">
                  <ActionForm
                    action={c.enrolled ? leaveClubAction : enrolInClubAction}
                    submitLabel={c.enrolled ? "Выписаться" : "Записаться"}
                    submitVariant={c.enrolled ? "secondary" : "primary"}
                    label={`${c.enrolled ? "Выписаться из" : "Записаться в"} «${c.name}»`}
                    disabledReason={!c.enrolled && free === 0 ? "Свободных мест нет" : null}
                  >
                    <input type="hidden" name="clubId" value={c.id} />
                    <input type="hidden" name="studentId" value={studentId} />
                  </ActionForm>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
