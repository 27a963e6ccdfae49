// REG-4: what each event carries — ids and the change, no names. These zod schemas type the
// emitting code (`emitWebhookEvent`) and are the OpenAPI document's `webhooks` section.
import { z } from "zod";
import type { WebhookEvent } from "./rules";

const id = z.number().int().positive();
const markValue = z
  .object({
    kind: z.string().meta({ description: "GRADE, PASS, FAIL, …" }),
    value: z.number().int().nullable(),
    isHospital: z.boolean(),
  })
  .nullable();

export const WEBHOOK_PAYLOADS = {
  "mark.created": z.object({
    lessonId: id,
    assignmentId: id.nullable(),
    studentId: id,
    mark: markValue,
    version: z.number().int(),
  }),
  "mark.changed": z.object({
    lessonId: id,
    assignmentId: id.nullable(),
    studentId: id,
    mark: markValue,
    version: z.number().int(),
  }),
  "mark.deleted": z.object({
    lessonId: id,
    assignmentId: id.nullable(),
    studentId: id,
    mark: z.null(),
    version: z.number().int(),
  }),
  "homework.changed": z.object({
    lessonId: id,
    dueDate: z.string().nullable().meta({ description: "срок сдачи YYYY-MM-DD или null; текст и файлы — GET /api/v1" }),
  }),
  "attendance.changed": z.object({
    lessonId: id,
    studentId: id,
    code: z.string().nullable().meta({ description: "код отметки посещаемости (N, B, U, …) или null — снята" }),
    version: z.number().int(),
  }),
  "final.set": z.object({
    studentId: id,
    classId: id,
    subjectId: id,
    periodId: id.nullable(),
    kind: z.string(),
    final: z
      .object({ value: z.number().int().nullable(), special: z.string().nullable(), version: z.number().int() })
      .nullable(),
  }),
  "handin.reviewed": z.object({
    submissionId: id,
    homeworkId: id,
    lessonId: id,
    studentId: id,
    status: z.enum(["REVIEWED", "RETURNED"]),
  }),
} satisfies Record<WebhookEvent, z.ZodType>;

export type WebhookPayload<E extends WebhookEvent> = z.input<(typeof WEBHOOK_PAYLOADS)[E]>;
