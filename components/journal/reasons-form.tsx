"use client";
// The class teacher's list of absences with a reason select per absence (JRN-4).
import { useActionState } from "react";
import { saveReasonsAction } from "@/lib/journal/reasons/actions";
import { ATTENDANCE_LABELS, ATTENDANCE_TITLES, type AttendanceCodeName } from "@/lib/journal/rules";
import { FormStatus } from "@/components/ui/action-form";
import { Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

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

export function ReasonsForm({ classId, rows }: { classId: number; rows: ReasonRow[] }) {
  const [state, action] = useActionState(saveReasonsAction, null);
  if (rows.length === 0) return <p className="text-sm text-slate-600">Пропусков за выбранные дни нет.</p>;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="classId" value={classId} />
      <table className="text-sm">
        <thead>
          <tr className="border-b text-left text-slate-500">
            <th className="py-1 pr-4 font-normal">Обучающийся</th>
            <th className="py-1 pr-4 font-normal">Дата</th>
            <th className="py-1 pr-4 font-normal">Урок</th>
            <th className="py-1 pr-4 font-normal">Предмет</th>
            <th className="py-1 font-normal">Отметка / причина</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const prev = rows[i - 1];
            const label = `${r.student}, ${r.date}, ${r.bell}-й урок, ${r.subject}`;
            return (
              <tr
                key={`${r.lessonId}:${r.studentId}`}
                className={`border-b border-slate-100 ${prev && prev.student !== r.student ? "border-t border-t-slate-300" : ""}`}
              >
                <td className="py-1 pr-4">{prev?.student === r.student ? "" : r.student}</td>
                <td className="py-1 pr-4 tabular-nums">{r.date}</td>
                <td className="py-1 pr-4">{r.bell}</td>
                <td className="py-1 pr-4">{r.subject}</td>
                <td className="py-1">
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
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <SubmitButton>Сохранить причины</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
