// The organisation's defaults, stated once (issue 22, round 19 code health): what every rule uses when
// an organisation has no OrganisationSettings row (ORG-2) or no time zone (ORG-1). The figures are the
// SPEC's where it names one — marks 2..5 and the edit lock of 7 days (ORG-2, JRN-6), the time zone
// Europe/Samara (§1), the daily deadline 16:00 (DUT-1) — and otherwise prisma/schema.prisma's @default,
// which a new settings row gets; tests/unit/org-defaults.test.ts holds both to these values. Readers
// write `s?.lockDays ?? ORG_SETTINGS_DEFAULTS.lockDays`, never a literal of their own.
// No I/O and no Prisma import: pages, client components and raw-SQL readers all take it.

/** ORG-1: an organisation's time zone when it names none (SPEC §1: «default Europe/Samara»). */
export const DEFAULT_TIME_ZONE = "Europe/Samara";

/** ORG-2's settings as a new organisation has them (the OrganisationSettings columns, same names). */
export const ORG_SETTINGS_DEFAULTS = {
  /** ORG-2: the marks scale, default 2..5. */
  minMark: 2,
  maxMark: 5,
  /** ORG-2: «зачёт/незачёт» marks for college disciplines, off. */
  passFailEnabled: false,
  /** ORG-2 «Способ усреднения оценок»: weighted by assignment type. */
  averagingMethod: "WEIGHTED",
  /** ORG-2, FIN-2: the fractional part from which the recommended final rounds up. */
  roundingThreshold: 0.5,
  /** ORG-2, JRN-6: marks and attendance may be changed within 7 days after the lesson. */
  lockDays: 7,
  /** ORG-2, DAY-8: homework may be set for today's and for past lessons. */
  homeworkForToday: true,
  homeworkForPast: true,
  /** FIN-4: warn about missing finals three days before the period's end. */
  finalsWarningDays: 3,
  /** DUT-1: the day's lessons are filled by 16:00 local time (minutes after midnight). */
  fillDeadlineMinutes: 16 * 60,
  /** DUT-2: class teacher weekly, head of department monthly, deputy each half-year. */
  checkEveryClassTeacher: "WEEK",
  checkEveryHeadOfDept: "MONTH",
  checkEveryDeputy: "HALF_YEAR",
  /** DUT-5: at risk from 30 % of the period's lessons missed. */
  riskAbsencePercent: 30,
  /** DAY-4: the five-day study week (Monday…Friday). */
  studyDays: 5,
  /** PRG-2: clubs are not marked, and only clubs.manage enrols. */
  clubMarksAllowed: false,
  clubOpenEnrolment: false,
} as const;
