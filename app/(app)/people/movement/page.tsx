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
      <h1 className="text-2xl font-semibold">Книга движения учащихся</h1>
      <p className="text-sm text-slate-600">
        Зачисление, перевод, отчисление, академический отпуск и смена формы обучения записываются в карточке ученика. Показаны последние {rows.length} записей.
      </p>
      <MovementTable rows={rows} />
    </div>
  );
}
