// «Книга движения учащихся» (PPL-3): all entries (or those of own class), newest first.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadMovementBook } from "@/lib/people/movement/loaders";
import { MovementTable } from "@/components/people/movement-table";

export const metadata: Metadata = { title: "Книга движения" };

export default async function MovementBookPage() {
  const { user, scopes } = await requireAccess("movement.view");
  const rows = await loadMovementBook(user, scopes);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-semibold">Книга движения учащихся</h1>
        <a className="text-sm text-blue-700 hover:underline" href="/people/movement/export">
          Книга движения в Excel
        </a>
      </div>
      <p className="text-sm text-slate-600">
        Зачисление, перевод, отчисление, академический отпуск и смена формы обучения записываются в карточке ученика. Показаны последние {rows.length} записей.
      </p>
      <MovementTable rows={rows} />
    </div>
  );
}
