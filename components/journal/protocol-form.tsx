"use client";
// JRN-8: a diagnostic work's specification (maximum points per task) and the protocol — each
// student's points by task — with the total shown beside.
import { useEffect, useState } from "react";
import type { GridAssignment, GridLesson, GridView } from "@/lib/journal/grid";
import { saveProtocolAction } from "@/lib/journal/lesson/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

type Loaded = { tasks: number[]; points: Record<number, (number | null)[]> };

export function ProtocolForm(props: {
  view: GridView;
  lesson: GridLesson;
  assignment: GridAssignment;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { view, lesson, assignment, canEdit } = props;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [spec, setSpec] = useState("");
  useEffect(() => {
    let live = true;
    void fetch(`/api/journal/protocol?lessonId=${lesson.id}&assignmentId=${assignment.id}`)
      .then((r) => r.json())
      .then(
        (body: {
          ok: boolean;
          data?: {
            specification: { tasks?: { max: number }[] } | null;
            rows: { studentId: number; results: { points?: (number | null)[] } }[];
          };
        }) => {
          if (!live) return;
          const tasks = body.data?.specification?.tasks?.map((t) => t.max) ?? [];
          const points: Loaded["points"] = {};
          for (const r of body.data?.rows ?? []) points[r.studentId] = r.results.points ?? [];
          setLoaded({ tasks, points });
          setSpec(tasks.join(", "));
        },
      )
      .catch(() => live && setLoaded({ tasks: [], points: {} }));
    return () => {
      live = false;
    };
  }, [lesson.id, assignment.id]);
  const tasks = spec
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
    .slice(0, 40);
  const students = view.students.filter((s) => s.cells[view.lessons.findIndex((l) => l.id === lesson.id)] === "o");
  return (
    <section
      className="space-y-2 rounded border border-rose-200 bg-rose-50/40 p-2"
      aria-label="Протокол контрольной работы"
    >
      <div className="flex items-center justify-between">
        <h3 className="font-semibold">Протокол: {assignment.typeName}</h3>
        <Button variant="ghost" type="button" onClick={props.onClose}>
          Скрыть
        </Button>
      </div>
      {!loaded ? (
        <p className="text-xs">Загрузка…</p>
      ) : (
        <ActionForm
          action={saveProtocolAction}
          resetOnSuccess={false}
          size="sm"
          label="Протокол"
          className="text-sm"
          submitLabel={canEdit ? "Сохранить протокол" : undefined}
        >
          <input type="hidden" name="lessonId" value={lesson.id} />
          <input type="hidden" name="assignmentId" value={assignment.id} />
          <Field label="Спецификация: максимальные баллы заданий через запятую" name="tasks">
            <Input className="w-full" value={spec} onChange={(e) => setSpec(e.target.value)} disabled={!canEdit} />
          </Field>
          {tasks.length > 0 && (
            <div className="max-h-80 overflow-auto">
              <table className="text-xs">
                <thead>
                  <tr>
                    <th className="px-1 text-left font-normal">Ученик</th>
                    {tasks.map((max, i) => (
                      <th key={i} className="px-1 font-normal" title={`максимум ${max}`}>
                        {i + 1}
                      </th>
                    ))}
                    <th className="px-1 font-normal">Σ</th>
                  </tr>
                </thead>
                <tbody>
                  {students.map((s) => {
                    const pts = loaded.points[s.id] ?? [];
                    return (
                      <tr key={s.id}>
                        <td className="whitespace-nowrap px-1">{s.name}</td>
                        {tasks.map((max, i) => (
                          <td key={i}>
                            <Input
                              className="w-8"
                              name={`p:${s.id}:${i}`}
                              defaultValue={pts[i] ?? ""}
                              inputMode="decimal"
                              aria-label={`${s.name}, задание ${i + 1}`}
                              disabled={!canEdit}
                            />
                          </td>
                        ))}
                        <td className="px-1 tabular-nums">{pts.reduce<number>((sum, p) => sum + (p ?? 0), 0) || ""}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </ActionForm>
      )}
    </section>
  );
}
