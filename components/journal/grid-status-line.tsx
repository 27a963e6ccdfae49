"use client";
// The line above the journal grid: how to type, the lessons of the period not loaded yet (issue 22
// item 4: a click loads them, as scrolling to the grid's edge does) and the save state of the cells.
import type { GridHidden } from "@/lib/journal/grid";
import { Button } from "@/components/ui/button";

type Dir = "before" | "after";

export function GridStatusLine(p: {
  failed: number;
  saving: number;
  window: { hidden: GridHidden | undefined; loading: Dir | null; load: (dir: Dir) => Promise<void> };
}) {
  const { hidden, loading, load } = p.window;
  const more = (dir: Dir, label: string) =>
    hidden && hidden[dir] > 0 ? (
      <Button
        type="button"
        variant="secondary"
        size="sm"
        data-testid={`grid-more-${dir}`}
        pending={loading === dir}
        disabled={loading !== null}
        onClick={() => void load(dir)}
      >
        {label.replace("N", String(hidden[dir]))}
      </Button>
    ) : null;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600" aria-live="polite">
      <span>
        Ввод: цифры — отметка, «б» после цифры — оценка из больницы, «д» — долг, «н/а»; в столбце «п»: «н», «оп», «+» —
        все присутствуют. Enter — сохранить и вниз, Tab — вправо, Delete — очистить, Esc — отмена, Ctrl+Enter — урок.
      </span>
      {more("before", "← Ранее: уроков N")}
      {more("after", "Далее: уроков N →")}
      <span role="status" className="ml-auto font-medium">
        {p.failed > 0 ? (
          <span className="text-red-700">Не сохранено ячеек: {p.failed} — повторяю</span>
        ) : p.saving > 0 ? (
          <span className="text-blue-700">Сохраняю… ({p.saving})</span>
        ) : (
          <span className="text-emerald-700">Все изменения сохранены</span>
        )}
      </span>
    </div>
  );
}
