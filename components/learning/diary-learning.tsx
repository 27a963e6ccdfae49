// The diary's learning additions (LRN-1, LRN-2): a homework that asks for a hand-in shows its state
// and links to its hand-in page (the student hands in there, a parent reads the teacher's comment);
// a lesson lists its materials (files download through the material's own access check).
import Link from "next/link";
import type { DiaryLesson } from "@/lib/diary/data";
import { HANDIN_STATE_LABELS, handinState, type SubmissionStatusName } from "@/lib/learning/handin/rules";
import { STATE_TONE } from "./state-tone";

type Handin = NonNullable<DiaryLesson["homework"][number]["handin"]>;

export function DiaryHandin({
  studentId,
  homeworkId,
  handin,
}: {
  studentId: number;
  homeworkId: number;
  handin: Handin;
}) {
  const state = handinState(
    handin.status ? { status: handin.status as SubmissionStatusName, isLate: handin.isLate } : null,
    handin.dueAt,
    new Date(),
  );
  return (
    <span className="mt-1 flex flex-wrap items-center gap-2">
      <span data-state={state} className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_TONE[state]}`}>
        {HANDIN_STATE_LABELS[state]}
      </span>
      <Link
        href={`/diary/${studentId}/handin/${homeworkId}`}
        className="rounded border border-blue-700 px-2 py-0.5 text-xs font-medium text-blue-800 hover:bg-blue-50"
      >
        {handin.status === null ? "Сдать работу" : "Моя работа"}
      </Link>
      {handin.comment && <span className="text-xs text-slate-600">Комментарий учителя: {handin.comment}</span>}
    </span>
  );
}

export function DiaryMaterials({ materials }: { materials: DiaryLesson["materials"] }) {
  return (
    <p className="ml-6 mt-1 flex flex-wrap gap-x-3 text-xs">
      <span className="text-slate-500">Материалы:</span>
      {materials.map((m) =>
        m.kind === "LINK" && m.url ? (
          <a key={m.id} href={m.url} target="_blank" rel="noreferrer" className="text-blue-700 hover:underline">
            {m.title}
          </a>
        ) : (
          <a key={m.id} href={`/api/materials/${m.id}`} className="text-blue-700 hover:underline">
            {m.title}
          </a>
        ),
      )}
    </p>
  );
}
