"use client";
// The class teacher's list of absences with a reason select per absence (JRN-4).
import { saveReasonsAction } from "@/lib/journal/reasons/actions";
import { ATTENDANCE_LABELS, ATTENDANCE_TITLES, type AttendanceCodeName } from "@/lib/journal/rules";
import { ActionForm } from "@/components/ui/action-form";
import { Select } from "@/components/ui/field";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { cap, lessonNumber, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export type ReasonRow = {
  lessonId: number;
  studentId: number;
  student: string;
  date: string;
  bell: number;
  subject: string;
  code: AttendanceCodeName;
  version: number;
};

const OPTIONS: AttendanceCodeName[] = ["N", "UP", "NP", "B", "OT"];

export function ReasonsForm({
  classId,
  rows,
  kind = "SCHOOL",
}: {
  classId: number;
  rows: ReasonRow[];
  /** DAY-6: «Пропуски группы», «Занятие», «Дисциплина», «2-е занятие» at a college. */
  kind?: OrgKindName;
}) {
  const v = vocabulary(kind);
  if (rows.length === 0) return <p className="text-sm text-slate-600">Пропусков за выбранные дни нет.</p>;
  return (
    <ActionForm action={saveReasonsAction} submitLabel="Сохранить причины" resetOnSuccess={false}>
      <input type="hidden" name="classId" value={classId} />
      <Table label={`Пропуски ${v.class.gen}`} maxHeight="none" className="w-fit">
        <thead>
          <tr>
            <Th>Обучающийся</Th>
            <Th>Дата</Th>
            <Th>{cap(v.lesson.nom)}</Th>
            <Th>{cap(v.subject.nom)}</Th>
            <Th>Отметка / причина</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const prev = rows[i - 1];
            const label = `${r.student}, ${r.date}, ${lessonNumber(v, r.bell)}, ${r.subject}`;
            return (
              <Tr
                key={`${r.lessonId}:${r.studentId}`}
                className={prev && prev.student !== r.student ? "[&>td]:border-t [&>td]:border-t-slate-300" : ""}
              >
                <Td>{prev?.student === r.student ? "" : r.student}</Td>
                <Td className="tabular-nums">{r.date}</Td>
                <Td>{r.bell}</Td>
                <Td>{r.subject}</Td>
                <Td>
                  <Select
                    key={r.version}
                    name={`r:${r.lessonId}:${r.studentId}`}
                    defaultValue={`${r.code}:${r.code}:${r.version}`}
                    aria-label={label}
                  >
                    {OPTIONS.map((c) => (
                      <option key={c} value={`${c}:${r.code}:${r.version}`}>
                        {ATTENDANCE_LABELS[c]} — {ATTENDANCE_TITLES[c]}
                      </option>
                    ))}
                  </Select>
                </Td>
              </Tr>
            );
          })}
        </tbody>
      </Table>
    </ActionForm>
  );
}
