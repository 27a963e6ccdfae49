// Mark, final and attestation-form wording (issue 19 item 3): one list of kinds and one table of
// words by context, so the cell, the diary, the paper journal and the summary sheet cannot drift
// apart by accident — where they differ (a cell is narrow, the diary is read by parents, a printed
// sheet follows the paper form) the difference is written here, once. Pure; no I/O.

export const MARK_KINDS = ["GRADE", "PASS", "FAIL", "DEBT", "NOT_ATTESTED"] as const;
export type MarkKindName = (typeof MARK_KINDS)[number];

export const FINAL_SPECIALS = ["NOT_ATTESTED", "EXEMPT", "PASS", "FAIL"] as const;
export type FinalSpecialName = (typeof FINAL_SPECIALS)[number];

export const CONTROL_KINDS = [
  "NONE",
  "EXAM",
  "CREDIT",
  "DIFF_CREDIT",
  "COURSEWORK",
  "PRACTICE",
  "VKR",
  "OTHER",
] as const;
export type ControlKindName = (typeof CONTROL_KINDS)[number];

/**
 * Where a mark is shown: `cell` the journal grid (narrow), `input` what a teacher types to get it
 * back, `print` the paper journal (RPT), `diary` what parents and students read (DRY).
 */
export type MarkContext = "cell" | "input" | "print" | "diary";

const MARK_WORDS: Record<MarkContext, Record<Exclude<MarkKindName, "GRADE">, string>> = {
  cell: { PASS: "зч", FAIL: "нз", DEBT: "д", NOT_ATTESTED: "н/а" },
  input: { PASS: "з", FAIL: "нз", DEBT: "д", NOT_ATTESTED: "н/а" },
  print: { PASS: "зач", FAIL: "нз", DEBT: "д", NOT_ATTESTED: "н/а" },
  diary: { PASS: "зач", FAIL: "незач", DEBT: "долг", NOT_ATTESTED: "н/а" },
};

/** A non-numeric mark's word in a context (a GRADE is its number, written by the caller). */
export function markWord(kind: Exclude<MarkKindName, "GRADE">, context: MarkContext): string {
  return MARK_WORDS[context][kind];
}

/** A mark as the diary (and its push notice) reads it: the grade, «зач»/«незач», «долг», «н/а». */
export function diaryMarkText(kind: string, value: number | null): string {
  if (kind === "PASS" || kind === "FAIL" || kind === "DEBT" || kind === "NOT_ATTESTED") return markWord(kind, "diary");
  return value === null ? "" : String(value);
}

/**
 * Where a final is shown: `page` the finals page and the journal's final column (whole words),
 * `sheet` the printed summary sheet (FIN-3, abbreviated), `input` what a teacher types.
 */
export type FinalContext = "page" | "sheet" | "input";

const FINAL_WORDS: Record<FinalContext, Record<FinalSpecialName, string>> = {
  page: { NOT_ATTESTED: "н/а", EXEMPT: "осв.", PASS: "зачёт", FAIL: "незачёт" },
  sheet: { NOT_ATTESTED: "н/а", EXEMPT: "осв.", PASS: "зач.", FAIL: "незач." },
  input: { NOT_ATTESTED: "н/а", EXEMPT: "осв", PASS: "з", FAIL: "нз" },
};

/** A special final's word in a context. */
export function finalWord(special: FinalSpecialName, context: FinalContext): string {
  return FINAL_WORDS[context][special];
}

/**
 * Attestation forms (FIN-1, ORG-6, SCH): `short` in the finals table, `full` in the curriculum's
 * pickers, `event` as the name of an assessment event in the timetable.
 */
export const CONTROL_LABELS: Record<"short" | "full" | "event", Record<ControlKindName, string>> = {
  short: {
    NONE: "—",
    EXAM: "экзамен",
    CREDIT: "зачёт",
    DIFF_CREDIT: "дифф. зачёт",
    COURSEWORK: "курсовая",
    PRACTICE: "практика",
    VKR: "ВКР",
    OTHER: "другое",
  },
  full: {
    NONE: "нет",
    EXAM: "экзамен",
    CREDIT: "зачёт",
    DIFF_CREDIT: "дифференцированный зачёт",
    COURSEWORK: "курсовая работа",
    PRACTICE: "практика",
    VKR: "ВКР",
    OTHER: "другое",
  },
  event: {
    NONE: "",
    EXAM: "экзамен",
    CREDIT: "зачёт",
    DIFF_CREDIT: "дифференцированный зачёт",
    COURSEWORK: "защита курсовой работы",
    PRACTICE: "защита практики",
    VKR: "защита ВКР",
    OTHER: "другое",
  },
};
