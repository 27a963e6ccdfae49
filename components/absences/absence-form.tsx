"use client";
// DUT-3: one form for an absence over a date range from a document — a new one (student chosen)
// or an edit of an existing one (absenceId). The server applies it to every lesson of those days.
import { useActionState } from "react";
import { recordAbsenceAction, updateAbsenceAction } from "@/lib/absences/actions";
import { ABSENCE_REASON_LABELS, ABSENCE_REASONS, DOCUMENT_KINDS } from "@/lib/absences/rules";

const input = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm";

export type AbsenceDefaults = {
  absenceId: number;
  dateFrom: string;
  dateTo: string;
  reason: string;
  documentKind: string;
  documentNumber: string;
  documentDate: string;
};

export function AbsenceForm({
  students,
  today,
  edit,
}: {
  students?: { id: number; name: string }[];
  today: string;
  edit?: AbsenceDefaults;
}) {
  const [state, action, pending] = useActionState(edit ? updateAbsenceAction : recordAbsenceAction, null);
  const err = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return (
    <form
      action={action}
      className="space-y-2 rounded border border-slate-200 bg-white p-4"
      aria-label={edit ? "Изменить отсутствие" : "Отметить отсутствие"}
    >
      {!edit && <h2 className="font-semibold">Отметить отсутствие по документу</h2>}
      {edit && <input type="hidden" name="absenceId" value={edit.absenceId} />}
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
        {students && (
          <label className="block text-sm lg:col-span-2">
            Обучающийся
            <select name="studentId" required className={input} defaultValue="">
              <option value="" disabled>
                Выберите
              </option>
              {students.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            {err("studentId") && <span className="text-xs text-red-700">{err("studentId")}</span>}
          </label>
        )}
        <label className="block text-sm">
          С
          <input type="date" name="dateFrom" required defaultValue={edit?.dateFrom ?? today} className={input} />
          {err("dateFrom") && <span className="text-xs text-red-700">{err("dateFrom")}</span>}
        </label>
        <label className="block text-sm">
          По
          <input type="date" name="dateTo" required defaultValue={edit?.dateTo ?? today} className={input} />
          {err("dateTo") && <span className="text-xs text-red-700">{err("dateTo")}</span>}
        </label>
        <label className="block text-sm">
          Причина
          <select name="reason" className={input} defaultValue={edit?.reason ?? "B"}>
            {ABSENCE_REASONS.map((r) => (
              <option key={r} value={r}>
                {ABSENCE_REASON_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          Документ
          <select name="documentKind" className={input} defaultValue={edit?.documentKind ?? DOCUMENT_KINDS[0]}>
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          Номер документа
          <input name="documentNumber" maxLength={50} defaultValue={edit?.documentNumber ?? ""} className={input} />
          {err("documentNumber") && <span className="text-xs text-red-700">{err("documentNumber")}</span>}
        </label>
        <label className="block text-sm">
          Дата документа
          <input type="date" name="documentDate" defaultValue={edit?.documentDate ?? ""} className={input} />
          {err("documentDate") && <span className="text-xs text-red-700">{err("documentDate")}</span>}
        </label>
        <label className="block text-sm">
          Скан или фото (необязательно)
          <input type="file" name="file" accept="image/*,application/pdf" className={input} />
          {err("file") && <span className="text-xs text-red-700">{err("file")}</span>}
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button disabled={pending} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white">
          {edit ? "Сохранить изменения" : "Отметить отсутствие"}
        </button>
        {state && (
          <span
            role={state.ok ? "status" : "alert"}
            className={state.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}
          >
            {state.ok ? state.data.message : state.message}
          </span>
        )}
      </div>
      {!edit && (
        <p className="text-xs text-slate-500">
          Причина ставится на каждый урок этих дней: на «Н» учителя, а где посещаемость ещё не отмечена — ученик
          отмечается отсутствующим; отметку учителя «был на уроке» не меняет. Будущие дни отмечаются, когда наступят.
        </p>
      )}
    </form>
  );
}
