"use server";
// Hospital marks (REC-6, seed 001 §5.6): the class teacher (journal.hospital, scope class; DEPUTY and
// ADMIN for all classes) records a hospital school's certificate and transfers its marks («5б») onto
// the lessons of any subject of the class during the stay — outside the edit window, but never
// into a closed period or year (the one lock, kind «hospital»). Audited; nothing is written when
// any mark is refused.
import { firstIssue, idSchema } from "@/lib/schema";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/access/authorize";
import { requireUserForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { serverNow } from "@/lib/org/clock";
import { formatDate, todayIn } from "@/lib/org/time";
import { journalLockContext } from "../data";
import { journalLock, lockFactsOf, type LockContext } from "../lock";
import { marksAllowed, parseMarkInput } from "../rules";
import { certificate, scaleOf, stayLessons } from "./data";
import { createCertificate, writeHospitalMarks, type HospitalMark } from "./mutations";
import { certificateSchema, markEntries } from "./schema";

type Result = ActionResult<{ message: string; lines: string[] }>;

export async function createCertificateAction(_prev: Result | null, data: FormData): Promise<Result> {
  const signedIn = await requireUserForAction();
  if (!signedIn.ok) return signedIn;
  const user = signedIn.user;
  const parsed = certificateSchema.safeParse({
    studentId: data.get("studentId"),
    number: data.get("number") ?? "",
    issuedOn: data.get("issuedOn") ?? "",
    stayFrom: data.get("stayFrom") ?? "",
    stayTo: data.get("stayTo") ?? "",
    institution: data.get("institution") ?? undefined,
  });
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  const c = parsed.data;
  if (!(await authorize(user, "journal.hospital", { kind: "student", studentId: c.studentId })).allowed)
    return fail("FORBIDDEN");
  const id = await createCertificate({ organisationId: user.organisationId, userId: user.id, ...c, now: serverNow() });
  revalidatePath("/journal/hospital");
  redirect(`/journal/hospital?certificateId=${id}`);
}

export async function saveHospitalMarksAction(_prev: Result | null, data: FormData): Promise<Result> {
  const signedIn = await requireUserForAction();
  if (!signedIn.ok) return signedIn;
  const user = signedIn.user;
  const certificateId = idSchema.safeParse(data.get("certificateId")).data;
  if (certificateId === undefined) return fail("INVALID_INPUT", "Проверьте введённые данные");
  const typed = markEntries(data);
  if (!typed.ok) return fail("INVALID_INPUT", typed.message);
  const entries = typed.entries;
  const cert = await certificate(user.organisationId, certificateId);
  if (!cert) return fail("NOT_FOUND", "Справка не найдена");
  if (!(await authorize(user, "journal.hospital", { kind: "student", studentId: cert.studentId })).allowed)
    return fail("FORBIDDEN");
  if (entries.length === 0) return fail("INVALID_INPUT", "Введите хотя бы одну отметку из справки");
  const now = serverNow();
  const [lessons, scale] = await Promise.all([
    stayLessons(user.organisationId, cert.studentId, cert.id, { from: cert.stayFrom, to: cert.stayTo }),
    scaleOf(user.organisationId),
  ]);
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const contexts = new Map<string, LockContext | null>();
  const problems: string[] = [];
  let anyLocked = false;
  const marks: HospitalMark[] = [];
  for (const e of entries) {
    const lesson = byId.get(e.lessonId);
    if (!lesson) {
      problems.push("Урок вне периода пребывания по справке или ученик не числился в классе в этот день");
      continue;
    }
    const where = `${formatDate(lesson.date)}, ${lesson.subjectName}`;
    const key = `${lesson.classId}:${lesson.subjectId}`;
    if (!contexts.has(key))
      contexts.set(key, await journalLockContext(user.organisationId, lesson.classId, lesson.subjectId, now));
    const ctx = contexts.get(key)!;
    const lock = ctx
      ? journalLock("hospital", lockFactsOf(ctx, lesson.date, { today: todayIn(ctx.timeZone, now), now }))
      : null;
    if (lock && !lock.open) {
      anyLocked = true;
      problems.push(`${where}: ${lock.reason}`);
      continue;
    }
    if (!marksAllowed(scale.orgKind, lesson.grade)) {
      problems.push(`${where}: в первом классе отметки не выставляются`);
      continue;
    }
    const parsed = parseMarkInput(e.input, {
      minMark: scale.minMark,
      maxMark: scale.maxMark,
      passFail: lesson.passFail,
    });
    if (!parsed.ok) {
      problems.push(`${where}: ${parsed.message}`);
      continue;
    }
    if (
      !parsed.value ||
      (parsed.value.kind !== "GRADE" && parsed.value.kind !== "PASS" && parsed.value.kind !== "FAIL")
    ) {
      problems.push(`${where}: из справки переносятся только отметки`);
      continue;
    }
    marks.push({ lessonId: lesson.id, kind: parsed.value.kind, value: parsed.value.value });
  }
  if (problems.length) {
    return fail(anyLocked ? "LOCKED" : "INVALID_INPUT", `Отметки не сохранены: ${problems[0]}`, { marks: problems });
  }
  const r = await writeHospitalMarks({
    organisationId: user.organisationId,
    userId: user.id,
    certificateId: cert.id,
    studentId: cert.studentId,
    marks,
    reason: `Справка № ${cert.number} от ${formatDate(cert.issuedOn)} (больничная школа)`,
    now,
  });
  if (!r.ok) {
    const lesson = byId.get(r.lessonId);
    return fail("CONFLICT", `${lesson ? `${formatDate(lesson.date)}, ${lesson.subjectName}: ` : ""}${r.message}`);
  }
  revalidatePath("/journal/hospital");
  return ok({ message: `Сохранено отметок: ${r.saved}`, lines: [] });
}
