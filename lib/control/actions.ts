"use server";
// Remarks on journal keeping (CTL-2): the writer (remarks.write) files a remark on a teacher and
// optionally a class/subject/lesson; the teacher (remarks.resolve, own) marks it done with a
// comment; the writer closes or reopens it. zod → gate → mutation (with audit) → revalidate.
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { checkRemarkTarget, findRemark } from "./remarks/data";
import { createRemark, moveRemark } from "./remarks/mutations";
import { REMARK_STATUS_LABELS, remarkTransition, type RemarkStatusName } from "./rules";
import { issuesText, remarkCreate, remarkMove } from "./schema";

type Done = ActionResult<{ message: string }>;

function field(data: FormData, name: string): string | undefined {
  const v = data.get(name);
  return typeof v === "string" ? v : undefined;
}

export async function createRemarkAction(_prev: Done | null, data: FormData): Promise<Done> {
  const parsed = remarkCreate.safeParse({
    teacherId: field(data, "teacherId"),
    classId: field(data, "classId"),
    subjectId: field(data, "subjectId"),
    lessonId: field(data, "lessonId"),
    text: field(data, "text"),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fieldErrors[String(i.path[0] ?? "form")] ??= []).push(i.message);
    return fail("INVALID_INPUT", issuesText(parsed.error), fieldErrors);
  }
  const r = parsed.data;
  const access = await requireAccessForAction("remarks.write", r.classId ? { kind: "class", classId: r.classId } : undefined);
  if (!access.ok) return access;
  const { user, scopes } = access;
  // A department head writes only about the classes of their department: the class is required.
  if (!scopes.includes("all") && !r.classId && !r.lessonId) {
    return fail("INVALID_INPUT", "Укажите класс (группу) вашего отделения", { classId: ["Укажите класс (группу)"] });
  }
  const target = await checkRemarkTarget(user.organisationId, r);
  if (!target.ok) return fail("INVALID_INPUT", target.message, { [target.field]: [target.message] });
  if (target.classId && !r.classId) {
    const byLesson = await requireAccessForAction("remarks.write", { kind: "class", classId: target.classId });
    if (!byLesson.ok) return byLesson;
  }
  await createRemark(user.organisationId, user.id, {
    teacherId: r.teacherId, classId: target.classId, subjectId: target.subjectId, lessonId: r.lessonId ?? null, text: r.text,
  });
  revalidatePath("/control/remarks");
  revalidatePath("/");
  return ok({ message: "Замечание отправлено учителю" });
}

export async function moveRemarkAction(_prev: Done | null, data: FormData): Promise<Done> {
  const parsed = remarkMove.safeParse({ remarkId: field(data, "remarkId"), move: field(data, "move"), note: field(data, "note") });
  if (!parsed.success) return fail("INVALID_INPUT", issuesText(parsed.error));
  const { remarkId, move, note } = parsed.data;
  const permission = move === "done" ? "remarks.resolve" : "remarks.write";
  const access = await requireAccessForAction(permission);
  if (!access.ok) return access;
  const { user, scopes } = access;
  const remark = await findRemark(user.organisationId, remarkId);
  if (!remark) return fail("NOT_FOUND", "Замечание не найдено");
  // The teacher resolves only their own remarks; the writer (or a writer over the whole
  // organisation, e.g. the director) closes and reopens.
  if (move === "done" && remark.teacherId !== user.id) return fail("FORBIDDEN", "Это замечание адресовано другому учителю");
  if (move !== "done" && remark.authorId !== user.id && !scopes.includes("all")) return fail("FORBIDDEN", "Закрыть замечание может тот, кто его написал");
  const from = remark.status as RemarkStatusName;
  const to = remarkTransition(from, move);
  if (!to) return fail("CONFLICT", `Замечание уже в состоянии «${REMARK_STATUS_LABELS[from]}»`);
  const moved = await moveRemark(user.organisationId, user.id, { id: remarkId, from, to, note, move }, new Date());
  if (!moved) return fail("CONFLICT", "Замечание уже изменено, обновите страницу");
  revalidatePath("/control/remarks");
  revalidatePath("/");
  return ok({ message: move === "done" ? "Отмечено как устранённое" : move === "close" ? "Замечание закрыто" : "Замечание снова открыто" });
}
