// DUT-1 on /control: the shares filled by the deadline per teacher — the figures and tones as before,
// the body cells' common classes declared once on the table instead of on each of a school's ≈ 400
// cells (issue 22 item 7: ≈ 70 KB of the page's HTML and RSC payload).
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DeadlineShares } from "@/components/control/deadline-shares";
import type { DeadlineFigures } from "@/lib/control/deadline/report";

const figures = (teachers: number): DeadlineFigures => ({
  day: new Date(Date.UTC(2026, 10, 20)),
  deadline: "16:00",
  rows: Array.from({ length: teachers }, (_, i) => ({
    teacherId: i + 1,
    teacher: `Учитель ${i + 1}`,
    day: { onTime: 0, due: 0 },
    week: { onTime: i % 2 ? 9 : 2, due: 10 },
    month: { onTime: 10, due: 10 },
  })),
  totals: { day: { onTime: 0, due: 0 }, week: { onTime: 5, due: 10 }, month: { onTime: 8, due: 10 } },
});

const render = (teachers: number, rowsHref?: string) =>
  renderToStaticMarkup(h(DeadlineShares, { figures: figures(teachers), query: {}, rowsHref }));

describe("the deadline shares on /control (DUT-1, issue 22 item 7)", () => {
  it("shows each teacher's shares with the tone of their percentage", () => {
    const out = render(2);
    expect(out).toContain("<td>Учитель 1</td>");
    // no lesson due: grey dash; under 80 %: red; otherwise plain
    expect(out).toContain('<td class="text-slate-400">—</td>');
    expect(out).toContain('<td class="text-red-700 font-medium">2 из 10 (20 %)</td>');
    expect(out).toContain("<td>9 из 10 (90 %)</td>");
    expect(out).toContain("<td>10 из 10 (100 %)</td>");
    // the body's look once on the table: borders, padding, hover, numbers right-aligned
    expect(out).toMatch(/<table[^>]*class="[^"]*\[&amp;&gt;tbody&gt;tr&gt;td\+td\]:text-right/);
    expect(out).toMatch(/<table[^>]*\[&amp;&gt;tbody&gt;tr:hover\]:bg-slate-50/);
    // the totals keep the kit's cells
    expect(out).toContain("Итого");
  });

  it("costs no per-cell classes: a teacher's row adds a bounded number of bytes", () => {
    const perRow = (render(101).length - render(1).length) / 100;
    expect(perRow).toBeLessThan(150);
    const body = /<tbody>.*<\/tbody>/.exec(render(100))![0];
    expect(body).not.toMatch(/class="border-b|hover:bg-slate-50/);
  });

  it("summary first: with rowsHref only the totals and a link to every teacher's row, bytes not growing with the rows", () => {
    const href = "/control?from=2026-11-01&to=2026-11-20&shares=teachers";
    const out = render(100, href);
    expect(out).not.toContain("Учитель 1<");
    expect(out).toContain("Итого");
    expect(out).toContain("5 из 10 (50 %)");
    // the app's Link (round 20): opened on the client, as every in-app link
    expect(out).toContain(
      `<a class="text-blue-700 underline" href="${href.replace(/&/g, "&amp;")}" data-soft-nav="">по учителям (100)</a>`,
    );
    expect(render(100, href).length).toBe(render(1, href).length + 2); // «(100)» vs «(1)»
    // without it, every teacher's row
    expect(render(100)).toContain("<td>Учитель 100</td>");
  });
});
