// «Сессия» (SCH-5): exams, credits and consultations per group.
import { CONTROL_LABELS } from "@/lib/journal/marks";
import type { Metadata } from "next";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { requireAccess } from "@/lib/access/guard";
import { heldPermissions } from "@/lib/access/loaders";
import { loadDepartmentClassIds, loadExamsPage, loadTeacherClassIds } from "@/lib/schedule/exams/loaders";
import { createExamAction } from "@/lib/schedule/exams/actions";
import { loadClassPicker } from "@/lib/schedule/timetable/loaders";
import { formatDateTime } from "@/lib/org/time";
import { ScheduleTabs } from "@/components/schedule/schedule-tabs";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox, DateInput, Field, Input, Select } from "@/components/ui/field";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { optionsOf } from "@/components/ui/options";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Аттестация" };

const EXAM_COLUMNS: readonly DataColumn[] = [
  { key: "at", header: "Дата и время", sortable: true },
  { key: "class", header: "Группа", rowHeader: true, sortable: true },
  { key: "subject", header: "Дисциплина", sortable: true },
  { key: "kind", header: "Форма" },
  { key: "room", header: "Аудитория" },
  { key: "examiner", header: "Экзаменатор", sortable: true },
];

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
  const rows = page.slots.map((s) => ({
    key: s.id,
    cells: {
      at: { value: formatDateTime(s.startsAt, user.timeZone), sort: s.startsAt.getTime() },
      class: s.className,
      subject: s.subjectName,
      kind: s.isConsultation ? "консультация" : s.kind === "NONE" ? "" : CONTROL_LABELS.event[s.kind],
      room: s.roomName ?? "",
      examiner: s.examinerName ?? "",
    },
  }));
  return (
    <div className="space-y-4">
      <ScheduleTabs held={held} current="/schedule/exams" />
      <PageHeader title={vocabulary(user.orgKind).examSeason} />
      {page.options && (
        <ActionForm
          layout="inline"
          framed
          action={createExamAction}
          submitLabel="Добавить"
          success="Аттестация назначена"
          label="Новая аттестация"
        >
          <Field label={cap(vocabulary(user.orgKind).class.nom)}>
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
          <Checkbox name="isConsultation" label="консультация" size="sm" />
        </ActionForm>
      )}
      <DataTable label="Аттестации" empty="Аттестаций не назначено." columns={EXAM_COLUMNS} rows={rows} />
    </div>
  );
}
