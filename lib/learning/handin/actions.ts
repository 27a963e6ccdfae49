"use server";
// Server actions of homework hand-in (LRN-1): the student's hand-in from the diary, the teacher's
// review and the lesson panel's hand-in settings. parse (zod) → gate → the flow in commands.ts.
import { firstIssue, formRecord, idSchema } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, type ActionResult } from "@/lib/errors";
import { authorizeJournal, EDIT_PERMISSIONS } from "@/lib/journal/access";
import { formUploads } from "@/lib/storage/upload";
import { handIn, reviewHandin, saveHandinSettings } from "./commands";
import { homeworkForHandin } from "./data";
import { reviewSchema, settingsSchema, submitSchema } from "./schema";

type Result = ActionResult<{ message: string }>;

/** «Сдать работу» in the diary: text, files (photos of the notebook), files to remove on a resubmission. */
export async function submitHandinAction(_prev: Result | null, data: FormData): Promise<Result> {
  const gate = await requireAccessForAction("homework.handin");
  if (!gate.ok) return gate;
  if (!(data instanceof FormData)) return fail("INVALID_INPUT");
  const parsed = submitSchema.safeParse(formRecord(data));
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  const removeFileIds = data.getAll("removeFile").flatMap((v) => idSchema.safeParse(v).data ?? []);
  const r = await handIn(gate.user, { ...parsed.data, removeFileIds }, formUploads(data, "files"));
  if (!r.ok) return r;
  revalidatePath(`/diary/${parsed.data.studentId}`);
  return {
    ok: true,
    data: {
      message: r.data.late ? "Работа сдана (после срока — учитель это увидит)" : "Работа сдана",
    },
  };
}

/** The teacher's review: comment, optional mark (into the journal) or «на доработку». */
export async function reviewHandinAction(_prev: Result | null, data: FormData): Promise<Result> {
  const gate = await requireAccessForAction("homework.review");
  if (!gate.ok) return gate;
  if (!(data instanceof FormData)) return fail("INVALID_INPUT");
  const parsed = reviewSchema.safeParse(formRecord(data));
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  const r = await reviewHandin(gate.user, parsed.data);
  if (r.ok) revalidatePath("/handins");
  return r;
}

/** The lesson panel: the homework asks for a hand-in by a date and time, with the assignment for the mark. */
export async function saveHandinSettingsAction(_prev: Result | null, data: FormData): Promise<Result> {
  const gate = await requireAccessForAction(EDIT_PERMISSIONS);
  if (!gate.ok) return gate;
  const user = gate.user;
  if (!(data instanceof FormData)) return fail("INVALID_INPUT");
  const parsed = settingsSchema.safeParse(formRecord(data));
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  const homework = await homeworkForHandin(user.organisationId, parsed.data.homeworkId);
  if (!homework) return fail("NOT_FOUND");
  // Whoever may set the lesson's homework (journal edit on the lesson) decides whether it is handed in.
  const rights = await authorizeJournal(user, { kind: "lesson", lessonId: homework.lesson.id });
  if (!rights.edit) return fail("FORBIDDEN");
  return saveHandinSettings(user, homework, parsed.data);
}
