// Session-bound reads of «Итоговые отметки» (FIN-1…FIN-4): the class × subject choices in the user's
// finals scopes with warnings about missing finals, and the sheet of one class × subject × period —
// period marks, year / exam / final (school) or the semester attestations with their form (college),
// each student's average and the recommended mark from lib/journal/averages.ts (periodOutlook).
import { CONTROL_LABELS, finalWord, type ControlKindName } from "@/lib/journal/marks";
import { cache } from "react";
import { listScope } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { gridHead, journalChoices, type GridHead, type JournalChoice, type PeriodOption } from "@/lib/journal/data";
import { finalLabel, periodOutlook, type Outlook } from "@/lib/journal/averages";
import { finalLock } from "@/lib/journal/lock";
import { marksAllowed } from "@/lib/journal/rules";
import { serverNow } from "@/lib/org/clock";
import { todayIn } from "@/lib/org/time";
import { authorizeFinals, type FinalsRights } from "./access";
import { finalsSheetRows, finalsWarningDays, warningPeriods, warningRolls, type SheetFinal } from "./data";
import {
  EDUCATION_FORM_LABELS,
  FINAL_KIND_LABELS,
  FORMS_FOR_DEPUTY,
  currentPeriod,
  extraKinds,
  finalInputText,
  finalsWarning,
  formIsPassFail,
  mayEditFinal,
  rollOn,
  warningText,
  type FinalKindName,
} from "./rules";

export type FinalsChoice = JournalChoice & {
  warning: string | null;
  /** The warning's facts (FIN-4): the period near its end, the finals missing, the days left. */
  due?: { period: string; missing: number; daysLeft: number };
};

/**
 * Class × subject pairs (one per subject, subgroups merged) in the scopes of the finals permissions, with
 * FIN-4 warnings; in the current year or in `yearId` (REC-3: a closed year's own classes, read-only).
 */
export const loadFinalsChoices = cache(
  async (user: CurrentUser, now: Date = new Date(), yearId?: number | null): Promise<FinalsChoice[]> => {
    const { all, classIds, teacherId } = await listScope(user, [
      "finals.viewAll",
      "finals.viewOwn",
      "finals.editAll",
      "finals.editOwn",
    ]);
    const choices = await journalChoices(user.organisationId, { all, classIds, teacherId, yearId });
    const seen = new Set<string>();
    const unique = choices.filter((c) => {
      const key = `${c.classId}:${c.subjectId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (unique.length === 0) return [];
    // Another year than the current one is read, not filled: no warnings about missing finals (REC-3).
    if (yearId) return unique.map((c) => ({ ...c, warning: null }));
    const today = todayIn(user.timeZone, now);
    const w = await warningPeriods(user.organisationId, unique);
    // Each class's current period and the days left, when it is near its end (FIN-4); only those
    // classes' rolls and finals are read (issue 22 item 7).
    const due = new Map<number, { period: (typeof w.periods)[number]; left: number }>();
    // A school's first grade gets no marks, so no finals to miss (JRN-10).
    const marked = unique.filter((c) => marksAllowed(user.orgKind, c.grade));
    for (const classId of new Set(marked.map((c) => c.classId))) {
      const period = currentPeriod(
        w.periods.filter((p) => p.classId === classId),
        today,
      );
      const left = period ? finalsWarning(period.end, today, w.warningDays) : null;
      if (period && left !== null) due.set(classId, { period, left });
    }
    const r = await warningRolls(
      user.organisationId,
      [...due.keys()],
      [...new Set([...due.values()].map((d) => d.period.id))],
    );
    return unique.map((c) => {
      const d = due.get(c.classId);
      if (!d) return { ...c, warning: null };
      const { period, left } = d;
      const roll = rollOn(
        r.stays.filter((s) => s.classId === c.classId),
        period.end,
      );
      const have =
        r.counts.find((x) => x.classId === c.classId && x.subjectId === c.subjectId && x.periodId === period.id)
          ?.count ?? 0;
      const missing = Math.max(0, roll - have);
      return missing > 0
        ? {
            ...c,
            warning: `${period.name}: ${warningText(left, missing)}`,
            due: { period: period.name, missing, daysLeft: left },
          }
        : { ...c, warning: null };
    });
  },
);

export type FinalCell = {
  kind: FinalKindName;
  periodId: number | null;
  text: string;
  label: string;
  version: number;
  current: boolean;
};
export type FinalsColumn = {
  kind: FinalKindName;
  periodId: number | null;
  label: string;
  form: string | null;
  passFail: boolean;
  selected: boolean;
  /** Why the column's finals cannot change now (closed period or year, REC-1/REC-2), else null. */
  locked: string | null;
};
export type FinalsRow = {
  studentId: number;
  name: string;
  form: string | null;
  deputyOnly: boolean;
  canEdit: boolean;
  left: boolean;
  outlook: Outlook;
  proposalText: string;
  cells: FinalCell[];
};

export type FinalsSheet = {
  kind: "sheet";
  head: GridHead;
  period: PeriodOption;
  columns: FinalsColumn[];
  rows: FinalsRow[];
  rights: FinalsRights;
  warning: string | null;
  /** The selected period's lock reason («Период закрыт …», «Учебный год закрыт …»), else null. */
  closed: string | null;
};

export type FinalsPage =
  { kind: "none" } | { kind: "forbidden" } | { kind: "no-periods"; head: GridHead } | FinalsSheet;

export type FinalsRequest = { classId?: number; subjectId?: number; periodId?: number };

const cellKey = (kind: FinalKindName, periodId: number | null) => `${kind}:${periodId ?? ""}`;

export async function loadFinalsPage(
  user: CurrentUser,
  req: FinalsRequest,
  now: Date = serverNow(),
): Promise<FinalsPage> {
  if (req.classId === undefined || req.subjectId === undefined) return { kind: "none" };
  const [granted, head] = await Promise.all([
    authorizeFinals(user, req.classId, req.subjectId),
    gridHead(user.organisationId, req.classId, req.subjectId, now),
  ]);
  if (!granted.view || !head) return { kind: "forbidden" };
  // A closed year is read-only for everyone (REC-2, REC-3); the saves refuse it as well.
  const rights = head.yearClosed ? { ...granted, editAll: false, editOwn: false } : granted;
  const today = todayIn(head.timeZone, now);
  // A period of another class (the picker kept it) falls back to the current one.
  const period =
    head.periods.find((p) => p.id === req.periodId) ?? currentPeriod(head.periods, today) ?? head.periods[0];
  if (!period) return { kind: "no-periods", head };
  const data = await finalsSheetRows(user.organisationId, {
    classId: head.cls.id,
    subjectId: head.subject.id,
    period,
    today,
  });
  const college = head.orgKind === "COLLEGE";
  const lockOf = (periodId: number | null) => {
    const lock = finalLock(head.lock, periodId, { today, now });
    return lock.open ? null : lock.reason;
  };
  const formOfPeriod = (periodId: number): ControlKindName =>
    college ? (data.formOf.get(periodId) ?? data.subjectForm) : "NONE";
  const columns: FinalsColumn[] = [
    ...head.periods.map((p) => {
      const form = formOfPeriod(p.id);
      return {
        kind: "PERIOD" as const,
        periodId: p.id,
        label: p.name,
        form: form === "NONE" ? null : CONTROL_LABELS.short[form],
        passFail: head.subject.passFail || formIsPassFail(form),
        selected: p.id === period.id,
        locked: lockOf(p.id),
      };
    }),
    ...extraKinds(head.orgKind).map((kind) => ({
      kind,
      periodId: null,
      label: FINAL_KIND_LABELS[kind],
      form: null,
      passFail: head.subject.passFail,
      selected: false,
      locked: lockOf(null),
    })),
  ];
  const finalsOf = new Map<number, Map<string, SheetFinal>>();
  for (const f of data.finals) {
    const m = finalsOf.get(f.studentId) ?? new Map<string, SheetFinal>();
    m.set(cellKey(f.kind, f.periodId), f);
    finalsOf.set(f.studentId, m);
  }
  const scale = {
    minMark: head.settings.minMark,
    maxMark: head.settings.maxMark,
    roundingThreshold: head.settings.roundingThreshold,
  };
  const selectedCol = columns.find((c) => c.selected)!;
  const rows: FinalsRow[] = data.students.map((s) => {
    const mine = finalsOf.get(s.id) ?? new Map<string, SheetFinal>();
    const outlook = periodOutlook({
      marks: data.marks.get(s.id) ?? [],
      method: head.settings.averagingMethod as "PLAIN" | "WEIGHTED",
      scale,
      passFail: head.subject.passFail,
      absences: data.absences.get(s.id) ?? 0,
      lessonsHeld: data.lessonsHeld,
    });
    const special = s.forms.find((f) => f !== "FULL_TIME");
    return {
      studentId: s.id,
      name: s.name,
      form: special ? EDUCATION_FORM_LABELS[special] : null,
      deputyOnly: s.forms.some((f) => FORMS_FOR_DEPUTY.includes(f)),
      canEdit: mayEditFinal(rights, s.forms),
      left: s.leftBeforeEnd,
      outlook,
      proposalText: proposalFor(outlook, selectedCol.passFail && !head.subject.passFail, scale.minMark),
      cells: columns.map((c) => {
        const f = mine.get(cellKey(c.kind, c.periodId));
        return {
          kind: c.kind,
          periodId: c.periodId,
          version: f?.version ?? 0,
          current: c.selected || c.periodId === null,
          text: f ? finalInputText(f) : "",
          label: f ? finalLabel(f) : "",
        };
      }),
    };
  });
  const left = finalsWarning(period.end, today, await finalsWarningDays(user.organisationId));
  const missing = rows.filter(
    (r) => !r.left && !r.cells.find((c) => c.kind === "PERIOD" && c.periodId === period.id)?.label,
  ).length;
  return {
    kind: "sheet",
    head,
    period,
    columns,
    rows,
    rights,
    // A closed year's sheet is read, not filled (REC-3): no warning about missing finals; a first
    // grade has no finals (JRN-10).
    warning:
      left !== null && missing > 0 && !head.yearClosed && marksAllowed(head.orgKind, head.cls.grade)
        ? warningText(left, missing)
        : null,
    closed: selectedCol.locked,
  };
}

/**
 * The proposal as typed into the cell. A credit («зачёт») column of a subject marked on the scale
 * proposes «зачёт» for any recommended mark above the lowest and «незачёт» for the lowest.
 */
function proposalFor(outlook: Outlook, creditOnScale: boolean, minMark: number): string {
  const p = outlook.proposal;
  if (!p) return "";
  if (creditOnScale && p.value !== null) return finalWord(p.value > minMark ? "PASS" : "FAIL", "input");
  return finalInputText(p);
}
