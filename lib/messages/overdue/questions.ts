// MSG-2 «Неотвеченные вопросы родителей»: the facts from the database through the pure rule,
// with an injectable clock (the integration test moves it). The caller decides whose list it
// may see: a class teacher their own, DEPUTY (and ADMIN/DIRECTOR) the organisation's.
import { todayIn } from "@/lib/org/time";
import { daysWaiting, unansweredQuestions } from "../rules";
import { parentQuestionFacts } from "./data";

/** Questions older than this are no longer looked at (a school term is plenty). */
const LOOKBACK_DAYS = 120;

export type OverdueQuestion = {
  messageId: number;
  subject: string;
  parentName: string;
  teacherName: string;
  classNames: string[];
  createdAt: Date;
  daysWaiting: number;
};

export async function overdueParentQuestions(
  organisationId: number,
  timeZone: string,
  classTeacherId: number | null,
  now: Date = new Date(),
): Promise<OverdueQuestion[]> {
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
  const facts = await parentQuestionFacts(organisationId, classTeacherId, todayIn(timeZone, now), since);
  const byKey = new Map(facts.questions.map((q) => [`${q.messageId}:${q.classTeacherId}`, q]));
  return unansweredQuestions(facts.questions, facts.teacherMessages, now).map((q) => {
    const full = byKey.get(`${q.messageId}:${q.classTeacherId}`)!;
    return {
      messageId: q.messageId,
      subject: full.subject,
      parentName: full.parentName,
      teacherName: full.teacherName,
      classNames: full.classNames,
      createdAt: q.createdAt,
      daysWaiting: daysWaiting(q.createdAt, now),
    };
  });
}
