// «Сессия» (SCH-5): exams, credits and consultations per group.
import { CONTROL_LABELS } from "@/lib/journal/marks";
import type { Metadata } from "next";
import { vocabulary } from "@/lib/org/vocabulary";
import { requireAccess } from "@/lib/access/guard";
import { heldPermissions } from "@/lib/access/loaders";
import { loadDepartmentClassIds, loadExamsPage, loadTeacherClassIds } from "@/lib/schedule/exams/loaders";
import { createExamAction } from "@/lib/schedule/exams/actions";
import { loadClassPicker } from "@/lib/schedule/timetable/loaders";
import { formatDateTime } from "@/lib/org/time";
import { ScheduleTabs } from "@/components/schedule/schedule-tabs";
import { ActionForm } from "@/components/ui/action-form";
import { DateInput, Field, Input, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";

export const metadata: Metadata = { title: "Аттестация" };

export default async function ExamsPage() {
  const first = await requireAccess("board.view");
  const held = await heldPermissions(first.user.organisationId, first.user.id);
  const all = held.has("schedule.viewAll");
  const wide = held.get("schedule.viewAll")?.includes("all") ?? false;
  const { user } = await requireAccess(all ? "schedule.viewAll" : "schedule.viewOwn");
  const canEdit = held.has("schedule.edit");
  const own = [
    ...(user.roles.includes("TEACHER") ? await loadTeacherClassIds(user) : []),
    ...(all && !wide ? await loadDepartmentClassIds(user) : []),
  ];
  const [page, classes] = await Promise.all([
    loadExamsPage(user, wide, canEdit, own),
    canEdit ? loadClassPicker(user, held.get("schedule.edit") ?? []) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-4">
      <ScheduleTabs held={held} current="/schedule/exams" />
      <h1 className="text-2xl font-semibold">{vocabulary(user.orgKind).examSeason}</h1>
      {page.options && (
        <ActionForm
          layout="inline"
          framed
          action={createExamAction}
          submitLabel="Добавить"
          success="Аттестация назначена"
          label="Новая аттестация"
        >
          <Field label="Группа / класс">
            <Select name="classId" options={optionsOf(classes)} />
          </Field>
          <Field label="Дисциплина">
            <Select name="subjectId" options={optionsOf(page.options.subjects)} />
          </Field>
          <Field label="Форма">
            <Select name="kind">
              {Object.entries(CONTROL_LABELS.event)
                .filter(([k]) => k !== "NONE")
                .map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
            </Select>
          </Field>
          <Field label="Дата">
            <DateInput name="date" required />
          </Field>
          <Field label="Время">
            <Input type="time" name="time" required defaultValue="09:00" />
          </Field>
          <Field label="Аудитория">
            <Select name="roomId" defaultValue="" placeholder="—" options={optionsOf(page.options.rooms)} />
          </Field>
          <Field label="Экзаменатор">
            <Select name="examinerId" defaultValue="" placeholder="—" options={optionsOf(page.options.teachers)} />
          </Field>
          <label className="flex items-center gap-1 text-xs">
            <input type="checkbox" name="isConsultation" /> консультация
          </label>
        </ActionForm>
      )}
      <table className="w-full rounded border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-100">
          <tr>
            <th className="px-2 py-1 text-left font-medium">Дата и время</th>
            <th className="px-2 py-1 text-left font-medium">Группа</th>
            <th className="px-2 py-1 text-left font-medium">Дисциплина</th>
            <th className="px-2 py-1 text-left font-medium">Форма</th>
            <th className="px-2 py-1 text-left font-medium">Аудитория</th>
            <th className="px-2 py-1 text-left font-medium">Экзаменатор</th>
          </tr>
        </thead>
        <tbody>
          {page.slots.length === 0 && (
            <tr>
              <td colSpan={6} className="px-2 py-3 text-center text-slate-500">
                Аттестаций не назначено.
              </td>
            </tr>
          )}
          {page.slots.map((s) => (
            <tr key={s.id} className="border-t border-slate-100">
              <td className="px-2 py-0.5">{formatDateTime(s.startsAt, user.timeZone)}</td>
              <td className="px-2 py-0.5">{s.className}</td>
              <td className="px-2 py-0.5">{s.subjectName}</td>
              <td className="px-2 py-0.5">
                {s.isConsultation ? "консультация" : s.kind === "NONE" ? "" : CONTROL_LABELS.event[s.kind]}
              </td>
              <td className="px-2 py-0.5">{s.roomName ?? ""}</td>
              <td className="px-2 py-0.5">{s.examinerName ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
