import type { DiaryEvent, DiaryLesson } from "@/lib/diary/data";
import { ATTENDANCE_LABELS, ATTENDANCE_TITLES, isNewSince, isoDate, markLabel, weekDays } from "@/lib/diary/rules";
import { formatDate, weekdayName } from "@/lib/org/time";
import { MarkBadge } from "@/components/ui/mark-badge";
import { roomLabel } from "@/lib/schedule/room-label";
import { formatNumber } from "@/lib/org/vocabulary";

function DiaryMark({ mark, fresh }: { mark: DiaryLesson["marks"][number]; fresh: boolean }) {
  const title = `${mark.typeName}, вес ${formatNumber(mark.weight)}${mark.isHospital ? ", получена в больнице" : ""}${mark.comment ? ` — ${mark.comment}` : ""}`;
  return (
    <MarkBadge label={markLabel(mark.kind, mark.value)} title={title} fresh={fresh}>
      <span className="text-[10px] font-normal opacity-75">
        {mark.typeName.split(" ")[0].toLowerCase()} ×{formatNumber(mark.weight)}
      </span>
    </MarkBadge>
  );
}

function LessonRow({ lesson, since }: { lesson: DiaryLesson; since: Date | null }) {
  return (
    <li
      data-lesson={lesson.id}
      className={`border-t border-slate-100 py-2 first:border-t-0 ${lesson.cancelled ? "opacity-60" : ""}`}
    >
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="w-4 text-right text-xs text-slate-400">{lesson.bellNumber}</span>
        <span className="text-xs tabular-nums text-slate-500">{lesson.startTime ?? ""}</span>
        <span className={`font-medium ${lesson.cancelled ? "line-through" : ""}`}>{lesson.subjectName}</span>
        {lesson.roomName && <span className="text-xs text-slate-500">{roomLabel(lesson.roomName)}</span>}
        {lesson.cancelled && <span className="text-xs font-medium text-red-700">отменён</span>}
        {lesson.substituteName && <span className="text-xs text-amber-700">замена: {lesson.substituteName}</span>}
        <span className="ml-auto flex flex-wrap gap-1">
          {lesson.attendance && (
            <span
              title={ATTENDANCE_TITLES[lesson.attendance.code]}
              className="rounded bg-rose-50 px-1.5 py-0.5 text-sm font-semibold text-rose-800"
            >
              {ATTENDANCE_LABELS[lesson.attendance.code]}
            </span>
          )}
          {lesson.marks.map((m) => (
            <DiaryMark key={m.id} mark={m} fresh={isNewSince(m.at, since)} />
          ))}
        </span>
      </div>
      {lesson.topic && <p className="ml-6 text-sm text-slate-600">{lesson.topic}</p>}
      {lesson.due.map((h) => (
        <div key={`due-${h.id}`} data-due={h.id} className="ml-6 mt-1 break-words text-sm">
          <span className="font-medium text-amber-800">Задано к уроку: </span>
          <span className="whitespace-pre-line">{h.text}</span>
        </div>
      ))}
      {lesson.homework.map((h) => (
        <div
          key={h.id}
          className={`ml-6 mt-1 break-words text-sm ${isNewSince(h.createdAt, since) ? "rounded bg-emerald-50 px-1 ring-1 ring-emerald-400" : ""}`}
          data-new={isNewSince(h.createdAt, since) ? "true" : undefined}
        >
          <span className="text-slate-500">Д/з{h.dueDate ? ` к ${formatDate(h.dueDate)}` : ""}: </span>
          <span className="whitespace-pre-line">{h.text}</span>
          {h.files.length > 0 && (
            <span className="ml-1 text-xs text-slate-500">({h.files.map((f) => f.fileName).join(", ")})</span>
          )}
        </div>
      ))}
    </li>
  );
}

export function WeekView({
  monday,
  lessons,
  events,
  timeZone,
  since = null,
}: {
  monday: Date;
  lessons: DiaryLesson[];
  events: DiaryEvent[];
  timeZone: string;
  since?: Date | null;
}) {
  const timeOf = new Intl.DateTimeFormat("ru-RU", { timeZone, hour: "2-digit", minute: "2-digit" });
  const dayOf = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {weekDays(monday).map((day) => {
        const key = isoDate(day);
        const dayLessons = lessons.filter((l) => isoDate(l.date) === key);
        const dayEvents = events.filter((e) => dayOf.format(e.startsAt) === key);
        if (day.getUTCDay() === 6 && dayLessons.length === 0 && dayEvents.length === 0) return null;
        return (
          <section
            key={key}
            aria-label={`${weekdayName(day)}, ${formatDate(day)}`}
            className="min-w-0 rounded border border-slate-200 bg-white p-3"
          >
            <h2 className="mb-1 text-sm font-semibold capitalize">
              {weekdayName(day)}, {formatDate(day)}
            </h2>
            {dayEvents.map((e) => (
              <p key={e.id} className="mb-1 rounded bg-violet-50 px-2 py-1 text-sm text-violet-900">
                {timeOf.format(e.startsAt)} · {e.title}
                {e.place ? ` · ${e.place}` : ""}
              </p>
            ))}
            {dayLessons.length === 0 ? (
              <p className="text-sm text-slate-400">Уроков нет</p>
            ) : (
              <ul>
                {dayLessons.map((l) => (
                  <LessonRow key={l.id} lesson={l} since={since} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
