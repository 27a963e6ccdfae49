// The class an editing page of the schedule works on (SCH-2 «Составление», SCH-3 «Изменения и
// замены»): schedule.edit opens the page, `?class=` picks one of the classes the user may edit
// (default: the first), and schedule.edit is checked again on that class.
import { requireAccess } from "@/lib/access/guard";
import { loadClassPicker } from "./loaders";

export async function requireScheduleClass(requested: number | undefined) {
  const { user, scopes } = await requireAccess("schedule.edit");
  const classes = await loadClassPicker(user, scopes);
  const classId = requested ?? classes[0]?.id;
  if (classId) await requireAccess("schedule.edit", { kind: "class", classId });
  return { user, classes, classId: classId ?? null };
}
