// «Звонки и кабинеты» (SCH-1): bell schedules (several, e.g. for shifts), which class rings by
// which, and rooms with capacity.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { heldPermissions } from "@/lib/access/loaders";
import { loadSetup } from "@/lib/schedule/setup/loaders";
import { assignBellScheduleAction, saveBellScheduleAction, saveRoomAction } from "@/lib/schedule/setup/actions";
import { bellsText } from "@/lib/schedule/setup/rules";
import { ScheduleTabs } from "@/components/schedule/schedule-tabs";
import { ActionForm } from "@/components/schedule/action-form";
import { Field, fieldClass } from "@/components/schedule/field";

export const metadata: Metadata = { title: "Звонки и кабинеты" };

export default async function SetupPage() {
  const { user } = await requireAccess("schedule.edit");
  const [held, view] = await Promise.all([heldPermissions(user.organisationId, user.id), loadSetup(user)]);
  return (
    <div className="space-y-4">
      <ScheduleTabs held={held} current="/schedule/setup" />
      <h1 className="text-2xl font-semibold">Звонки и кабинеты</h1>
      <section className="space-y-2">
        <h2 className="font-semibold">Расписания звонков</h2>
        <div className="grid gap-3 md:grid-cols-2">
          {view.schedules.map((s) => (
            <ActionForm
              key={s.id}
              action={saveBellScheduleAction}
              submitLabel="Сохранить"
              successText="Звонки сохранены"
              label={`Звонки: ${s.name}`}
            >
              <input type="hidden" name="name" value={s.name} />
              <p className="basis-full font-medium">
                {s.name}
                {s.isDefault ? " (по умолчанию)" : ""} · классов: {s._count.classes}
              </p>
              <Field label="Звонки, по строке на урок">
                <textarea
                  name="bells"
                  rows={Math.max(s.bells.length, 3)}
                  defaultValue={bellsText(s.bells)}
                  className={`${fieldClass} font-mono`}
                />
              </Field>
              <label className="flex items-center gap-1 text-xs">
                <input type="checkbox" name="isDefault" defaultChecked={s.isDefault} /> по умолчанию
              </label>
            </ActionForm>
          ))}
          <ActionForm
            action={saveBellScheduleAction}
            submitLabel="Добавить"
            successText="Расписание звонков добавлено"
            label="Новое расписание звонков"
          >
            <p className="basis-full font-medium">Новое расписание звонков (например, для второй смены)</p>
            <Field label="Название">
              <input type="text" name="name" required maxLength={100} className={fieldClass} />
            </Field>
            <Field label="Звонки, по строке на урок">
              <textarea
                name="bells"
                rows={4}
                placeholder={"13:30-14:15\n14:25-15:10"}
                className={`${fieldClass} font-mono`}
              />
            </Field>
          </ActionForm>
        </div>
        {view.schedules.length > 1 && (
          <ActionForm
            action={assignBellScheduleAction}
            submitLabel="Назначить"
            successText="Расписание звонков назначено"
            label="Звонки класса"
          >
            <Field label="Класс / группа">
              <select name="classId" className={fieldClass}>
                {view.classes.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Расписание звонков">
              <select name="scheduleId" className={fieldClass}>
                {view.schedules.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
          </ActionForm>
        )}
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">Кабинеты</h2>
        <ActionForm
          action={saveRoomAction}
          submitLabel="Сохранить кабинет"
          successText="Кабинет сохранён"
          label="Кабинет"
        >
          <Field label="Кабинет">
            <input type="text" name="name" required maxLength={60} className={fieldClass} />
          </Field>
          <Field label="Вместимость">
            <input type="number" name="capacity" min={1} max={2000} className={`${fieldClass} w-24`} />
          </Field>
          <Field label="Корпус">
            <input type="text" name="building" maxLength={100} className={fieldClass} />
          </Field>
        </ActionForm>
        <table className="rounded border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-100">
            <tr>
              <th className="px-2 py-1 text-left font-medium">Кабинет</th>
              <th className="px-2 py-1 text-left font-medium">Мест</th>
              <th className="px-2 py-1 text-left font-medium">Корпус</th>
            </tr>
          </thead>
          <tbody>
            {view.rooms.map((r) => (
              <tr key={r.id} className="border-t border-slate-100">
                <td className="px-2 py-0.5">{r.name}</td>
                <td className="px-2 py-0.5 tabular-nums">{r.capacity ?? "—"}</td>
                <td className="px-2 py-0.5">{r.building ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
