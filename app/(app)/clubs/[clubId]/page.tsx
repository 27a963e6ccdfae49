// One club (PRG-2): its leader and description, members from any classes of the year, its weekly
// slots (checked against the timetable: a clash is refused naming it) and its КТП. Those who keep
// the clubs (clubs.manage) change everything; the leader (clubs.journal, scope «leader») writes the
// КТП and opens the journal.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { permissionsOn } from "@/lib/access/authorize";
import {
  addClubMemberAction,
  deleteClubSlotAction,
  removeClubMemberAction,
  saveClubAction,
  saveClubPlanAction,
  saveClubSlotAction,
} from "@/lib/clubs/actions";
import { loadClubPage } from "@/lib/clubs/loaders";
import { planText } from "@/lib/clubs/rules";
import { formatDate } from "@/lib/org/time";
import { idSchema } from "@/lib/schema";
import { clockLabel } from "@/lib/schedule/timetable/rules";
import { WEEKDAY_NAMES } from "@/lib/schedule/week";
import { ClubFields } from "@/components/clubs/club-fields";
import { ActionForm, type ActionFormProps } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { DateInput, Field, HiddenFields, Input, Select, Textarea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { cap, vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Объединение" };

const params = z.object({ clubId: idSchema });

const WEEKDAYS = [1, 2, 3, 4, 5, 6].map((d) => ({ value: d, label: WEEKDAY_NAMES[d] }));

type Of = { clubId: number; frozen: string | null };

/** A form of this club: it sends the club's id (and `values`), inline, disabled once the year is closed. */
function ClubForm<T>({
  of,
  values = {},
  children,
  ...props
}: ActionFormProps<T> & { of: Of; values?: Record<string, number> }) {
  return (
    <ActionForm layout="inline" disabledReason={of.frozen} {...props}>
      <HiddenFields values={{ clubId: of.clubId, ...values }} />
      {children}
    </ActionForm>
  );
}

/** A row's small «remove» button (a member, a slot). */
function RemoveForm<T>(props: ActionFormProps<T> & { of: Of; values: Record<string, number> }) {
  return <ClubForm submitVariant="ghost" size="sm" {...props} />;
}

export default async function ClubPage({ params: raw }: { params: Promise<{ clubId: string }> }) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const target = { kind: "club" as const, clubId: parsed.data.clubId };
  const { user } = await requireAccess(["clubs.manage", "clubs.journal"], target);
  const [view, held] = await Promise.all([
    loadClubPage(user.organisationId, parsed.data.clubId),
    permissionsOn(user, ["clubs.manage", "clubs.journal"], target),
  ]);
  if (!view) notFound();
  const { club } = view;
  const v = vocabulary(user.orgKind);
  const manage = held.has("clubs.manage");
  const frozen = club.year.status === "CLOSED" ? "Учебный год закрыт" : null;
  const of = { clubId: club.id, frozen };
  return (
    <div className="space-y-4">
      <PageHeader
        title={club.name}
        subtitle={
          <>
            Руководитель: {club.leaderName} · {club.year.name} учебный год
          </>
        }
        actions={
          <div className="flex flex-wrap gap-4 text-sm">
            <Link href="/clubs" className="text-blue-700 hover:underline">
              Все объединения
            </Link>
            {held.has("clubs.journal") && (
              <Link href={`/clubs/${club.id}/journal`} className="text-blue-700 hover:underline">
                Журнал объединения
              </Link>
            )}
          </div>
        }
      />
      {club.description && <p className="text-sm text-slate-700">{club.description}</p>}
      {manage && (
        <ClubForm
          of={of}
          action={saveClubAction}
          framed
          submitLabel="Сохранить"
          label="Объединение"
          resetOnSuccess={false}
        >
          <ClubFields leaders={view.leaders} club={club} />
          <Field label="Мест (открытая запись)" name="capacity">
            <Input
              type="number"
              min={1}
              max={500}
              defaultValue={club.capacity ?? ""}
              placeholder="без ограничения"
              className="w-40"
            />
          </Field>
        </ClubForm>
      )}

      <Card title={`${cap(v.student.nomPl)} (${club.members.length})`}>
        {manage && (
          <ClubForm of={of} action={addClubMemberAction} submitLabel="Записать" label={`Записать ${v.student.acc}`}>
            <Field label={`${cap(v.student.nom)} (из любого ${v.class.gen})`} name="studentId">
              <Select
                required
                placeholder="— выберите —"
                placeholderDisabled
                defaultValue=""
                groups={view.studentGroups}
              />
            </Field>
          </ClubForm>
        )}
        <DataTable
          label={`${cap(v.student.nomPl)} объединения`}
          empty={`В объединении пока нет ${v.student.genPl}`}
          columns={[
            { key: "name", header: cap(v.student.nom), rowHeader: true, sortable: true },
            { key: "class", header: cap(v.class.nom), sortable: true },
            ...(manage ? [{ key: "remove", header: "" }] : []),
          ]}
          rows={club.members.map((m) => ({
            key: m.studentId,
            tags: [m.className],
            cells: {
              name: m.name,
              class: m.className,
              remove: (
                <RemoveForm
                  of={of}
                  action={removeClubMemberAction}
                  submitLabel="Вывести"
                  label={`Вывести ${m.name}`}
                  values={{ studentId: m.studentId }}
                />
              ),
            },
          }))}
        />
      </Card>

      <Card title="Расписание занятий">
        {manage && (
          <ClubForm of={of} action={saveClubSlotAction} submitLabel="Добавить занятие" label="Занятие в расписании">
            <Field label="День недели" name="weekday">
              <Select required options={WEEKDAYS} />
            </Field>
            <Field label="Начало" name="start">
              <Input type="time" required className="w-28" />
            </Field>
            <Field label="Окончание" name="end">
              <Input type="time" required className="w-28" />
            </Field>
            <Field label="Кабинет" name="roomId">
              <Select placeholder="—" options={view.rooms} />
            </Field>
            <Field label="Действует с" name="validFrom" hint="пусто — весь учебный год">
              <DateInput />
            </Field>
            <Field label="по" name="validTo">
              <DateInput />
            </Field>
          </ClubForm>
        )}
        <DataTable
          label="Расписание объединения"
          empty="Занятия ещё не поставлены в расписание"
          columns={[
            { key: "day", header: "День", rowHeader: true },
            { key: "time", header: "Время" },
            { key: "room", header: "Кабинет" },
            { key: "valid", header: "Действует" },
            ...(manage ? [{ key: "remove", header: "" }] : []),
          ]}
          rows={club.slots.map((s) => ({
            key: s.id,
            cells: {
              day: WEEKDAY_NAMES[s.weekday],
              time: `${clockLabel(s.start)}–${clockLabel(s.end)}`,
              room: s.roomName ?? "—",
              valid: `${formatDate(s.validFrom)} – ${formatDate(s.validTo)}`,
              remove: (
                <RemoveForm
                  of={of}
                  action={deleteClubSlotAction}
                  submitLabel="Убрать"
                  label="Убрать занятие"
                  values={{ slotId: s.id }}
                />
              ),
            },
          }))}
        />
      </Card>

      <Card title={`КТП (${club.plan.length} тем, ${club.plan.reduce((n, i) => n + i.hours, 0)} ч)`}>
        <ClubForm
          of={of}
          action={saveClubPlanAction}
          layout="stack"
          submitLabel="Сохранить КТП"
          label="КТП объединения"
          resetOnSuccess={false}
        >
          <Field label="Темы занятий: одна строка — одна тема, «Тема; часы» (по умолчанию 1 час)" name="plan">
            <Textarea rows={8} defaultValue={planText(club.plan)} />
          </Field>
        </ClubForm>
      </Card>
    </div>
  );
}
