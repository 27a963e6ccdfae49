// DAY-4: the diary's navigation — on a phone a day at a time with plain buttons (previous / next study
// day, «Сегодня», «Завтра», the whole week); on a wide screen the week with previous / next week. The
// links open on the client through ONE SoftNav (issue 22 item 5).
import { SoftNav } from "@/components/ui/soft-nav";
import { addDays, formatDate, isoDate, weekdayName } from "@/lib/org/time";
import { nextStudyDay, previousStudyDay, weekEnd, type StudyDays } from "@/lib/schedule/week";
import { tomorrowOf } from "@/lib/diary/rules";

// One short class, the current day by its aria-current (app/globals.css `.dbtn`, issue 22 item 5: the
// utilities were ≈ 110 characters a button, in the HTML and again in the RSC payload).
const button = "dbtn";

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function WeekNav({
  studentId,
  monday,
  day,
  today,
  wholeWeek,
  studyDays,
}: {
  studentId: number;
  monday: Date;
  /** The day shown on a phone. */
  day: Date;
  today: Date;
  wholeWeek: boolean;
  studyDays: StudyDays;
}) {
  const base = `/diary/${studentId}`;
  const dayLink = (d: Date) => `${base}?day=${isoDate(d)}`;
  const weekLink = (m: Date) => `${base}?week=${isoDate(m)}${wholeWeek ? "&view=week" : ""}`;
  const tomorrow = tomorrowOf(today, studyDays);
  const literalTomorrow = isoDate(tomorrow) === isoDate(addDays(today, 1));
  const same = (a: Date, b: Date) => isoDate(a) === isoDate(b);
  return (
    <SoftNav as="div" className="space-y-2">
      {/* Phone: a day at a time. */}
      <nav aria-label="Дни" className="flex flex-wrap items-center gap-1.5 md:hidden">
        {!wholeWeek && (
          <a className={button} aria-label="Предыдущий день" href={dayLink(previousStudyDay(day, studyDays))}>
            ←
          </a>
        )}
        <a className={button} aria-current={!wholeWeek && same(day, today) ? "date" : undefined} href={dayLink(today)}>
          Сегодня
        </a>
        <a
          className={button}
          aria-current={!wholeWeek && same(day, tomorrow) ? "date" : undefined}
          href={dayLink(tomorrow)}
        >
          {literalTomorrow ? "Завтра" : capitalised(`${weekdayName(tomorrow)}, ${formatDate(tomorrow).slice(0, 5)}`)}
        </a>
        {!wholeWeek && (
          <a className={button} aria-label="Следующий день" href={dayLink(nextStudyDay(day, studyDays))}>
            →
          </a>
        )}
        <a
          className="ml-auto text-sm text-blue-700 underline"
          href={wholeWeek ? dayLink(day) : `${base}?week=${isoDate(monday)}&view=week`}
        >
          {wholeWeek ? "По дням" : "Вся неделя"}
        </a>
      </nav>
      <div className={`${wholeWeek ? "flex" : "hidden md:flex"} flex-wrap items-center gap-2`}>
        <a className={button} href={weekLink(addDays(monday, -7))}>
          ← Предыдущая неделя
        </a>
        <span className="text-sm text-slate-600">
          {formatDate(monday)} — {formatDate(weekEnd(monday, studyDays))}
        </span>
        <a className={button} href={weekLink(addDays(monday, 7))}>
          Следующая неделя →
        </a>
        <a className="text-sm text-blue-700 hover:underline" href={base}>
          Текущая неделя
        </a>
      </div>
    </SoftNav>
  );
}
