// The pure parts of the bench's `browser_visits` scenario (issue 22, bench/visits.ts): which kind a
// request to the app server is, the median over a visit's runs, and the table in RESULTS.md.
import { describe, expect, it } from "vitest";
import {
  aggregateVisit,
  classifyRequest,
  emptyFigures,
  medianFigures,
  sumFigures,
  visitsTable,
  type StepFigures,
  type VisitRun,
} from "../../bench/visits";

const APP = "http://127.0.0.1:4100";

describe("classifyRequest", () => {
  it("counts a router prefetch as a prefetch although it carries rsc: 1 and _rsc like a navigation", () => {
    const headers = { rsc: "1", "next-router-prefetch": "1", "next-url": "/" };
    expect(classifyRequest(`${APP}/diary/7?_rsc=abc12`, "fetch", headers, APP)).toBe("rsc_prefetch");
    expect(classifyRequest(`${APP}/journal`, "fetch", { RSC: "1", "Next-Router-Prefetch": "1" }, APP)).toBe(
      "rsc_prefetch",
    );
  });

  it("counts an RSC fetch without the prefetch header as a navigation", () => {
    expect(classifyRequest(`${APP}/diary/7?_rsc=abc12`, "fetch", { rsc: "1" }, APP)).toBe("rsc_navigation");
    expect(classifyRequest(`${APP}/control`, "fetch", { rsc: "1" }, APP)).toBe("rsc_navigation");
  });

  it("tells documents, other fetches, static assets and the rest apart; other origins are not counted", () => {
    expect(classifyRequest(`${APP}/diary/7?week=2026-05-25`, "document", {}, APP)).toBe("document");
    expect(classifyRequest(`${APP}/api/auth/csrf`, "fetch", {}, APP)).toBe("fetch");
    expect(classifyRequest(`${APP}/login`, "fetch", { "next-action": "7f00" }, APP)).toBe("fetch");
    expect(classifyRequest(`${APP}/api/x`, "xhr", {}, APP)).toBe("fetch");
    expect(classifyRequest(`${APP}/_next/static/chunks/app.js`, "script", {}, APP)).toBe("static");
    expect(classifyRequest(`${APP}/_next/static/css/a.css`, "stylesheet", {}, APP)).toBe("static");
    expect(classifyRequest(`${APP}/favicon.ico`, "image", {}, APP)).toBe("other");
    expect(classifyRequest("http://127.0.0.1:4101/diary", "document", {}, APP)).toBeNull();
    expect(classifyRequest("data:image/png;base64,AA", "image", {}, APP)).toBeNull();
  });
});

const figures = (prefetch: number, bytes: number, cpu: number, documents = 1): StepFigures => {
  const f = emptyFigures();
  f.requests.document = documents;
  f.requests.rsc_prefetch = prefetch;
  f.bytes = bytes;
  f.cpu_ms = cpu;
  return f;
};

describe("aggregation", () => {
  it("takes each figure's median over the runs separately", () => {
    const m = medianFigures([figures(35, 9000, 300), figures(2, 8000, 120), figures(34, 12000, 90)]);
    expect(m.requests.rsc_prefetch).toBe(34);
    expect(m.bytes).toBe(9000);
    expect(m.cpu_ms).toBe(120);
    expect(m.requests.document).toBe(1);
  });

  it("sums a visit's steps into its total", () => {
    const t = sumFigures([figures(0, 100, 10), figures(35, 900, 200, 0)]);
    expect(t.requests.document).toBe(1);
    expect(t.requests.rsc_prefetch).toBe(35);
    expect(t.bytes).toBe(1000);
    expect(t.cpu_ms).toBe(210);
  });

  it("keeps a failed run as an error and takes the medians of the others", () => {
    const ok = (p: number): VisitRun => ({
      steps: [
        { name: "home", figures: figures(p, 100, 10) },
        { name: "diary", via: "link", figures: figures(p * 2, 200, 30, 0) },
      ],
    });
    const v = aggregateVisit("parent_diary", "390×844", [ok(1), { steps: [], error: "Timeout 30000ms" }, ok(3)]);
    expect(v.ok).toBe(2);
    expect(v.runs).toBe(3);
    expect(v.errors).toEqual(["Timeout 30000ms"]);
    expect(v.steps.map((s) => [s.name, s.via, s.figures.requests.rsc_prefetch])).toEqual([
      ["home", undefined, 1],
      ["diary", "link", 2],
    ]);
    expect(v.total?.requests.rsc_prefetch).toBe(3);
    const failed = aggregateVisit("deputy_control", "1366×768", [{ steps: [], error: "no browser" }]);
    expect(failed.total).toBeNull();
  });
});

describe("visitsTable", () => {
  it("puts prefetches in their own column, a total per visit and an error row for a failed visit", () => {
    const step = figures(35, 150 * 1024, 140, 0);
    step.requests.rsc_navigation = 1;
    step.requests.static = 12;
    const lines = visitsTable({
      browser: "Chromium 140",
      repeats: 3,
      visits: [
        aggregateVisit("parent_diary", "390×844", [{ steps: [{ name: "diary", via: "link", figures: step }] }]),
        aggregateVisit("deputy_control", "1366×768", [{ steps: [], error: "page.goto: net::ERR | refused" }]),
      ],
    });
    const header = lines.find((l) => l.startsWith("| visit |"))!;
    expect(header).toBe(
      "| visit | step | document | RSC nav | RSC prefetch | fetch/XHR | static | other | KB | app CPU ms |",
    );
    expect(lines).toContain("| parent_diary (390×844) | diary (link) | 0 | 1 | 35 | 0 | 12 | 0 | 150 | 140 |");
    expect(lines).toContain("| parent_diary (390×844) | **total** | 0 | 1 | 35 | 0 | 12 | 0 | 150 | 140 |");
    const error = lines.find((l) => l.startsWith("| deputy_control"))!;
    expect(error).toContain("**error**");
    expect(error).toContain("net::ERR \\| refused");
    expect(lines[0]).toContain("median of 3");
  });
});
