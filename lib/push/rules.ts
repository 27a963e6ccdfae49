// API-4: which notification kinds a user may opt into, and the texts (no marks' owners' names:
// the push service only relays the encrypted payload, but the lock-screen text stays short).

export const PUSH_KINDS = ["mark", "homework", "final", "message", "remark", "handin"] as const;
export type PushKind = (typeof PUSH_KINDS)[number];

export const PUSH_KIND_LABELS: Record<PushKind, string> = {
  mark: "Новые отметки",
  homework: "Домашние задания",
  final: "Итоговые отметки",
  message: "Сообщения в почте",
  remark: "Замечания по ведению журнала",
  handin: "Сдача и проверка работ",
};

/**
 * Families get marks, homework, finals, messages and reviews of hand-ins; staff who keep a journal get
 * remarks, messages and hand-ins of their lessons (LRN-1).
 */
export function kindsFor(roles: readonly string[]): PushKind[] {
  const family = roles.includes("STUDENT") || roles.includes("PARENT");
  const staff = roles.some((r) => r !== "STUDENT" && r !== "PARENT");
  const kinds = new Set<PushKind>(["message"]);
  if (family) for (const k of ["mark", "homework", "final"] as const) kinds.add(k);
  if (staff) kinds.add("remark");
  if (family || roles.includes("TEACHER")) kinds.add("handin");
  return PUSH_KINDS.filter((k) => kinds.has(k));
}

export type PushPayload = { title: string; body: string; url: string; kind: PushKind };

export function markPayload(subjectName: string, label: string, studentId: number): PushPayload {
  return { kind: "mark", title: "Новая отметка", body: `${subjectName}: ${label}`, url: `/diary/${studentId}` };
}

export function messagePayload(senderName: string, messageId: number): PushPayload {
  return { kind: "message", title: "Новое сообщение", body: `От: ${senderName}`, url: `/mail/${messageId}` };
}

export function finalPayload(subjectName: string, label: string, studentId: number): PushPayload {
  return {
    kind: "final",
    title: "Итоговая отметка",
    body: `${subjectName}: ${label}`,
    url: `/diary/${studentId}/marks`,
  };
}

/** A lesson's homework set or changed: the subject, the start of the text, the diary's week of the lesson. */
export function homeworkPayload(subjectName: string, text: string, studentId: number, lessonDate: Date): PushPayload {
  const short = text.length > 100 ? `${text.slice(0, 99)}…` : text;
  return {
    kind: "homework",
    title: "Домашнее задание",
    body: `${subjectName}: ${short}`,
    url: `/diary/${studentId}?week=${lessonDate.toISOString().slice(0, 10)}`,
  };
}

export function remarkPayload(): PushPayload {
  return {
    kind: "remark",
    title: "Замечание по ведению журнала",
    body: "Откройте главную страницу, чтобы увидеть замечание",
    url: "/",
  };
}

/** LRN-1: a student handed in a homework — to the lesson's teacher. */
export function handinPayload(what: string, studentName: string, homeworkId: number): PushPayload {
  return { kind: "handin", title: "Сдана работа", body: `${what}: ${studentName}`, url: `/handins/${homeworkId}` };
}

/** LRN-1: the teacher reviewed a hand-in — to the student's family, with the mark and the start of the comment. */
export function reviewPayload(
  subjectName: string,
  outcome: string,
  comment: string,
  studentId: number,
  homeworkId: number,
): PushPayload {
  const short = comment.length > 80 ? `${comment.slice(0, 79)}…` : comment;
  return {
    kind: "handin",
    title: "Работа проверена",
    body: [`${subjectName}: ${outcome}`, short].filter(Boolean).join(" — "),
    url: `/diary/${studentId}/handin/${homeworkId}`,
  };
}
