"use client";
// REC-6: the class teacher records a hospital school's certificate, then transfers its marks onto the
// subjects' lessons of the stay. The server checks the permission, the lock and every mark again.
import { useActionState } from "react";
import { createCertificateAction, saveHospitalMarksAction } from "@/lib/journal/hospital/actions";

const input = "rounded border border-slate-300 px-2 py-1 text-sm";

type State = {
  ok: boolean;
  data?: { message: string };
  message?: string;
  fieldErrors?: Record<string, string[]>;
} | null;

function Result({ state }: { state: State }) {
  if (!state) return null;
  const lines = !state.ok ? (state.fieldErrors?.marks ?? []) : [];
  return (
    <div role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
      <p>{state.ok ? state.data?.message : state.message}</p>
      {lines.length > 1 && (
        <ul className="list-disc pl-5">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function CertificateForm({ students }: { students: { studentId: number; label: string }[] }) {
  const [state, action, pending] = useActionState(createCertificateAction, null);
  return (
    <form
      action={action}
      className="space-y-2 rounded border border-slate-200 bg-slate-50 p-3"
      aria-label="Новая справка"
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block text-slate-600">Ученик</span>
          <select name="studentId" required className={input} defaultValue="">
            <option value="" disabled>
              выберите
            </option>
            {students.map((s) => (
              <option key={s.studentId} value={s.studentId}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">№ справки</span>
          <input name="number" required maxLength={40} className={`${input} w-28`} />
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">Дата справки</span>
          <input type="date" name="issuedOn" required className={input} />
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">Пребывание с</span>
          <input type="date" name="stayFrom" required className={input} />
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">по</span>
          <input type="date" name="stayTo" required className={input} />
        </label>
        <label className="min-w-56 flex-1 text-sm">
          <span className="block text-slate-600">Учреждение (необязательно)</span>
          <input name="institution" maxLength={200} className={`${input} w-full`} />
        </label>
        <button
          disabled={pending}
          className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50"
        >
          Добавить справку
        </button>
      </div>
      <Result state={state} />
    </form>
  );
}

export type StayRow = {
  lessonId: number;
  date: string;
  subject: string;
  topic: string | null;
  value: string;
};

export function HospitalMarksForm({ certificateId, rows }: { certificateId: number; rows: StayRow[] }) {
  const [state, action, pending] = useActionState(saveHospitalMarksAction, null);
  return (
    <form action={action} className="space-y-2" aria-label="Отметки из справки">
      <input type="hidden" name="certificateId" value={certificateId} />
      <table className="text-sm" data-testid="stay-lessons">
        <thead>
          <tr className="border-b text-left text-slate-500">
            <th className="py-1 pr-4 font-normal">Дата</th>
            <th className="py-1 pr-4 font-normal">Предмет</th>
            <th className="py-1 pr-4 font-normal">Тема урока</th>
            <th className="py-1 font-normal">Отметка</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.lessonId} className="border-b border-slate-100">
              <td className="py-0.5 pr-4 tabular-nums">{r.date}</td>
              <td className="py-0.5 pr-4">{r.subject}</td>
              <td className="max-w-80 truncate py-0.5 pr-4 text-slate-600">{r.topic ?? ""}</td>
              <td className="py-0.5">
                <input
                  name={`m:${r.lessonId}`}
                  defaultValue={r.value}
                  maxLength={5}
                  aria-label={`${r.date}, ${r.subject}`}
                  className={`${input} w-16 text-center`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        disabled={pending}
        className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50"
      >
        Сохранить отметки из справки
      </button>
      <Result state={state} />
    </form>
  );
}
