// Session-bound reads of «Группа риска» (DUT-5): the classes in the user's risk.notify scope, the
// chosen class's students at risk with the reasons (over the user's subjects when they are a
// subject teacher) and the notices already sent. A class from the URL is authorised again.
import { authorize } from "@/lib/access/authorize";
import type { Scope } from "@/lib/access/matrix";
import type { CurrentUser } from "@/lib/auth/session";
import { classRoll } from "@/lib/absences/data";
import { classChoice } from "@/lib/absences/loaders";
import { serverNow } from "@/lib/org/clock";
import { todayIn } from "@/lib/org/time";
import { riskAbsencePercent, riskNoticesOf, riskSubjects, studentsRisk, type RiskNoticeRow } from "./data";

export type RiskRow = { studentId: number; name: string; reasons: string[]; notices: RiskNoticeRow[] };

export async function loadRiskPage(
  user: CurrentUser,
  scopes: readonly Scope[],
  search: Record<string, string | string[] | undefined>,
) {
  const today = todayIn(user.timeZone, serverNow());
  const { classes, classId } = await classChoice(user, scopes, search);
  const empty = { classes, classId: classId ?? null, rows: [] as RiskRow[], percent: 0, allSubjects: true };
  if (classId === undefined) return { ...empty, allowed: true };
  const decision = await authorize(user, "risk.notify", { kind: "class", classId });
  if (!decision.allowed) return { ...empty, allowed: false };
  const [roll, subjects, percent] = await Promise.all([
    classRoll(user.organisationId, classId, today),
    riskSubjects(user.organisationId, user.id, decision.scopes, classId),
    riskAbsencePercent(user.organisationId),
  ]);
  const risk = await studentsRisk(
    user.organisationId,
    roll.map((s) => s.id),
    subjects,
    percent,
    today,
  );
  const atRisk = roll.flatMap((s) => {
    const reasons = risk.get(s.id)?.reasons ?? [];
    return reasons.length > 0 ? [{ ...s, risk: { reasons } }] : [];
  });
  const notices = await riskNoticesOf(
    user.organisationId,
    atRisk.map((r) => r.id),
  );
  const rows: RiskRow[] = atRisk.map((r) => ({
    studentId: r.id,
    name: r.name,
    reasons: r.risk.reasons,
    notices: notices.filter((n) => n.studentId === r.id),
  }));
  return { classes, classId, rows, percent, allSubjects: subjects === null, allowed: true };
}
