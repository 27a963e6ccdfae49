// The journal grid's header (JRN-1): per lesson its date (a button opening the lesson, with a lock
// icon for a closed or an administrator-opened date), the topic written vertically, and one
// column per attendance / assignment (type, weight, control works in red). Sticky at the top.
import { memo } from "react";
import type { GridLesson, GridView } from "@/lib/journal/grid";
import { ddmm, type Col } from "./grid-state";
import { formatNumber } from "@/lib/org/vocabulary";

function LockIcon({ open }: { open: boolean }) {
  return (
    <svg
      viewBox="0 0 12 12"
      role="img"
      aria-label={open ? "дата открыта администратором" : "дата закрыта"}
      className={`ml-0.5 inline h-2.5 w-2.5 align-baseline ${open ? "text-amber-600" : "text-slate-400"}`}
    >
      <rect x="2" y="5.5" width="8" height="6" rx="1" fill="currentColor" />
      <path
        d={open ? "M4 5.5V3.5a2 2 0 0 1 4 0" : "M4 5.5V3.5a2 2 0 0 1 4 0v2"}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
      />
    </svg>
  );
}

type HeaderProps = {
  view: GridView;
  cols: Col[];
  activeCol: number;
  onLesson: (id: number) => void;
};

/**
 * The four headings left of the lessons (number, student, average, absences): the grid's and the frame's;
 * their widths and offsets are grid-row.tsx's HEAD_COLUMNS (7rem names on a phone, DAY-4).
 */
export function HeadCorner({ method, orgKind }: Pick<GridView, "method" | "orgKind">) {
  const stickyTh = "sticky z-30 bg-slate-100 border-b border-r border-slate-300";
  return (
    <>
      <th rowSpan={3} className={`${stickyTh} left-0 top-0 z-40 w-7 min-w-7 text-center font-normal text-slate-500`}>
        №
      </th>
      <th
        rowSpan={3}
        className={`${stickyTh} left-7 top-0 z-40 w-52 min-w-52 max-w-52 max-sm:w-28 max-sm:min-w-28 max-sm:max-w-28 px-2 text-left align-bottom pb-1 font-semibold`}
      >
        Обучающийся
      </th>
      <th
        rowSpan={3}
        className={`${stickyTh} left-[14.75rem] max-sm:left-[8.75rem] top-0 z-40 w-12 min-w-12 px-1 align-bottom pb-1 font-semibold`}
        title={method === "WEIGHTED" ? "Средневзвешенный балл за период" : "Средний балл за период"}
      >
        Ср.
      </th>
      <th
        rowSpan={3}
        className={`${stickyTh} left-[17.75rem] max-sm:left-[11.75rem] top-0 z-40 w-9 min-w-9 px-1 align-bottom pb-1 font-semibold`}
        title={orgKind === "COLLEGE" ? "Пропущено часов" : "Пропущено уроков"}
      >
        {orgKind === "COLLEGE" ? "Ч." : "Пр."}
      </th>
    </>
  );
}

function GridHeaderInner(props: HeaderProps) {
  const { view, cols } = props;
  const groups: { lesson: GridLesson; span: number; start: number }[] = [];
  cols.forEach((c, i) => {
    const last = groups[groups.length - 1];
    if (last && last.lesson.id === c.lesson.id) last.span++;
    else groups.push({ lesson: c.lesson, span: 1, start: i });
  });
  const activeLesson = cols[props.activeCol]?.lesson.id;
  return (
    <thead>
      <tr>
        <HeadCorner method={view.method} orgKind={view.orgKind} />
        {groups.map((g) => (
          <th
            key={g.lesson.id}
            colSpan={g.span}
            className={`sticky top-0 z-20 h-6 border-b border-r border-slate-300 px-0.5 font-semibold ${g.lesson.id === activeLesson ? "bg-blue-100" : "bg-slate-50"}`}
          >
            {/* eslint-disable-next-line no-restricted-syntax -- a date heading of the dense grid, not a form button */}
            <button
              type="button"
              onClick={() => props.onLesson(g.lesson.id)}
              className="w-full whitespace-nowrap rounded px-0.5 hover:bg-blue-200 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
              title={`Урок ${g.lesson.date.split("-").reverse().join(".")}, ${g.lesson.bell}-й: открыть тему, задания, домашнее задание`}
            >
              {ddmm(g.lesson.date)}
              {!g.lesson.lock.open && g.lesson.lock.code !== "future" && <LockIcon open={false} />}
              {g.lesson.lock.open && g.lesson.lock.byUnlock && <LockIcon open />}
            </button>
          </th>
        ))}
      </tr>
      <tr>
        {groups.map((g) => (
          <th
            key={g.lesson.id}
            colSpan={g.span}
            className="sticky top-6 z-20 h-24 max-w-16 border-b border-r border-slate-300 bg-slate-50 p-0.5 align-bottom font-normal"
            title={[g.lesson.topic ?? "Тема не указана", g.lesson.homework ? `Д/з: ${g.lesson.homework.text}` : null]
              .filter(Boolean)
              .join("\n")}
          >
            <div
              className={`mx-auto max-h-[5.5rem] overflow-hidden text-ellipsis whitespace-nowrap text-[10px] [writing-mode:vertical-rl] rotate-180 ${g.lesson.topic ? "text-slate-700" : "text-red-600"}`}
            >
              {g.lesson.topic ?? "нет темы"}
            </div>
          </th>
        ))}
      </tr>
      <tr>
        {cols.map((c, i) => (
          <th
            key={c.id}
            id={`jc${i}`}
            aria-label={`${ddmm(c.lesson.date)}, ${c.kind === "att" ? `посещаемость${c.lesson.attendanceTaken ? " (все присутствуют)" : ""}` : (c.assignment?.typeName ?? "отметка")}`}
            data-lesson={c.lesson.id}
            data-kind={c.kind}
            className={`sticky top-[7.5rem] z-20 h-5 min-w-7 border-b border-r border-slate-300 px-0.5 font-normal ${i === props.activeCol ? "bg-blue-100" : "bg-slate-50"} ${c.kind === "att" ? "text-slate-400" : "text-slate-600"}`}
            title={
              c.kind === "att"
                ? `Посещаемость${c.lesson.attendanceTaken ? " (отмечено «все присутствуют»)" : ""}`
                : c.assignment
                  ? `${c.assignment.typeName}${c.assignment.description ? `: ${c.assignment.description}` : ""}, вес ${formatNumber(c.assignment.weight)}`
                  : "Отметки: задание «Ответ на уроке» будет создано при вводе"
            }
          >
            {c.kind === "att" ? (
              c.lesson.attendanceTaken ? (
                "п✓"
              ) : (
                "п"
              )
            ) : c.assignment ? (
              <span className={c.assignment.isControl ? "font-semibold text-rose-700" : ""}>
                {c.assignment.typeShort}
                {c.assignment.weight !== 1 && <sup className="text-[8px]">{formatNumber(c.assignment.weight)}</sup>}
              </span>
            ) : (
              <span className="text-slate-300">+</span>
            )}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A save changes marks, not the header: it re-renders only when the columns, the lessons or the active column change. */
export const GridHeader = memo(
  GridHeaderInner,
  (a, b) =>
    a.cols === b.cols &&
    a.activeCol === b.activeCol &&
    a.onLesson === b.onLesson &&
    a.view.lessons === b.view.lessons &&
    a.view.method === b.view.method &&
    a.view.orgKind === b.view.orgKind,
);
