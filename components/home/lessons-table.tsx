import Link from "@/components/ui/link";
import type { DayLesson } from "@/lib/schedule/data";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";
import { Table, Td, THead, Tr } from "@/components/ui/table";

/** `linkJournal`: the teacher's own lessons open their journal (the journal page checks access again). */
export function LessonsTable({
  lessons,
  showClass,
  linkJournal = false,
  kind = "SCHOOL",
}: {
  lessons: DayLesson[];
  showClass: boolean;
  linkJournal?: boolean;
  /** DAY-6: the organisation's words (группа, дисциплина, занятий at a college). */
  kind?: OrgKindName;
}) {
  const v = vocabulary(kind);
  if (lessons.length === 0) return <p className="text-sm text-slate-500">{cap(v.lesson.genPl)} нет.</p>;
  return (
    <Table label={cap(v.lesson.nomPl)} maxHeight="none">
      <THead headers={["№", "Время", showClass && cap(v.class.nom), cap(v.subject.nom), "Кабинет", "Тема"]} />
      <tbody>
        {lessons.map((l) => (
          <Tr key={l.id} className={l.cancelled ? "text-slate-400 line-through" : undefined}>
            <Td>{l.bellNumber}</Td>
            <Td className="tabular-nums">{l.startTime ?? "—"}</Td>
            {showClass && <Td>{l.className}</Td>}
            <Td>
              {linkJournal ? (
                <Link href={l.journalHref} className="text-blue-700 hover:underline">
                  {l.subjectName}
                </Link>
              ) : (
                l.subjectName
              )}
              {l.substituted && <span className="ml-1 text-xs text-amber-700">(замена)</span>}
            </Td>
            <Td>{l.roomName ?? "—"}</Td>
            <Td className="text-slate-600">{l.topic ?? ""}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
