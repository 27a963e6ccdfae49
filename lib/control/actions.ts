"use server";
// Remarks on journal keeping (CTL-2): the writer (remarks.write) files a remark on a teacher and
// optionally a class/subject/lesson; the teacher (remarks.resolve, own) marks it done with a
// comment; the writer closes or reopens it. zod → gate → mutation (with audit) → revalidate.
import { issuesText } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { applyRemarkMove, fileRemark } from "./remarks/commands";
import { remarkCreate, remarkMove } from "./schema";
import { vocabulary } from "@/lib/org/vocabulary";

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
    lessonDate: field(data, "lessonDate"),
    text: field(data, "text"),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fieldErrors[String(i.path[0] ?? "form")] ??= []).push(i.message);
    return fail("INVALID_INPUT", issuesText(parsed.error), fieldErrors);
  }
  const access = await requireAccessForAction(
    "remarks.write",
    parsed.data.classId ? { kind: "class", classId: parsed.data.classId } : undefined,
  );
  if (!access.ok) return access;
  const filed = await fileRemark(access.user, access.scopes, parsed.data);
  if (!filed.ok) return filed;
  revalidatePath("/control/remarks");
  revalidatePath("/");
  return ok({ message: `Замечание отправлено ${vocabulary(access.user.orgKind).teacher.dat}` });
}

export async function moveRemarkAction(_prev: Done | null, data: FormData): Promise<Done> {
  const parsed = remarkMove.safeParse({
    remarkId: field(data, "remarkId"),
    move: field(data, "move"),
    note: field(data, "note"),
  });
  if (!parsed.success) return fail("INVALID_INPUT", issuesText(parsed.error));
  const move = parsed.data.move;
  const access = await requireAccessForAction(move === "done" ? "remarks.resolve" : "remarks.write");
  if (!access.ok) return access;
  const moved = await applyRemarkMove(access.user, access.scopes, parsed.data, new Date());
  if (!moved.ok) return moved;
  revalidatePath("/control/remarks");
  revalidatePath("/");
  return ok({
    message:
      move === "done" ? "Отмечено как устранённое" : move === "close" ? "Замечание закрыто" : "Замечание снова открыто",
  });
}
