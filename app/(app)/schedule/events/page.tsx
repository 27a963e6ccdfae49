// «Мероприятия» (SCH-1): school-wide events (events.school) and class events (events.class).
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { heldPermissions } from "@/lib/access/loaders";
import { loadMyClasses } from "@/lib/people/loaders";
import { loadEventsPage } from "@/lib/schedule/events/loaders";
import { createEventAction } from "@/lib/schedule/events/actions";
import { isoDate } from "@/lib/org/time";
import { EventLine } from "@/components/schedule/event-line";
import { ScheduleTabs } from "@/components/schedule/schedule-tabs";
import { ListCard } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/action-form";
import { DateInput, Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { vocabulary, wholeOrganisation } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Мероприятия" };

export default async function EventsPage() {
  const first = await requireAccess("board.view");
  const held = await heldPermissions(first.user.organisationId, first.user.id);
  const schoolWide = held.has("events.school");
  const { user } = await requireAccess(schoolWide ? "events.school" : "events.class");
  const own = schoolWide ? [] : await loadMyClasses(user);
  const page = await loadEventsPage(user, schoolWide, own);
  return (
    <div className="space-y-4">
      <ScheduleTabs held={held} current="/schedule/events" />
      <PageHeader title="Мероприятия" />
      <ActionForm
        layout="inline"
        framed
        action={createEventAction}
        submitLabel="Добавить мероприятие"
        success="Мероприятие добавлено"
        label="Новое мероприятие"
      >
        <Field label="Название">
          <Input type="text" name="title" required maxLength={200} />
        </Field>
        <Field label="Для кого">
          <Select name="classId" defaultValue="">
            {schoolWide && <option value="">{wholeOrganisation(vocabulary(user.orgKind))}</option>}
            {page.classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Дата">
          <DateInput name="date" required defaultValue={isoDate(page.today)} />
        </Field>
        <Field label="Начало">
          <Input type="time" name="startTime" required defaultValue="15:00" />
        </Field>
        <Field label="Окончание">
          <Input type="time" name="endTime" />
        </Field>
        <Field label="Место">
          <Input type="text" name="place" maxLength={200} />
        </Field>
        <Field label="Описание">
          <Input type="text" name="description" maxLength={2000} />
        </Field>
      </ActionForm>
      <ListCard
        title="Ближайшие мероприятия"
        empty="Мероприятий нет."
        items={page.events.map((e) => (
          <EventLine key={e.id} event={e} timeZone={user.timeZone} kind={user.orgKind} />
        ))}
      />
    </div>
  );
}
