"use client";
// The diary week laid out from its compact data (components/diary/week-pack.ts, issue 22 item 5):
// one client component, so the RSC payload carries the week's data once and the markup's classes
// come with the script, not per lesson in the flight. Rendered on the server as HTML like any other
// part of the page (the week reads in full without script); every text is already formatted — the
// browser's hydration computes nothing that could differ from the server's.
import { useMemo } from "react";
import Link from "@/components/ui/link";
import { MarkBadge } from "@/components/ui/mark-badge";
import { STATE_TONE } from "@/components/learning/state-tone";
import { homeworkById } from "./week-homework";
import type { PackedDue, PackedHomework, PackedLesson, PackedMaterial, PackedWeek, PackedWords } from "./week-pack";
import "./week-board.css";

/**
 * DAY-6 (round 23): a school's constant words — week-pack.ts weekWords(vocabulary("SCHOOL")), pinned equal
 * by tests/unit/vocabulary-components. A college's week brings its own (`words`); a school's sends none, so
 * the bench week's bytes are unchanged (issue 22 item 5) and the client bundle needs no vocabulary.
 */
export const SCHOOL_WEEK_WORDS: PackedWords = ["Задано к уроку: ", "Комментарий учителя: ", "Уроков нет", "отменён"];

/**
 * DAY-4: homework due on the day (set on an earlier lesson) — at its lesson «Задано к уроку: », under
 * the day (no lesson of its subject that day) «<subject>: ». The packed item carries no constant words
 * (week-pack.ts, issue 22 item 5); missing trailing items are empty.
 */
function DueItem({
  due: [id, own, ownFiles = null, subject],
  set,
  words,
}: {
  due: PackedDue;
  set: HomeworkSet;
  words: PackedWords;
}) {
  // `[id]`: homework set earlier this week — its text and files come with the lesson that set it.
  const shown = own === undefined ? set.get(id) : undefined;
  const text = own ?? shown?.[1] ?? "";
  const files = own === undefined ? (shown?.[3] ?? null) : ownFiles;
  return (
    <div className="dw-item" data-testid="homework-due">
      <span>{subject === undefined ? words[0] : `${subject}: `}</span>
      {text}
      {files !== null && <span className="ml-1 text-xs text-slate-500">({files})</span>}
    </div>
  );
}

function Homework({
  homework: [id, text, dueDate = null, files = null, fresh = 0, handin = null],
  studentId,
  words,
}: {
  homework: PackedHomework;
  studentId: number | null;
  words: PackedWords;
}) {
  return (
    <div
      className={fresh ? "dw-hw rounded bg-emerald-50 px-1 ring-1 ring-emerald-400" : "dw-hw"}
      data-new={fresh ? "true" : undefined}
    >
      <span>{dueDate === null ? "Д/з: " : `Д/з к ${dueDate}: `}</span>
      {text}
      {files !== null && <span className="ml-1 text-xs text-slate-500">({files})</span>}
      {/* LRN-1: the hand-in's state and its page. */}
      {handin && studentId !== null && (
        <span className="mt-1 flex flex-wrap items-center gap-2">
          <span data-state={handin[0]} className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_TONE[handin[0]]}`}>
            {handin[1]}
          </span>
          <Link
            href={`/diary/${studentId}/handin/${id}`}
            className="rounded border border-blue-700 px-2 py-0.5 text-xs font-medium text-blue-800 hover:bg-blue-50"
          >
            {handin[2]}
          </Link>
          {handin[3] && (
            <span className="text-xs text-slate-600">
              {words[1]}
              {handin[3]}
            </span>
          )}
        </span>
      )}
    </div>
  );
}

/** LRN-2: the lesson's materials (files download through the material's own access check). */
function Materials({ materials }: { materials: PackedMaterial[] }) {
  return (
    <p className="ml-6 mt-1 flex flex-wrap gap-x-3 text-xs">
      <span className="text-slate-500">Материалы:</span>
      {materials.map(([id, title, href, external]) =>
        external ? (
          <a key={id} href={href} target="_blank" rel="noreferrer" className="text-blue-700 hover:underline">
            {title}
          </a>
        ) : (
          <a key={id} href={href} className="text-blue-700 hover:underline">
            {title}
          </a>
        ),
      )}
    </p>
  );
}

/** The week's homework by id (week-pack.ts homeworkById): a due item `[id]` reads its text there. */
type HomeworkSet = ReadonlyMap<number, PackedHomework>;

function LessonRow({
  lesson,
  studentId,
  set,
  words,
}: {
  lesson: PackedLesson;
  studentId: number | null;
  set: HomeworkSet;
  words: PackedWords;
}) {
  // Trailing empty items are not sent (week-pack.ts trimTail): a missing one is empty.
  const [
    id,
    bell,
    start,
    subject,
    room,
    topic = null,
    homework = [],
    due = [],
    marks = [],
    attendance = null,
    cancelled = 0,
    substitute = null,
    history = [],
    materials = [],
  ] = lesson;
  return (
    // The lesson, its row, bell, start and subject are styled by their place (week-board.css).
    <li data-lesson={id} className={cancelled ? "opacity-60" : undefined}>
      <div>
        <span>{bell}</span>
        <span>{start}</span>
        <span className={cancelled ? "line-through" : undefined}>{subject}</span>
        {room && <span className="dw-note">{room}</span>}
        {cancelled ? <span className="text-xs font-medium text-red-700">{words[3]}</span> : null}
        {substitute && <span className="text-xs text-amber-700">замена: {substitute}</span>}
        {(attendance || marks.length > 0) && (
          <span className="dw-marks">
            {attendance && (
              <span
                title={attendance[1]}
                className="rounded bg-rose-50 px-1.5 py-0.5 text-sm font-semibold text-rose-800"
              >
                {attendance[0]}
              </span>
            )}
            {marks.map(([label, title, note, fresh], i) => (
              <MarkBadge key={i} label={label} title={title} fresh={fresh === 1}>
                <span>{note}</span>
              </MarkBadge>
            ))}
          </span>
        )}
      </div>
      {/* DAY-10: a changed mark's history — was → is, when, by which role, why. */}
      {history.length > 0 && (
        <details className="ml-6 mt-1 text-xs text-slate-600" data-testid="mark-history">
          <summary className="cursor-pointer text-blue-700">Отметка изменена — история</summary>
          <ol className="mt-1 space-y-0.5">
            {history.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        </details>
      )}
      {due.length > 0 && (
        <div className="dw-due">
          {due.map((h) => (
            <DueItem key={h[0]} due={h} set={set} words={words} />
          ))}
        </div>
      )}
      {topic && <p className="dw-topic">{topic}</p>}
      {homework.map((h) => (
        <Homework key={h[0]} homework={h} studentId={studentId} words={words} />
      ))}
      {materials.length > 0 && <Materials materials={materials} />}
    </li>
  );
}

/** `data`: the PackedWeek as JSON (week-view.tsx: one text row of the flight, parsed once here). */
export function WeekBoard({ week: data }: { week: string }) {
  const [week, set] = useMemo(() => {
    const parsed = JSON.parse(data) as PackedWeek;
    return [parsed, homeworkById(parsed.days)] as const;
  }, [data]);
  const words = week.words ?? SCHOOL_WEEK_WORDS;
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {week.days.map(([key, heading, selected, events, lessons, dueElse]) => (
        <section
          key={key}
          aria-label={heading}
          aria-current={selected ? "date" : undefined}
          data-day={key}
          className={!week.whole && !selected ? "dw-day hidden md:block" : "dw-day"}
        >
          <h2>{heading}</h2>
          {events.map((line, i) => (
            <p key={i} className="mb-1 rounded bg-violet-50 px-2 py-1 text-sm text-violet-900">
              {line}
            </p>
          ))}
          {lessons.length === 0 ? (
            <p className="text-sm text-slate-500">{words[2]}</p>
          ) : (
            <ul>
              {lessons.map((l) => (
                <LessonRow key={l[0]} lesson={l} studentId={week.student} set={set} words={words} />
              ))}
            </ul>
          )}
          {dueElse.length > 0 && (
            <div className="mt-2 border-t border-slate-100 pt-1">
              <h3 className="text-xs font-semibold text-slate-600">Задано к этому дню</h3>
              {dueElse.map((h) => (
                <DueItem key={h[0]} due={h} set={set} words={words} />
              ))}
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
