// «Составление расписания»: the weekly template of one class as an editable grid (SCH-2).
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { heldPermissions } from "@/lib/access/loaders";
import { requireScheduleClass } from "@/lib/schedule/timetable/class-choice";
import { loadEditGrid } from "@/lib/schedule/timetable/loaders";
import { formatDate } from "@/lib/org/time";
import { ScheduleTabs } from "@/components/schedule/schedule-tabs";
import { TimetableGrid } from "@/components/schedule/timetable-grid";
import { ScheduleClassPicker } from "@/components/schedule/class-picker";
import { idSchema } from "@/lib/schema";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Составление расписания" };

const search = z.object({ class: idSchema.optional() });

export default async function EditSchedulePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = search.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const { user, classes, classId } = await requireScheduleClass(parsed.data.class);
  const v = vocabulary(user.orgKind);
  const grid = classId ? await loadEditGrid(user, classId) : null;
  if (parsed.data.class && !grid) notFound();
  const held = await heldPermissions(user.organisationId, user.id);
  return (
    <div className="space-y-3">
      <ScheduleTabs held={held} current="/schedule/edit" />
      <PageHeader title={<>Составление расписания{grid ? `: ${grid.className}` : ""}</>} />
      <ScheduleClassPicker classes={classes} classId={classId} kind={user.orgKind} />
      {grid && classId ? (
        <>
          <p className="text-sm text-slate-600">
            Шаблон недели на {formatDate(grid.on)}. {cap(v.teacher.nom)}, кабинет или {v.class.nom} не могут быть заняты
            дважды в одно время; {v.teacher.nom} должен иметь нагрузку (тарификацию) по {v.subject.dat} в {v.class.prep}
            .
          </p>
          <TimetableGrid classId={classId} grid={grid} college={user.orgKind === "COLLEGE"} />
        </>
      ) : (
        <p className="text-sm text-slate-500">{cap(v.class.genPl)} нет.</p>
      )}
    </div>
  );
}
