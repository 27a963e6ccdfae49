"use server";
// Closing a period (REC-1): DEPUTY / ADMIN (period.close, all) or HEAD_OF_DEPT (their department's
// groups) close a period for a class, a parallel, a department or the whole organisation with the
// order it rests on. Refused — nothing written — with the list of missing finals unless every
// student on the roll has the period's final in every subject they were taught, and before the
// period's last day (the organisation's «today») unless the closer confirms it. Audited.
import { firstIssue } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { classesToList, listScope } from "@/lib/access/scope";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { serverNow } from "@/lib/org/clock";
import { todayIn } from "@/lib/org/time";
import { vocabulary } from "@/lib/org/vocabulary";
import { YEAR_CLOSED_REASON } from "../lock";
import { closingYear, lessonsAhead } from "./data";
import { closePeriod } from "./mutations";
import {
  classesOfTarget,
  closesEarly,
  earlyRefusal,
  earlyWarning,
  missingLines,
  parseTarget,
  refusalMessage,
} from "./rules";
import { closePeriodSchema } from "./schema";

export type CloseState = ActionResult<{ message: string; lines: string[] }>;

/** How many missing finals the refusal lists (the count is always complete). */
const LIST_LIMIT = 300;

export async function closePeriodAction(_prev: CloseState | null, data: FormData): Promise<CloseState> {
  const parsed = closePeriodSchema.safeParse({
    periodId: data.get("periodId"),
    target: data.get("target"),
    basis: data.get("basis"),
    early: data.get("early") ?? undefined,
  });
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  const target = parseTarget(parsed.data.target);
  if (!target) return fail("INVALID_INPUT", "Выберите класс, параллель, отделение или всю организацию");
  const access = await requireAccessForAction("period.close");
  if (!access.ok) return access;
  const { user } = access;
  const year = await closingYear(user.organisationId);
  if (!year) return fail("NOT_FOUND", "Текущий учебный год не задан");
  if (year.closed) return fail("LOCKED", YEAR_CLOSED_REASON);
  const period = year.periods.find((p) => p.id === parsed.data.periodId);
  if (!period) return fail("INVALID_INPUT", "Период не относится к текущему учебному году");
  const classes = classesOfTarget(year.classes, target, period.kind);
  if (classes.length === 0) return fail("INVALID_INPUT", "Нет классов с такими учебными периодами");
  const admitted = classesToList(await listScope(user, { scopes: access.scopes }));
  if (admitted && classes.some((c) => !admitted.has(c.id)))
    return fail("FORBIDDEN", "Закрывать период можно только для классов (групп) своего отделения");
  const now = serverNow();
  const today = todayIn(user.timeZone, now);
  // Before the period's last day only with the confirmation (REC-1): lessons still to come would be
  // locked before they happen. Classes already closed are not closed again and need none.
  const closedBefore = new Set(year.closings.filter((c) => c.periodId === period.id).map((c) => c.classId));
  const toClose = classes.filter((c) => !closedBefore.has(c.id));
  const beforeEnd = closesEarly(period.end, today);
  if (toClose.length > 0 && beforeEnd && !parsed.data.early) {
    const ahead = await lessonsAhead(
      user.organisationId,
      toClose.map((c) => c.id),
      today,
      period.end,
    );
    const lines = earlyWarning(
      vocabulary(user.orgKind),
      period.end,
      toClose.map((c) => ({ className: c.name, count: ahead.get(c.id) ?? 0 })),
    );
    return fail("INVALID_INPUT", earlyRefusal(period.name, period.end), { early: lines });
  }
  const r = await closePeriod({
    organisationId: user.organisationId,
    userId: user.id,
    periodId: period.id,
    classIds: classes.map((c) => c.id),
    basis: parsed.data.basis,
    target: parsed.data.target,
    now,
    beforeEnd,
  });
  if (!r.ok && r.reason === "year-closed") return fail("LOCKED", YEAR_CLOSED_REASON);
  if (!r.ok)
    return fail("INVALID_INPUT", refusalMessage(r.missing), { missing: missingLines(r.missing).slice(0, LIST_LIMIT) });
  revalidatePath("/journal/closing");
  const names = (ids: readonly number[]) => classes.filter((c) => ids.includes(c.id)).map((c) => c.name);
  const closed = names(r.closed);
  return ok({
    message:
      closed.length > 0
        ? `Период «${period.name}» закрыт: ${closed.join(", ")}`
        : `Период «${period.name}» уже был закрыт для выбранных классов`,
    lines: r.already.length ? [`Уже был закрыт: ${names(r.already).join(", ")}`] : [],
  });
}
