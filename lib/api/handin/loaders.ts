// Homework hand-in for /api/v1 (LRN-1) on the learning domain's reads and its one hand-in flow
// (lib/learning/handin/commands.ts), so the API and the diary's form refuse and accept alike.
// The routes have authorised diary.view on the student; handing in also needs homework.handin.
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { markLabel, weekFromParam } from "@/lib/diary/rules";
import type { ActionResult } from "@/lib/errors";
import { handIn } from "@/lib/learning/handin/commands";
import { studentHandins, submissionFile, submissionOf } from "@/lib/learning/handin/data";
import { HANDIN_STATE_LABELS, handinState } from "@/lib/learning/handin/rules";
import { addDays, todayIn } from "@/lib/org/time";
import type { Upload } from "@/lib/storage/upload";
import { childrenOf } from "../family/loaders";
import { day, instant } from "../request";
import type { handinBodySchema, handinListSchema, handinSchema } from "./schema";

type Out<S extends z.ZodType> = z.input<S>;
type Row = Awaited<ReturnType<typeof studentHandins>>[number];

function item(studentId: number, r: Row, now: Date): Out<typeof handinSchema> {
  const s = r.submission;
  const state = handinState(s, r.handinDueAt, now);
  return {
    homeworkId: r.id,
    lessonId: r.lesson.id,
    lessonDate: day(r.lesson.date),
    subjectName: r.lesson.subject.name,
    text: r.text,
    dueAt: r.handinDueAt ? instant(r.handinDueAt) : null,
    state,
    stateLabel: HANDIN_STATE_LABELS[state],
    submission: s
      ? {
          submittedAt: instant(s.submittedAt),
          isLate: s.isLate,
          attempts: s.attempts,
          text: s.text,
          files: s.files.map((f) => ({
            id: f.id,
            fileName: f.fileName,
            size: f.size,
            url: `/api/v1/students/${studentId}/handins/${r.id}/files/${f.id}`,
          })),
          reviewComment: s.reviewComment,
          reviewedAt: s.reviewedAt ? instant(s.reviewedAt) : null,
        }
      : null,
    mark: r.mark ? { label: markLabel(r.mark.kind, r.mark.value), comment: r.mark.comment } : null,
  };
}

/** The week's homework that asks for a hand-in, each with the student's hand-in and its state. */
export async function handinsOf(
  user: CurrentUser,
  studentId: number,
  week: string | undefined,
  now = new Date(),
): Promise<Out<typeof handinListSchema>> {
  const monday = weekFromParam(week, todayIn(user.timeZone, now));
  const [children, rows] = await Promise.all([
    childrenOf(user),
    studentHandins(user.organisationId, studentId, monday, addDays(monday, 6)),
  ]);
  return {
    student: children.find((c) => c.id === studentId) ?? { id: studentId, name: "" },
    week: {
      from: day(monday),
      to: day(addDays(monday, 6)),
      previous: day(addDays(monday, -7)),
      next: day(addDays(monday, 7)),
    },
    items: rows.map((r) => item(studentId, r, now)),
  };
}

/** One homework of the student's lessons (any week) with the hand-in; null if it is not theirs or asks for none. */
export async function handinOf(
  user: CurrentUser,
  studentId: number,
  homeworkId: number,
  now = new Date(),
): Promise<Out<typeof handinSchema> | null> {
  const rows = await studentHandins(user.organisationId, studentId, new Date(0), new Date("9999-12-31"), homeworkId);
  return rows[0] ? item(studentId, rows[0], now) : null;
}

/** Hands in through the same flow as the diary's form; files sent replace those handed in before. */
export async function handInFromApi(
  user: CurrentUser,
  studentId: number,
  homeworkId: number,
  body: z.output<typeof handinBodySchema>,
): Promise<ActionResult<{ late: boolean; attempts: number }>> {
  const before = await submissionOf(user.organisationId, homeworkId, studentId);
  const uploads: Upload[] = (body.files ?? []).map((f) => {
    const bytes = Buffer.from(f.contentBase64, "base64");
    return {
      name: f.fileName,
      type: f.mimeType ?? "",
      size: bytes.byteLength,
      bytes: async () => new Uint8Array(bytes),
    };
  });
  return handIn(
    user,
    {
      homeworkId,
      studentId,
      text: (body.text ?? "").trim(),
      removeFileIds: body.files ? (before?.files.map((f) => f.id) ?? []) : [],
    },
    uploads,
  );
}

/** A file of the student's own hand-in of that homework. */
export async function handinFileOf(user: CurrentUser, studentId: number, homeworkId: number, fileId: number) {
  const f = await submissionFile(user.organisationId, fileId);
  return f?.submission && f.submission.studentId === studentId && f.submission.homeworkId === homeworkId ? f : null;
}
