// The class a per-class set-up page works on (ORG-6: «Учебный план», «Тарификация»): curriculum.view
// opens the page; the current year, its classes, the one asked for in the address (else the first)
// and whether the user may edit it here (curriculum.edit on that class, the year not closed). One
// reading for both pages; `missing` is the page's whole text when there is no year or no class.
import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { idSchema } from "@/lib/schema";
import { loadClassesOfYear, loadCurrentYear } from "./loaders";

const search = z.object({ classId: idSchema.optional() });

export async function requireCurriculumClass(searchParams: unknown) {
  const { user } = await requireAccess("curriculum.view");
  const v = vocabulary(user.orgKind);
  const year = await loadCurrentYear(user);
  if (!year) return { missing: "Текущий учебный год не задан." } as const;
  const classes = await loadClassesOfYear(user, year.id);
  const q = search.safeParse(searchParams);
  const cls = classes.find((c) => c.id === (q.success ? q.data.classId : undefined)) ?? classes[0];
  if (!cls) return { missing: `${cap(v.class.genPl)} нет.` } as const;
  const edit = await authorize(user, "curriculum.edit", { kind: "class", classId: cls.id });
  return { user, v, year, classes, cls, editable: edit.allowed && year.status !== "CLOSED" };
}
