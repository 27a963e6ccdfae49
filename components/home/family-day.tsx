// DAY-2: the parent's and the student's day on the home page. Each day — today, then the next school
// day — lists its lessons first and the homework due on it after them (a phone reads today's first
// lesson within its first screen, DAY-4), then the new marks, the absences and the unread mail. Lessons
// as the diary marks them (a cancelled one struck through «отменён», a substitute «замена: …»), marks in
// their colour (MarkBadge). Server-rendered; the child switcher is plain links (`/?child=`).
import Link from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { MarkBadge } from "@/components/ui/mark-badge";
import type { FamilyHome } from "@/lib/home/loaders";
import type { DiaryDue, DiaryLesson } from "@/lib/diary/data";
import { addDays, formatDate, isoDate, weekdayName } from "@/lib/org/time";
import { cap, vocabulary, type OrgKindName, type Vocabulary } from "@/lib/org/vocabulary";
import { roomLabel } from "@/lib/schedule/room-label";

const short = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function Lessons({ lessons, v }: { lessons: DiaryLesson[]; v: Vocabulary }) {
  if (lessons.length === 0) return <p className="text-sm text-slate-500">{cap(v.lesson.genPl)} нет</p>;
  return (
    <ol className="space-y-1 text-sm" aria-label={cap(v.lesson.nomPl)}>
      {lessons.map((l) => (
        <li key={l.id} data-lesson={l.id} className="flex flex-wrap items-baseline gap-x-2">
          <span className="w-4 text-right tabular-nums text-slate-500">{l.bellNumber}</span>
          <span className="w-11 tabular-nums text-slate-500">{l.startTime ?? "—"}</span>
          <span className={l.cancelled ? "font-medium line-through" : "font-medium"}>{l.subjectName}</span>
          {l.roomName && <span className="text-xs text-slate-500">{roomLabel(l.roomName)}</span>}
          {l.cancelled && <span className="text-xs font-medium text-red-700">отменён</span>}
          {l.substituteName && <span className="text-xs text-amber-700">замена: {l.substituteName}</span>}
        </li>
      ))}
    </ol>
  );
}

function Due({ items, studentId, date }: { items: DiaryDue[]; studentId: number; date: Date }) {
  if (items.length === 0) return null;
  return (
    <div className="mt-2 border-t border-slate-100 pt-1">
      <h4 className="text-xs font-semibold text-slate-600">Задано к этому дню</h4>
      <ul className="space-y-0.5 text-sm">
        {items.map((h) => (
          <li key={h.id}>
            {/* DAY-4: the diary opens at the day the homework is due, as the week's homework links do. */}
            {/* Underlined: a link inside a line of text is told apart by more than its colour (axe). */}
            <Link href={`/diary/${studentId}?day=${isoDate(date)}`} className="text-blue-700 underline">
              {h.subjectName}
            </Link>{" "}
            <span className="text-slate-700">— {short(h.text)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function DayBlock({
  label,
  date,
  lessons,
  due,
  studentId,
  v,
  testId,
}: {
  label: string;
  date: Date;
  lessons: DiaryLesson[];
  due: DiaryDue[];
  studentId: number;
  v: Vocabulary;
  testId: string;
}) {
  return (
    <div data-testid={testId} className="min-w-0">
      <h3 className="mb-1 text-sm font-semibold">
        {label}{" "}
        <span className="font-normal text-slate-500">
          {weekdayName(date)}, {formatDate(date)}
        </span>
      </h3>
      <Lessons lessons={lessons} v={v} />
      <Due items={due} studentId={studentId} date={date} />
    </div>
  );
}

/** «Завтра» when the next school day is the next calendar day, else «Ближайшие уроки» (as the teacher's home). */
function nextLabel(today: Date, next: Date, v: Vocabulary): string {
  return next.getTime() === addDays(today, 1).getTime() ? "Завтра" : `Ближайшие ${v.lesson.nomPl}`;
}

export function FamilyDayCard({ home, kind, self }: { home: FamilyHome; kind: OrgKindName; self: boolean }) {
  const v = vocabulary(kind);
  const { day, students } = home;
  const current = students.find((s) => s.studentId === day.studentId)!;
  // The page's title already says «Мой день» and the student's name: the student's card names the class.
  const title = self
    ? current.className
      ? `${cap(v.class.nom)} ${current.className}`
      : "Мой день"
    : `${current.name}${current.className ? ` · ${current.className}` : ""}`;
  return (
    <Card
      title={title}
      data-family-day={day.studentId}
      className="lg:col-span-2"
      actions={
        <Link href={`/diary/${day.studentId}`} className="text-blue-700 hover:underline">
          Дневник
        </Link>
      }
    >
      {students.length > 1 && (
        <nav aria-label="Дети" className="mb-3 flex flex-wrap gap-1">
          {students.map((s) => (
            <Link
              key={s.studentId}
              href={`/?child=${s.studentId}`}
              aria-current={s.studentId === day.studentId ? "page" : undefined}
              className={`rounded-full px-3 py-1 text-sm ${s.studentId === day.studentId ? "bg-blue-700 text-white" : "bg-slate-100 text-slate-800 hover:bg-slate-200"}`}
            >
              {s.name}
            </Link>
          ))}
        </nav>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <DayBlock
          label={`${cap(v.lesson.nomPl)} сегодня`}
          date={day.today}
          lessons={day.lessons}
          due={day.due.today}
          studentId={day.studentId}
          v={v}
          testId="family-today"
        />
        {day.next ? (
          <DayBlock
            label={nextLabel(day.today, day.next.date, v)}
            date={day.next.date}
            lessons={day.next.lessons}
            due={day.due.next}
            studentId={day.studentId}
            v={v}
            testId="family-next"
          />
        ) : (
          <p className="text-sm text-slate-500" data-testid="family-next">
            В ближайшие две недели {v.lesson.genPl} нет.
          </p>
        )}
        <div data-testid="family-marks" className="min-w-0">
          <h3 className="mb-1 text-sm font-semibold">
            Новые отметки{" "}
            <span className="font-normal text-slate-500">
              {day.marks.since ? "с прошлого посещения дневника" : `с ${formatDate(day.marks.from)}`}
            </span>
          </h3>
          {day.marks.list.length === 0 ? (
            <p className="text-sm text-slate-500">Новых отметок нет</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {day.marks.list.map((m) => (
                <li key={m.id} className="flex flex-wrap items-baseline gap-x-2">
                  <MarkBadge label={m.label} title={m.title} />
                  <span>{m.subjectName}</span>
                  <span className="text-xs text-slate-500">
                    {m.title.toLowerCase()}, {formatDate(m.date)}
                  </span>
                </li>
              ))}
              {day.marks.total > day.marks.list.length && (
                <li>
                  <Link href={`/diary/${day.studentId}/marks`} className="text-blue-700 hover:underline">
                    Все отметки
                  </Link>
                </li>
              )}
            </ul>
          )}
        </div>
        <div data-testid="family-absences" className="min-w-0">
          <h3 className="mb-1 text-sm font-semibold">Пропуски сегодня и вчера</h3>
          {day.absences.length === 0 ? (
            <p className="text-sm text-slate-500">Пропусков нет</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {day.absences.map((a) => (
                <li key={a.lessonId} className="flex flex-wrap items-baseline gap-x-2">
                  <span className="rounded bg-rose-50 px-1.5 py-0.5 font-semibold text-rose-800">{a.label}</span>
                  <span>
                    {a.subjectName}, {formatDate(a.date)}
                  </span>
                  <span className="text-xs text-slate-600">{a.reason}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <p className="mt-3 text-sm" data-testid="family-mail">
        {day.unread > 0 ? `Непрочитанных сообщений: ${day.unread}` : "Непрочитанных сообщений нет"} ·{" "}
        <Link href="/mail" className="text-blue-700 underline">
          Почта
        </Link>
      </p>
    </Card>
  );
}
