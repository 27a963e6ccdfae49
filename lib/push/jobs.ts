// API-4, issue 22 item 6, issue 19 item 6: pushes leave the request path. A command
// (lib/<domain>/commands.ts) puts a push job on the report worker's queue — a ReportJob row of
// report "push" whose params name the event, not the devices — and the worker's loop delivers it
// (lib/reports/jobs/worker.ts → deliverPush), reading the subscriptions when the job runs. The mark
// save writes its job in the save's own statement (lib/journal/mutations.ts, a transactional outbox):
// a refused save enqueues nothing, a committed one cannot lose its job.
import { z } from "zod";
import { idSchema } from "@/lib/schema";
import { PUSH_KINDS } from "./rules";

/** The ReportJob.report of a push job (never listed to users, never counted against their report limit). */
export const PUSH_JOB = "push";

const payload = z.object({ title: z.string(), body: z.string(), url: z.string() });
const kind = z.enum(PUSH_KINDS);

export const pushEventSchema = z.discriminatedUnion("event", [
  /** JRN-5: a mark saved — the student's family (notifyMark). */
  z.object({ event: z.literal("mark"), lessonId: idSchema, studentId: idSchema, label: z.string() }),
  /** JRN-2: a lesson's homework text saved — the families of its students (notifyHomework). */
  z.object({ event: z.literal("homework"), lessonId: idSchema, text: z.string() }),
  /** FIN-5: a final mark saved — the student's family (notifyFinal). */
  z.object({ event: z.literal("final"), subjectId: idSchema, studentId: idSchema, label: z.string() }),
  /** MSG-1: a message sent — its recipients (notifyMessage). */
  z.object({
    event: z.literal("message"),
    senderId: idSchema,
    messageId: idSchema,
    recipientIds: z.array(idSchema),
  }),
  /** Any fixed payload to given users (remarks, absences, hand-ins, …). */
  z.object({ event: z.literal("users"), kind, userIds: z.array(idSchema), payload }),
  /** Any fixed payload to a student's family (a hand-in's review). */
  z.object({ event: z.literal("family"), kind, studentId: idSchema, payload }),
]);

export type PushEvent = z.infer<typeof pushEventSchema>;
