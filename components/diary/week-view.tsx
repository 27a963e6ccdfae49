import type { DiaryDue, DiaryEvent, DiaryLesson } from "@/lib/diary/data";
import { ATTENDANCE_LABELS, ATTENDANCE_TITLES, isNewSince, markLabel } from "@/lib/diary/rules";
import { weekDaysShown, type StudyDays } from "@/lib/schedule/week";
import { dateTimeFormat, formatDate, formatDateTime, isoDate, weekdayName } from "@/lib/org/time";
import { MarkBadge } from "@/components/ui/mark-badge";
import { DiaryHandin, DiaryMaterials } from "@/components/learning/diary-learning";
import { roomLabel } from "@/lib/schedule/room-label";
import { formatNumber } from "@/lib/org/vocabulary";

function DiaryMark({ mark, fresh }: { mark: DiaryLesson["marks"][number]; fresh: boolean }) {
  const title = `${mark.typeName}, вес ${formatNumber(mark.weight)}${mark.isHospital ? ", получена в больнице" : ""}${mark.comment ? ` — ${mark.comment}` : ""}`;
  return (
    <MarkBadge label={markLabel(mark.kind, mark.value)} title={title} fresh={fresh}>
      <span className="text-[10px] font-normal">
        {mark.typeName.split(" ")[0].toLowerCase()} ×{formatNumber(mark.weight)}
      </span>
    </MarkBadge>
  );
}

/** DAY-10: a changed mark's history — was → is, when, by which role, why. */
function MarkHistory({ changes, timeZone }: { changes: DiaryLesson["markChanges"]; timeZone: string }) {
  if (changes.length === 0) return null;
  return (
    <details className="ml-6 mt-1 text-xs text-slate-600" data-testid="mark-history">
      <summary className="cursor-pointer text-blue-700">Отметка изменена — история</summary>
      <ol className="mt-1 space-y-0.5">
        {changes.map((c, i) => (
          <li key={i}>
            {formatDateTime(c.at, timeZone)} · {c.role}: {c.was ? `«${c.was}»` : "нет отметки"} →{" "}
            {c.is ? `«${c.is}»` : "отметка удалена"}
            {c.reason ? ` — ${c.reason}` : ""}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** DAY-4: homework due on the day (set on an earlier lesson). */
function DueItem({ h, subject }: { h: DiaryDue; subject?: boolean }) {
  return (
    <div className="mt-1 break-words text-sm" data-testid="homework-due">
      <span className="text-slate-500">{subject ? `${h.subjectName}: ` : "Задано к уроку: "}</span>
      <span className="whitespace-pre-line">{h.text}</span>
      {h.files.length > 0 && (
        <span className="ml-1 text-xs text-slate-500">({h.files.map((f) => f.fileName).join(", ")})</span>
      )}
    </div>
  );
}

function LessonRow({
  lesson,
  since,
  timeZone,
  due = [],
  studentId,
}: {
  lesson: DiaryLesson;
  since: Date | null;
  timeZone: string;
  due?: DiaryDue[];
  studentId?: number;
}) {
  return (
    <li
      data-lesson={lesson.id}
      className={`border-t border-slate-100 py-2 first:border-t-0 ${lesson.cancelled ? "opacity-60" : ""}`}
    >
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="w-4 text-right text-xs text-slate-500">{lesson.bellNumber}</span>
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
      <MarkHistory changes={lesson.markChanges} timeZone={timeZone} />
      {due.length > 0 && (
        <div className="ml-6 rounded bg-amber-50 px-1">
          {due.map((h) => (
            <DueItem key={h.id} h={h} />
          ))}
        </div>
      )}
      {lesson.topic && <p className="ml-6 text-sm text-slate-600">{lesson.topic}</p>}
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
          {h.handin && studentId !== undefined && (
            <DiaryHandin studentId={studentId} homeworkId={h.id} handin={h.handin} />
          )}
        </div>
      ))}
      {lesson.materials.length > 0 && <DiaryMaterials materials={lesson.materials} />}
    </li>
  );
}

/** The items by a key, each group in the items' order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = out.get(key);
    if (group) group.push(item);
    else out.set(key, [item]);
  }
  return out;
}

export function WeekView({
  monday,
  lessons,
  events,
  due = [],
  timeZone,
  since = null,
  studentId,
  studyDays,
  selected = null,
  wholeWeek = true,
}: {
  studyDays: StudyDays;
  /** DAY-4: the day a phone shows (highlighted on a wide screen). */
  selected?: Date | null;
  /** DAY-4: false — a phone shows only the selected day. */
  wholeWeek?: boolean;
  monday: Date;
  lessons: DiaryLesson[];
  events: DiaryEvent[];
  /** DAY-4: homework due on the week's days. */
  due?: DiaryDue[];
  timeZone: string;
  since?: Date | null;
  /** The diary's student: homework asking for a hand-in links to its hand-in page (LRN-1). */
  studentId?: number;
}) {
  // The process's formatters (lib/org/time dateTimeFormat): building one per render cost ~0.1 ms each.
  const timeOf = dateTimeFormat("ru-RU", { timeZone, hour: "2-digit", minute: "2-digit" });
  const dayOf = dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  // The week's lessons, events and due homework by day, each list in its given order (one pass each).
  const lessonsOn = groupBy(lessons, (l) => isoDate(l.date));
  const eventsOn = groupBy(events, (e) => dayOf.format(e.startsAt));
  const dueOn = groupBy(due, (h) => isoDate(h.dueDate));
  // DAY-4: the organisation's study week; a weekend day only when something happens on it.
  const selectedKey = selected ? isoDate(selected) : null;
  const busy = (d: Date) => {
    const key = isoDate(d);
    return key === selectedKey || lessonsOn.has(key) || eventsOn.has(key);
  };
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {weekDaysShown(monday, studyDays, busy).map((day) => {
        const key = isoDate(day);
        const dayLessons = lessonsOn.get(key) ?? [];
        const dayEvents = eventsOn.get(key) ?? [];
        // Due homework sits at the day's first lesson of its subject; the rest is listed under the day.
        const dayDue = dueOn.get(key) ?? [];
        const firstOf = new Map<string, number>();
        for (const l of dayLessons) if (!l.cancelled && !firstOf.has(l.subjectName)) firstOf.set(l.subjectName, l.id);
        const dueAt = (l: DiaryLesson) => dayDue.filter((h) => firstOf.get(h.subjectName) === l.id);
        const dueElse = dayDue.filter((h) => !firstOf.has(h.subjectName));
        return (
          <section
            key={key}
            aria-label={`${weekdayName(day)}, ${formatDate(day)}`}
            aria-current={key === selectedKey ? "date" : undefined}
            data-day={key}
            className={`min-w-0 rounded border bg-white p-3 ${key === selectedKey ? "border-blue-300 md:ring-1 md:ring-blue-200" : "border-slate-200"} ${!wholeWeek && key !== selectedKey ? "hidden md:block" : ""}`}
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
              <p className="text-sm text-slate-500">Уроков нет</p>
            ) : (
              <ul>
                {dayLessons.map((l) => (
                  <LessonRow
                    key={l.id}
                    lesson={l}
                    since={since}
                    timeZone={timeZone}
                    due={dueAt(l)}
                    studentId={studentId}
                  />
                ))}
              </ul>
            )}
            {dueElse.length > 0 && (
              <div className="mt-2 border-t border-slate-100 pt-1">
                <h3 className="text-xs font-semibold text-slate-600">Задано к этому дню</h3>
                {dueElse.map((h) => (
                  <DueItem key={h.id} h={h} subject />
                ))}
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
