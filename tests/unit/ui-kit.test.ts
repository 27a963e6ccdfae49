// The interface kit (components/ui, issue 19 item 1): its pure rules and what its pieces render on
// the server (the first paint every user gets). Interaction — pending state, a second click, input
// kept on refusal — is driven in a real browser by tests/e2e/ui-kit-forms.spec.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { markTone, MarkBadge, type MarkTone } from "@/components/ui/mark-badge";
import { compareValues, filterRows, nextSort, sortRows, sortValue, type DataRow } from "@/components/ui/table-rows";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ActionForm, unclaimed } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { DataTable } from "@/components/ui/data-table";
import { PickerForm } from "@/components/ui/picker-form";
import { THead } from "@/components/ui/table";

const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

describe("mark badge: one colour per value (grid, diary, finals)", () => {
  it("colours grades by value, hospital marks like their grade", () => {
    expect(["5", "4", "3", "2", "1", "5б"].map(markTone)).toEqual([
      "excellent",
      "good",
      "fair",
      "poor",
      "poor",
      "excellent",
    ]);
  });

  it("gives every wording of a special mark the same tone", () => {
    for (const pass of ["з", "зч", "зач", "зачёт", "осв."]) expect(markTone(pass)).toBe("pass");
    for (const bad of ["н/а", "нз", "незач", "незачёт", "д", "долг"]) expect(markTone(bad)).toBe("poor");
    expect(markTone("?")).toBe("neutral");
  });

  it("renders a chip with the tone and the «new» ring, or bare coloured text for the grid", () => {
    const chip = html(h(MarkBadge, { label: "2", fresh: true, title: "Контрольная, вес 2" }));
    expect(chip).toContain('data-tone="poor"');
    expect(chip).toContain('data-new="true"');
    // One short class, its colours by data-tone (app/globals.css `.mk`, issue 22 item 5: the utilities
    // were ≈ 110 characters a mark) — each tone's rule exactly the colours its chip had.
    expect(chip).toContain('class="mk ring-2 ring-emerald-500"');
    const css = readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8");
    const chips: Record<MarkTone, string> = {
      excellent: "bg-emerald-100 text-emerald-900",
      good: "bg-sky-100 text-sky-900",
      fair: "bg-amber-100 text-amber-900",
      poor: "bg-red-100 text-red-900",
      pass: "bg-teal-50 text-teal-900",
      neutral: "bg-slate-100 text-slate-800",
    };
    expect(css).toContain(
      ".mk {\n    @apply inline-flex items-baseline gap-1 rounded px-1.5 py-0.5 text-sm font-semibold;\n  }",
    );
    for (const [tone, colours] of Object.entries(chips))
      expect(css).toContain(`.mk[data-tone="${tone}"] {\n    @apply ${colours};\n  }`);
    const text = html(h(MarkBadge, { label: "5", variant: "text" }));
    expect(text).toContain("text-emerald-700");
    expect(text).not.toContain("bg-");
  });
});

describe("DataTable rows: sort and filter", () => {
  const row = (key: string, name: string, n: number | null, tags: string[] = []): DataRow => ({
    key,
    cells: { name, n: n === null ? "" : { value: `${n} шт.`, sort: n } },
    tags,
  });
  const rows = [row("a", "Ёлкин", 3), row("b", "Абрамов", null, ["problem"]), row("c", "Егоров", 10, ["problem"])];

  it("sorts numbers as numbers and Russian names by the alphabet (Ё after Е)", () => {
    expect(sortRows(rows, "n", "asc").map((r) => r.key)).toEqual(["a", "c", "b"]);
    expect(sortRows(rows, "name", "asc").map((r) => r.key)).toEqual(["b", "c", "a"]);
    expect(compareValues("10А", "9Б")).toBeGreaterThan(0);
  });

  it("keeps empty values last in both directions and equal rows in their order", () => {
    expect(sortRows(rows, "n", "desc").map((r) => r.key)).toEqual(["c", "a", "b"]);
    const same = [row("x", "Иванов", 1), row("y", "Иванов", 1)];
    expect(sortRows(same, "name", "desc").map((r) => r.key)).toEqual(["x", "y"]);
  });

  it("takes a cell's explicit sort value over its content", () => {
    expect(sortValue({ value: "7 шт.", sort: 7 })).toBe(7);
    expect(sortValue(h("b", null, "x"))).toBeNull();
  });

  it("filters by every active tag and by text (case and ё/е folded)", () => {
    expect(filterRows(rows, ["problem"], "").map((r) => r.key)).toEqual(["b", "c"]);
    expect(filterRows(rows, [], "елк").map((r) => r.key)).toEqual(["a"]);
    expect(filterRows(rows, ["problem"], "ёлк")).toEqual([]);
  });

  it("cycles a header click: ascending, then descending; a count column may start descending", () => {
    expect(nextSort({ key: null, dir: "asc" }, "n")).toEqual({ key: "n", dir: "asc" });
    expect(nextSort({ key: "n", dir: "asc" }, "n")).toEqual({ key: "n", dir: "desc" });
    expect(nextSort({ key: "n", dir: "desc" }, "name", "desc")).toEqual({ key: "name", dir: "desc" });
  });
});

describe("DataTable renders on the server", () => {
  const columns = [
    { key: "name", header: "Класс", rowHeader: true, sortable: true },
    { key: "n", header: "Уроков", align: "right" as const, sortable: true },
  ];

  it("renders sorted rows with aria-sort, row headers and a totals row", () => {
    const out = html(
      h(DataTable, {
        label: "Классы",
        columns,
        rows: [
          { key: 1, cells: { name: "7А", n: 12 } },
          { key: 2, cells: { name: "5Б", n: 30 } },
        ],
        initialSort: { key: "n", dir: "desc" },
        totals: { name: "Итого", n: 42 },
      }),
    );
    expect(out).toContain('aria-label="Классы"');
    expect(out).toContain('aria-sort="descending"');
    expect(out.indexOf("5Б")).toBeLessThan(out.indexOf("7А"));
    expect(out).toMatch(/<th scope="row"[^>]*>5Б<\/th>/);
    expect(out).toMatch(/<tfoot>.*Итого.*42.*<\/tfoot>/);
    expect(out).toContain("sticky top-0");
  });

  it("declares the body cells' classes once on the table, not on each cell (issue 22: lists of hundreds of rows)", () => {
    const out = html(h(DataTable, { label: "Классы", columns, rows: [{ key: 1, cells: { name: "7А", n: 12 } }] }));
    expect(out).toMatch(/<table[^>]*class="[^"]*\[&amp;&gt;tbody&gt;tr&gt;\*\]:px-2/);
    expect(out).toMatch(/<th scope="row">7А<\/th><td class="text-right tabular-nums">12<\/td>/);
    expect(out).toMatch(/<tr><th scope="row">/);
  });

  it("shows the empty state instead of rows and no totals", () => {
    const out = html(h(DataTable, { label: "Классы", columns, rows: [], empty: "Классов нет", totals: { n: 0 } }));
    expect(out).toContain("Классов нет");
    expect(out).not.toContain("<tfoot>");
  });
});

describe("table pieces", () => {
  it("THead: one row of sticky column headers in order, falsy entries skipped, specs aligned", () => {
    const out = html(
      h(THead, {
        headers: ["Дата", false, { label: "Часы", align: "right" }, h("span", { className: "sr-only" }, "Действия")],
      }),
    );
    expect(out.match(/<th scope="col"/g)).toHaveLength(3);
    expect(out).toMatch(/<thead><tr><th[^>]*sticky top-0[^>]*>Дата<\/th>/);
    expect(out).toMatch(/<th[^>]*text-right tabular-nums[^>]*>Часы<\/th>/);
    expect(out).toContain('<span class="sr-only">Действия</span></th></tr></thead>');
  });
});

describe("buttons and fields", () => {
  it("a pending button is disabled, aria-busy and shows a spinner", () => {
    const out = html(h(Button, { pending: true }, "Сохранить"));
    expect(out).toContain(' disabled=""');
    expect(out).toContain('aria-busy="true"');
    expect(out).toContain("data-spinner");
    expect(html(h(Button, null, "Сохранить"))).not.toContain(' disabled=""');
  });

  it("a field links its label, hint and error to the control and marks it invalid", () => {
    const out = html(
      h(Field, { label: "Тема", hint: "до 500 знаков", error: "Укажите тему", children: h(Input, { name: "t" }) }),
    );
    const id = /<label for="([^"]+)"/.exec(out)?.[1];
    expect(id).toBeTruthy();
    expect(out).toContain(`id="${id}"`);
    expect(out).toContain(`aria-describedby="${id}-hint ${id}-err"`);
    expect(out).toContain('aria-invalid="true"');
    expect(out).toContain("Укажите тему");
  });

  it("a select renders its placeholder, options and groups", () => {
    const out = html(
      h(Select, {
        name: "j",
        placeholder: "— выберите —",
        placeholderDisabled: true,
        groups: [{ label: "7А", options: [{ value: "1:2", label: "Алгебра" }] }],
      }),
    );
    expect(out).toContain('<option value="" disabled="">— выберите —</option>');
    expect(out).toContain('<optgroup label="7А"><option value="1:2">Алгебра</option></optgroup>');
  });

  it("a picker is a GET form with its button", () => {
    const out = html(h(PickerForm, { action: "/journal", label: "Выбор журнала", submitLabel: "Открыть" }, "x"));
    expect(out).toMatch(/^<form [^>]*aria-label="Выбор журнала"/);
    expect(out).toContain('action="/journal" method="get"');
    expect(out).toContain(">Открыть</button>");
  });
});

describe("ActionForm", () => {
  const action = async () => ({ ok: true as const, data: null });

  it("disabled-with-reason: fields and button disabled, the reason shown and linked", () => {
    const out = html(
      h(
        ActionForm<null>,
        { action, submitLabel: "Сохранить", disabledReason: "Урок прошёл: домашнее задание не меняется" },
        h(Input, { name: "text" }),
      ),
    );
    expect(out).toContain("<fieldset disabled=");
    const reasonId = /<p id="([^"]+)"[^>]*>Урок прошёл/.exec(out)?.[1];
    expect(reasonId).toBeTruthy();
    const button = /<button [^>]*>/.exec(out)?.[0] ?? "";
    expect(button).toContain(' disabled=""');
    expect(button).toContain(`aria-describedby="${reasonId}"`);
  });

  it("renders an enabled form with its submit button", () => {
    const out = html(h(ActionForm<null>, { action, label: "Тема" }, h(SubmitButton, null, "Сохранить")));
    expect(out).toContain('aria-label="Тема"');
    expect(out).not.toContain(' disabled=""');
  });

  it("lists only the field messages no field shows (and not the main message twice)", () => {
    const errors = { text: ["Введите текст"], _: ["Проверьте введённые данные", "Урок отменён"] };
    expect(unclaimed(errors, new Set(["text"]), "Проверьте введённые данные")).toEqual(["Урок отменён"]);
    expect(unclaimed(undefined, new Set(), "x")).toEqual([]);
  });
});
