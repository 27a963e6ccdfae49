// The movement book (PPL-3) as a pure plan: what one movement does to the student's class
// memberships. The movement's date is the first day of the new state: a transfer on 15.11
// ends the old membership on 14.11 and starts the new one on 15.11, so marks before the date
// stay in the old class and the new class's cells begin on the date (JRN-1).

export const MOVEMENT_KINDS = [
  "ADMISSION",
  "EXPULSION",
  "TRANSFER",
  "ACADEMIC_LEAVE",
  "RETURN",
  "FORM_CHANGE",
  "PROMOTION",
  "REPEAT_YEAR",
  "CONDITIONAL_PROMOTION",
  "GRADUATION",
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export const MOVEMENT_LABELS: Record<MovementKind, string> = {
  ADMISSION: "Зачисление",
  EXPULSION: "Отчисление (выбытие)",
  TRANSFER: "Перевод в другой класс/группу",
  ACADEMIC_LEAVE: "Академический отпуск",
  RETURN: "Выход из академического отпуска",
  FORM_CHANGE: "Смена формы обучения",
  PROMOTION: "Перевод в следующий класс/курс",
  REPEAT_YEAR: "Оставлен на повторное обучение",
  CONDITIONAL_PROMOTION: "Переведён условно",
  GRADUATION: "Выпуск",
};

/** Kinds a user records by hand; the others come from the year transition (PPL-4). */
export const MANUAL_KINDS = ["ADMISSION", "EXPULSION", "TRANSFER", "ACADEMIC_LEAVE", "RETURN", "FORM_CHANGE"] as const;

export type OpenMembership = { id: number; classId: number; startDate: Date; educationForm: string };

export type MovementRequest = {
  kind: MovementKind;
  date: Date;
  toClassId: number | null;
  educationForm: string | null;
};

export type MembershipPlan = {
  fromClassId: number | null;
  /** End the open membership on the day before the movement (or drop it when it starts that day). */
  close: { id: number; endDate: Date | null; remove: boolean } | null;
  open: { classId: number; startDate: Date; educationForm: string } | null;
};

export type PlanResult = { ok: true; plan: MembershipPlan } | { ok: false; field: string; message: string };

const DAY = 86_400_000;

function closeAt(current: OpenMembership, date: Date): MembershipPlan["close"] {
  const remove = current.startDate.getTime() >= date.getTime();
  return { id: current.id, endDate: remove ? null : new Date(date.getTime() - DAY), remove };
}

export function planMovement(current: OpenMembership | null, lastDate: Date | null, req: MovementRequest): PlanResult {
  if (lastDate && req.date.getTime() < lastDate.getTime())
    return { ok: false, field: "date", message: "Дата раньше последней записи книги движения этого ученика" };
  if (current && current.startDate.getTime() > req.date.getTime())
    return { ok: false, field: "date", message: "Дата раньше начала обучения в текущем классе" };
  const needsCurrent = req.kind !== "ADMISSION" && req.kind !== "RETURN";
  if (needsCurrent && !current)
    return { ok: false, field: "kind", message: "Ученик сейчас не числится ни в одном классе" };
  if (!needsCurrent && current)
    return { ok: false, field: "kind", message: "Ученик уже числится в классе: оформите перевод или отчисление" };
  switch (req.kind) {
    case "ADMISSION":
    case "RETURN":
      if (!req.toClassId) return { ok: false, field: "toClassId", message: "Выберите класс или группу" };
      return {
        ok: true,
        plan: {
          fromClassId: null,
          close: null,
          open: { classId: req.toClassId, startDate: req.date, educationForm: req.educationForm ?? "FULL_TIME" },
        },
      };
    case "TRANSFER":
    case "PROMOTION":
    case "REPEAT_YEAR":
    case "CONDITIONAL_PROMOTION":
      if (!req.toClassId) return { ok: false, field: "toClassId", message: "Выберите класс или группу" };
      if (req.toClassId === current!.classId)
        return { ok: false, field: "toClassId", message: "Ученик уже в этом классе" };
      return {
        ok: true,
        plan: {
          fromClassId: current!.classId,
          close: closeAt(current!, req.date),
          open: {
            classId: req.toClassId,
            startDate: req.date,
            educationForm: req.educationForm ?? current!.educationForm,
          },
        },
      };
    case "FORM_CHANGE":
      if (!req.educationForm) return { ok: false, field: "educationForm", message: "Выберите новую форму обучения" };
      if (req.educationForm === current!.educationForm)
        return { ok: false, field: "educationForm", message: "Эта форма обучения уже установлена" };
      return {
        ok: true,
        plan: {
          fromClassId: current!.classId,
          close: closeAt(current!, req.date),
          open: { classId: current!.classId, startDate: req.date, educationForm: req.educationForm },
        },
      };
    case "EXPULSION":
    case "ACADEMIC_LEAVE":
    case "GRADUATION":
      return { ok: true, plan: { fromClassId: current!.classId, close: closeAt(current!, req.date), open: null } };
  }
}
