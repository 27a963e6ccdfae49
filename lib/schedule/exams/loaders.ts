// «Сессия» (SCH-5): staff see every group; a student or parent their group; a teacher their groups by load.
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { addDays, todayIn } from "@/lib/org/time";
import { loadMyChildren, loadMyPlace } from "@/lib/people/loaders";
import { examFormOptions, examSlots, teacherClassIds } from "./data";
import { departmentClassIds } from "../lessons/data";

export const loadExamsPage = cache(
  async (user: CurrentUser, all: boolean, canEdit: boolean, ownClassIds: readonly number[]) => {
    const from = addDays(todayIn(user.timeZone), -30);
    let classIds: number[] | null = all ? null : [...ownClassIds];
    if (!all && user.roles.includes("STUDENT")) {
      const place = await loadMyPlace(user);
      classIds = [...(classIds ?? []), ...(place ? [place.classId] : [])];
    }
    if (!all && user.roles.includes("PARENT")) {
      const kids = await loadMyChildren(user);
      classIds = [...(classIds ?? []), ...kids.flatMap((k) => (k.classId ? [k.classId] : []))];
    }
    const [slots, options] = await Promise.all([
      examSlots(user.organisationId, classIds, from),
      canEdit ? examFormOptions(user.organisationId) : null,
    ]);
    return { slots, options };
  },
);

export const loadTeacherClassIds = cache((user: CurrentUser) => teacherClassIds(user.organisationId, user.id));

/** A department head's groups (schedule.viewAll in department scope). */
export const loadDepartmentClassIds = cache((user: CurrentUser) => departmentClassIds(user.organisationId, user.id));
