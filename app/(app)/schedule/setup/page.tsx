// «Звонки и кабинеты» (SCH-1): bell schedules (several, e.g. for shifts), which class rings by
// which, and rooms with capacity.
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { heldPermissions } from "@/lib/access/loaders";
import { loadSetup } from "@/lib/schedule/setup/loaders";
import { assignBellScheduleAction, saveBellScheduleAction, saveRoomAction } from "@/lib/schedule/setup/actions";
import { bellsText } from "@/lib/schedule/setup/rules";
import { ScheduleTabs } from "@/components/schedule/schedule-tabs";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox, Field, Input, Select, Textarea } from "@/components/ui/field";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { optionsOf } from "@/components/ui/options";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Звонки и кабинеты" };

const ROOM_COLUMNS: readonly DataColumn[] = [
  { key: "name", header: "Кабинет", rowHeader: true, sortable: true },
  { key: "capacity", header: "Мест", align: "right", sortable: true },
  { key: "building", header: "Корпус", sortable: true },
];

export default async function SetupPage() {
  const { user } = await requireAccess("schedule.edit");
  const [held, view] = await Promise.all([heldPermissions(user.organisationId, user.id), loadSetup(user)]);
  const v = vocabulary(user.orgKind);
  const rows = view.rooms.map((r) => ({
    key: r.id,
    cells: { name: r.name, capacity: r.capacity ?? "—", building: r.building ?? "" },
  }));
  return (
    <div className="space-y-4">
      <ScheduleTabs held={held} current="/schedule/setup" />
      <PageHeader title="Звонки и кабинеты" />
      <section className="space-y-2">
        <h2 className="font-semibold">Расписания звонков</h2>
        <div className="grid gap-3 md:grid-cols-2">
          {view.schedules.map((s) => (
            <ActionForm
              key={s.id}
              layout="inline"
              framed
              action={saveBellScheduleAction}
              submitLabel="Сохранить"
              success="Звонки сохранены"
              label={`Звонки: ${s.name}`}
            >
              <input type="hidden" name="name" value={s.name} />
              <p className="basis-full font-medium">
                {s.name}
                {s.isDefault ? " (по умолчанию)" : ""} · {v.class.genPl}: {s._count.classes}
              </p>
              <Field label={`Звонки, по строке на ${v.lesson.acc}`}>
                <Textarea
                  className="font-mono"
                  name="bells"
                  rows={Math.max(s.bells.length, 3)}
                  defaultValue={bellsText(s.bells)}
                />
              </Field>
              <Checkbox name="isDefault" defaultChecked={s.isDefault} label="по умолчанию" size="sm" />
            </ActionForm>
          ))}
          <ActionForm
            layout="inline"
            framed
            action={saveBellScheduleAction}
            submitLabel="Добавить"
            success="Расписание звонков добавлено"
            label="Новое расписание звонков"
          >
            <p className="basis-full font-medium">Новое расписание звонков (например, для второй смены)</p>
            <Field label="Название">
              <Input type="text" name="name" required maxLength={100} />
            </Field>
            <Field label={`Звонки, по строке на ${v.lesson.acc}`}>
              <Textarea className="font-mono" name="bells" rows={4} placeholder={"13:30-14:15\n14:25-15:10"} />
            </Field>
          </ActionForm>
        </div>
        {/* DAY-11: shown with one schedule too — a class without bells gets it here */}
        {view.schedules.length > 0 && (
          <ActionForm
            layout="inline"
            framed
            action={assignBellScheduleAction}
            submitLabel="Назначить"
            success="Расписание звонков назначено"
            label={`Звонки ${v.class.gen}`}
          >
            <Field label={cap(v.class.nom)}>
              <Select name="classId" options={optionsOf(view.classes)} />
            </Field>
            <Field label="Расписание звонков">
              <Select name="scheduleId" options={optionsOf(view.schedules)} />
            </Field>
          </ActionForm>
        )}
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">Кабинеты</h2>
        <ActionForm
          layout="inline"
          framed
          action={saveRoomAction}
          submitLabel="Сохранить кабинет"
          success="Кабинет сохранён"
          label="Кабинет"
        >
          <Field label="Кабинет">
            <Input type="text" name="name" required maxLength={60} />
          </Field>
          <Field label="Вместимость">
            <Input className="w-24" type="number" name="capacity" min={1} max={2000} />
          </Field>
          <Field label="Корпус">
            <Input type="text" name="building" maxLength={100} />
          </Field>
        </ActionForm>
        <DataTable label="Кабинеты" empty="Кабинетов нет" columns={ROOM_COLUMNS} rows={rows} />
      </section>
    </div>
  );
}
