"use server";
// Server actions of learning materials (LRN-2): place a material (a file or a link) for a subject
// and a class / grade / every grade, remove it, attach it to a lesson or a КТП topic.
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { firstIssue, formRecord, idSchema } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { authorizeJournal } from "@/lib/journal/access";
import { planAccess } from "@/lib/plans/access";
import { deleteFile } from "@/lib/storage/files";
import { discardUploads, formUploads, storeUploads } from "@/lib/storage/upload";
import { placerFacts } from "./access";
import { classOf, lessonForMaterials, materialById, planOfTopic, subjectExists } from "./data";
import { createMaterial, deleteMaterial, setLessonMaterial, setTopicMaterial } from "./mutations";
import { mayPlace, mayRemove } from "./rules";
import { attachSchema, materialSchema } from "./schema";

type Result = ActionResult<{ message: string }>;

export async function createMaterialAction(_prev: Result | null, data: FormData): Promise<Result> {
  const gate = await requireAccessForAction("materials.edit");
  if (!gate.ok) return gate;
  if (!(data instanceof FormData)) return fail("INVALID_INPUT");
  const parsed = materialSchema.safeParse(formRecord(data));
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  const m = parsed.data;
  const org = gate.user.organisationId;
  const v = vocabulary(gate.user.orgKind);
  if (!(await subjectExists(org, m.subjectId))) return fail("INVALID_INPUT", cap(v.subjectNotFound));
  let grade = m.grade;
  if (m.classId !== null) {
    const cls = await classOf(org, m.classId);
    if (!cls) return fail("INVALID_INPUT", cap(v.classNotFound));
    grade = cls.grade;
  }
  const facts = await placerFacts(gate.user, gate.scopes);
  if (!mayPlace(facts, { subjectId: m.subjectId, classId: m.classId, grade }))
    return fail("FORBIDDEN", `Нет доступа: материалы размещают по своим ${v.subject.datPl} и ${v.class.datPl}`);
  const uploads = formUploads(data, "file");
  if (m.kind === "FILE" && uploads.length !== 1) return fail("INVALID_INPUT", "Приложите один файл материала");
  const stored = m.kind === "FILE" ? await storeUploads(org, "material", uploads, { max: 1 }) : null;
  if (stored && !stored.ok) return fail("INVALID_INPUT", stored.message);
  try {
    await createMaterial(org, gate.user.id, { ...m, grade, file: stored?.files[0] ?? null }, new Date());
  } catch (e) {
    if (stored) await discardUploads(stored.files);
    throw e;
  }
  revalidatePath("/materials");
  return ok({ message: "Материал размещён" });
}

export async function deleteMaterialAction(_prev: Result | null, data: FormData): Promise<Result> {
  const gate = await requireAccessForAction("materials.edit");
  if (!gate.ok) return gate;
  if (!(data instanceof FormData)) return fail("INVALID_INPUT");
  const id = idSchema.safeParse(data.get("materialId"));
  if (!id.success) return fail("INVALID_INPUT", firstIssue(id.error));
  const m = await materialById(gate.user.organisationId, id.data);
  if (!m) return fail("NOT_FOUND", "Материал не найден");
  if (!mayRemove({ userId: gate.user.id, scopes: gate.scopes }, m.authorId))
    return fail("FORBIDDEN", "Удалить материал может его автор или администрация");
  const removed = await deleteMaterial(gate.user.organisationId, m.id);
  if (removed?.storageKey) await deleteFile(removed.storageKey).catch(() => undefined);
  revalidatePath("/materials");
  return ok({ message: "Материал удалён" });
}

/** Attach a material to a lesson (journal edit on the lesson) or to a КТП topic (plan edit). */
export async function attachMaterialAction(_prev: Result | null, data: FormData): Promise<Result> {
  const gate = await requireAccessForAction(["journal.editAll", "journal.editOwn", "plans.editAll", "plans.editOwn"]);
  if (!gate.ok) return gate;
  if (!(data instanceof FormData)) return fail("INVALID_INPUT");
  const parsed = attachSchema.safeParse(formRecord(data));
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  const { target, targetId, intent } = parsed.data;
  const user = gate.user;
  const material = await materialById(user.organisationId, parsed.data.materialId);
  if (!material) return fail("NOT_FOUND", "Материал не найден");
  const on = intent === "attach";
  if (target === "lesson") {
    const lesson = await lessonForMaterials(user.organisationId, targetId);
    if (!lesson) return fail("NOT_FOUND", "Урок не найден");
    const rights = await authorizeJournal(user, { kind: "lesson", lessonId: lesson.id });
    if (!rights.edit) return fail("FORBIDDEN");
    if (lesson.class.year.status === "CLOSED") return fail("LOCKED", "Учебный год закрыт");
    if (on && material.subjectId !== lesson.subjectId)
      return fail("INVALID_INPUT", "Материал относится к другому предмету");
    await setLessonMaterial(user.organisationId, lesson.id, material.id, on);
  } else {
    const topic = await planOfTopic(user.organisationId, targetId);
    if (!topic) return fail("NOT_FOUND", "Тема КТП не найдена");
    const planGate = await requireAccessForAction(planAccess("edit", topic.plan));
    if (!planGate.ok) return planGate;
    if (on && material.subjectId !== topic.plan.subjectId)
      return fail("INVALID_INPUT", "Материал относится к другому предмету");
    await setTopicMaterial(user.organisationId, targetId, material.id, on);
    revalidatePath(`/plans/${topic.plan.id}`);
  }
  return ok({ message: on ? "Материал прикреплён" : "Материал откреплён" });
}
