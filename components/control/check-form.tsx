"use client";
// «Записать проверку» (DUT-2): class (with the level the user checks it at), subject and period
// optional, the result, the findings and, for those who write remarks, a remark to a teacher.
import { useActionState, useState } from "react";
import { recordCheckAction } from "@/lib/control/checks/actions";
import { CHECK_LEVEL_LABELS, type CheckLevelName } from "@/lib/control/checks/rules";

type Option = { id: number; name: string };
const input = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm";

export function CheckForm({
  classes,
  subjects,
  periods,
  teachers,
  classWord,
  canRemark,
}: {
  classes: (Option & { levels: CheckLevelName[] })[];
  subjects: Option[];
  periods: Option[];
  teachers: Option[];
  classWord: string;
  canRemark: boolean;
}) {
  const [state, action, pending] = useActionState(recordCheckAction, null);
  const [classId, setClassId] = useState(String(classes[0]?.id ?? ""));
  const levels = classes.find((c) => String(c.id) === classId)?.levels ?? [];
  const err = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return (
    <form
      action={action}
      className="space-y-2 rounded border border-slate-200 bg-white p-4"
      aria-label="Записать проверку"
    >
      <h2 className="font-semibold">Записать проверку</h2>
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
        <label className="block text-sm">
          {classWord}
          <select
            name="classId"
            required
            className={input}
            value={classId}
            onChange={(e) => setClassId(e.target.value)}
          >
            {classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {err("classId") && <span className="text-xs text-red-700">{err("classId")}</span>}
        </label>
        <label className="block text-sm">
          Проверка как
          <select name="level" className={input} key={classId} defaultValue={levels[0] ?? ""}>
            {levels.map((l) => (
              <option key={l} value={l}>
                {CHECK_LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
          {err("level") && <span className="text-xs text-red-700">{err("level")}</span>}
        </label>
        <label className="block text-sm">
          Предмет
          <select name="subjectId" className={input} defaultValue="">
            <option value="">все предметы</option>
            {subjects.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {err("subjectId") && <span className="text-xs text-red-700">{err("subjectId")}</span>}
        </label>
        <label className="block text-sm">
          Учебный период
          <select name="periodId" className={input} defaultValue="">
            <option value="">—</option>
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {err("periodId") && <span className="text-xs text-red-700">{err("periodId")}</span>}
        </label>
        <label className="block text-sm">
          Результат
          <select name="result" required className={input} defaultValue="OK">
            <option value="OK">замечаний нет</option>
            <option value="REMARKS">есть замечания</option>
          </select>
          {err("result") && <span className="text-xs text-red-700">{err("result")}</span>}
        </label>
      </div>
      <label className="block text-sm">
        Итоги проверки
        <textarea name="findings" maxLength={2000} rows={2} className={input} />
        {err("findings") && <span className="text-xs text-red-700">{err("findings")}</span>}
      </label>
      {canRemark && (
        <fieldset className="grid gap-2 sm:grid-cols-3">
          <legend className="text-sm text-slate-600">Замечание учителю (необязательно)</legend>
          <label className="block text-sm">
            Учитель
            <select name="remarkTeacherId" className={input} defaultValue="">
              <option value="">—</option>
              {teachers.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            {err("remarkTeacherId") && <span className="text-xs text-red-700">{err("remarkTeacherId")}</span>}
          </label>
          <label className="block text-sm sm:col-span-2">
            Текст замечания
            <textarea name="remarkText" maxLength={2000} rows={2} className={input} />
            {err("remarkText") && <span className="text-xs text-red-700">{err("remarkText")}</span>}
          </label>
        </fieldset>
      )}
      <div className="flex items-center gap-3">
        <button disabled={pending} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white">
          Записать проверку
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
    </form>
  );
}
