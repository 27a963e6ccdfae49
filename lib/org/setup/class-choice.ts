// The class a per-class set-up page works on (ORG-6: «Учебный план», «Тарификация»): the current year, its
// classes, the one asked for in the address (else the first) and whether the user may edit it here
// (curriculum.edit on that class, the year not closed). One reading for both pages.
import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import { idSchema } from "@/lib/schema";
import { loadClassesOfYear, loadCurrentYear } from "./loaders";

const search = z.object({ classId: idSchema.optional() });

type Year = NonNullable<Awaited<ReturnType<typeof loadCurrentYear>>>;
type Class = Awaited<ReturnType<typeof loadClassesOfYear>>[number];

export type ClassChoice =
  | { kind: "no-year" }
  | { kind: "no-class" }
  | { kind: "class"; year: Year; classes: Class[]; cls: Class; editable: boolean };

export async function loadClassChoice(user: CurrentUser, searchParams: unknown): Promise<ClassChoice> {
  const year = await loadCurrentYear(user);
  if (!year) return { kind: "no-year" };
  const classes = await loadClassesOfYear(user, year.id);
  const q = search.safeParse(searchParams);
  const cls = classes.find((c) => c.id === (q.success ? q.data.classId : undefined)) ?? classes[0];
  if (!cls) return { kind: "no-class" };
  const edit = await authorize(user, "curriculum.edit", { kind: "class", classId: cls.id });
  return { kind: "class", year, classes, cls, editable: edit.allowed && year.status !== "CLOSED" };
}
