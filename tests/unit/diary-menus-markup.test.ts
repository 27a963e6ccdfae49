// The diary's tabs and day/week arrows as one short class each, the current one by its aria-current
// (app/globals.css `.dtab`, `.dbtn`; issue 22 item 5: their utilities were ≈ 100–110 characters a link,
// in the HTML and again in the RSC payload of every diary page) — the rules exactly the utilities they
// replace, so the menus look the same (round 21's screenshots: pixel-equal).
import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DiaryTabs } from "@/components/diary/diary-tabs";
import { WeekNav } from "@/components/diary/week-nav";

const css = readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8");
const rule = (selector: string, utilities: string) => `${selector} {\n    @apply ${utilities};\n  }`;
const anchors = (html: string) => [...html.matchAll(/<a ([^>]*)>/g)].map((m) => m[1]);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("the diary's menus: one short class a link (issue 22 item 5)", () => {
  it("the tabs: `dtab`, the current tab by aria-current, the rules the utilities they replace", () => {
    const html = renderToStaticMarkup(h(DiaryTabs, { studentId: 7, active: "marks", periodId: 2 }));
    const links = anchors(html);
    expect(links).toHaveLength(5);
    for (const a of links) expect(a).toContain('class="dtab"');
    expect(links.filter((a) => a.includes('aria-current="page"'))).toEqual([
      'class="dtab" aria-current="page" href="/diary/7/marks"',
    ]);
    expect(css).toContain(
      rule(".dtab", "rounded border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-50"),
    );
    expect(css).toContain(
      rule(".dtab[aria-current],\n  .dbtn[aria-current]", "border-0 bg-slate-800 text-white hover:bg-slate-800"),
    );
  });

  it("the arrows: `dbtn`, the day shown on a phone by aria-current, the rules the utilities they replace", () => {
    const html = renderToStaticMarkup(
      h(WeekNav, {
        studentId: 7,
        monday: day("2026-12-07"),
        day: day("2026-12-07"),
        today: day("2026-12-07"),
        wholeWeek: false,
        studyDays: 5,
      }),
    );
    const buttons = anchors(html).filter((a) => a.includes("dbtn"));
    // ← → Сегодня Завтра, ← Предыдущая неделя, Следующая неделя →
    expect(buttons).toHaveLength(6);
    for (const a of buttons) expect(a).toMatch(/^class="dbtn"/);
    expect(buttons.filter((a) => a.includes("aria-current"))).toEqual([
      'class="dbtn" aria-current="date" href="/diary/7?day=2026-12-07"',
    ]);
    expect(html).not.toContain("min-h-9");
    expect(css).toContain(
      rule(
        ".dbtn",
        "inline-flex min-h-9 items-center rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50",
      ),
    );
    expect(css).toContain(
      rule(".dtab[aria-current],\n  .dbtn[aria-current]", "border-0 bg-slate-800 text-white hover:bg-slate-800"),
    );
  });
});
