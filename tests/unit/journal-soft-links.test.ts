// The journal page's own links (issue 22 items 2 and 7): the picker's substituted lessons are plain anchors in
// ONE SoftNav (components/ui/soft-nav.tsx) — no client component; a plain left click still opens the lesson's
// journal on the client through the app's one listener (the diary's rule: tests/unit/diary-soft-nav.test.ts).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JournalPicker } from "@/components/journal/journal-picker";
import { anchorsOf, clickAnchor } from "../support/soft-click";

const substitutions = [
  { id: 41, date: new Date("2026-11-20T00:00:00Z"), bellNumber: 3, className: "7Б", subjectName: "Физика" },
  { id: 42, date: new Date("2026-11-21T00:00:00Z"), bellNumber: 1, className: "8А", subjectName: "Химия" },
];

const picker = () =>
  renderToStaticMarkup(
    createElement(JournalPicker, {
      choices: [],
      selected: null,
      periods: [],
      periodId: null,
      substitutions: substitutions as never,
      college: false,
    }),
  );

describe("the journal picker's links (issue 22 item 2)", () => {
  it("writes the substituted lessons as plain anchors inside one marked paragraph", () => {
    const html = picker();
    expect(html).toContain(
      '<p class="text-xs text-slate-600" data-soft-nav="">Замены: <span><a class="text-blue-700 hover:underline" href="/journal?lesson=41">',
    );
    expect(anchorsOf(html).map((a) => [a.attrs.href, a.marked])).toEqual([
      ["/journal?lesson=41", true],
      ["/journal?lesson=42", true],
    ]);
  });

  it("opens a link's page on the client on a plain left click, and leaves a new-tab click to the browser", () => {
    const html = picker();
    const plain = clickAnchor(html, "/journal?lesson=41");
    expect(plain.preventDefault).toHaveBeenCalled();
    expect(plain.push).toHaveBeenCalledWith("/journal?lesson=41");
    const ctrl = clickAnchor(html, "/journal?lesson=41", { ctrlKey: true });
    expect(ctrl.preventDefault).not.toHaveBeenCalled();
    expect(ctrl.push).not.toHaveBeenCalled();
  });
});
