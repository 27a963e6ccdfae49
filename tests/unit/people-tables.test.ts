// DAY-9: the movement book on the kit's DataTable — the page's GET filter sits in the table's filter
// slot (so the filter stays when nothing matches), the totals row counts records by kind, an empty
// selection shows the table's empty state under the filter.
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MovementTable } from "@/components/people/movement-table";
import { PickerForm } from "@/components/ui/picker-form";
import type { MovementRow } from "@/lib/people/movement/data";

const row = (id: number, kind: string, name: string): MovementRow => ({
  id,
  studentId: id,
  studentName: name,
  kind,
  date: new Date(Date.UTC(2026, 8, id)),
  orderNumber: `${id}-к`,
  orderDate: new Date(Date.UTC(2026, 7, 30)),
  fromClass: null,
  toClass: "5А",
  educationForm: null,
  note: null,
});

const filter = h(PickerForm, { label: "Фильтр книги движения" }, h("input", { name: "kind", defaultValue: "" }));

describe("movement book table (DAY-9)", () => {
  it("renders the filter slot, sortable headers and the totals by kind", () => {
    const out = renderToStaticMarkup(
      h(MovementTable, {
        rows: [row(1, "ADMISSION", "Петров Пётр"), row(2, "ADMISSION", "Иванова Анна"), row(3, "EXPULSION", "Сидоров")],
        filter,
      }),
    );
    expect(out).toContain('aria-label="Фильтр книги движения"');
    expect(out).toContain("<tfoot");
    expect(out).toContain("Записей: 3");
    expect(out).toMatch(/Зачисление: 2/);
    expect(out.match(/<button type="button"/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it("keeps the filter above an empty selection", () => {
    const out = renderToStaticMarkup(h(MovementTable, { rows: [], filter }));
    expect(out).toContain('aria-label="Фильтр книги движения"');
    expect(out).toContain("Записей нет");
  });
});
