// LRN-1…LRN-5 pure rules: the hand-in's due instant in the organisation's zone, late and the states,
// who places and removes materials, who reads a document, what a portfolio entry waits for.
import { describe, expect, it } from "vitest";
import {
  dueDateOf,
  dueInstant,
  dueTimeOf,
  handinCounts,
  handinRefusal,
  handinState,
  isLate,
  lessonTeacherId,
} from "@/lib/learning/handin/rules";
import {
  audienceLabel,
  mayPlace,
  mayRemove as mayRemoveMaterial,
  type PlacerFacts,
} from "@/lib/learning/materials/rules";
import { mayRead, readingRoles, visibilityLabel } from "@/lib/documents/rules";
import { ROLES } from "@/lib/access/roles";
import { initialStatus, mayRemove, statusLine } from "@/lib/portfolio/rules";
import { linkSchema } from "@/lib/learning/materials/schema";
import { handinPayload, reviewPayload } from "@/lib/push/rules";

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("hand-in due time and states (LRN-1)", () => {
  it("is due at the given wall time of the organisation's zone, by default at 23:59", () => {
    expect(dueInstant(d("2026-11-21"), "08:30", "Europe/Samara").toISOString()).toBe("2026-11-21T04:30:00.000Z");
    expect(dueInstant(d("2026-11-21"), null, "Europe/Samara").toISOString()).toBe("2026-11-21T19:59:00.000Z");
    expect(dueInstant(d("2026-11-21"), "", "Asia/Vladivostok").toISOString()).toBe("2026-11-21T13:59:00.000Z");
    const due = dueInstant(d("2026-11-21"), "23:30", "Asia/Vladivostok");
    expect(dueDateOf(due, "Asia/Vladivostok")).toEqual(d("2026-11-21"));
    expect(dueTimeOf(due, "Asia/Vladivostok")).toBe("23:30");
  });

  it("flags a hand-in after the due instant as late, never one without a due time", () => {
    const due = new Date("2026-11-20T06:00:00.000Z");
    expect(isLate(new Date("2026-11-20T06:00:00.000Z"), due)).toBe(false);
    expect(isLate(new Date("2026-11-20T06:00:00.001Z"), due)).toBe(true);
    expect(isLate(new Date("2030-01-01T00:00:00.000Z"), null)).toBe(false);
  });

  it("names each student's state at a moment", () => {
    const due = new Date("2026-11-20T06:00:00.000Z");
    const before = new Date("2026-11-20T05:00:00.000Z");
    const after = new Date("2026-11-20T07:00:00.000Z");
    expect(handinState(null, due, before)).toBe("waiting");
    expect(handinState(null, due, after)).toBe("missing");
    expect(handinState(null, null, after)).toBe("waiting");
    expect(handinState({ status: "SUBMITTED", isLate: false }, due, after)).toBe("submitted");
    expect(handinState({ status: "SUBMITTED", isLate: true }, due, after)).toBe("late");
    expect(handinState({ status: "REVIEWED", isLate: true }, due, after)).toBe("reviewed");
    expect(handinState({ status: "RETURNED", isLate: false }, due, after)).toBe("returned");
    expect(handinCounts(["late", "late", "missing"])).toMatchObject({ late: 2, missing: 1, submitted: 0 });
  });

  it("refuses a hand-in once reviewed, in Russian; a returned one may be handed in again", () => {
    expect(handinRefusal({ status: "REVIEWED", isLate: false })).toMatch(/уже проверена/);
    expect(handinRefusal({ status: "RETURNED", isLate: false })).toBeNull();
    expect(handinRefusal(null)).toBeNull();
  });

  it("tells the substitute, when there is one, about a hand-in", () => {
    expect(lessonTeacherId({ teacherId: 1, substituteId: null })).toBe(1);
    expect(lessonTeacherId({ teacherId: 1, substituteId: 2 })).toBe(2);
  });
});

describe("placing materials (LRN-2)", () => {
  const teacher: PlacerFacts = {
    userId: 5,
    scopes: ["own"],
    loads: [{ classId: 10, subjectId: 1, grade: 7 }],
    departmentClasses: [],
  };
  it("«own»: the classes and subjects one teaches, their grade, or every grade of such a subject", () => {
    expect(mayPlace(teacher, { subjectId: 1, classId: 10, grade: 7 })).toBe(true);
    expect(mayPlace(teacher, { subjectId: 1, classId: null, grade: 7 })).toBe(true);
    expect(mayPlace(teacher, { subjectId: 1, classId: null, grade: null })).toBe(true);
    expect(mayPlace(teacher, { subjectId: 1, classId: 11, grade: 7 })).toBe(false);
    expect(mayPlace(teacher, { subjectId: 2, classId: 10, grade: 7 })).toBe(false);
    expect(mayPlace(teacher, { subjectId: 1, classId: null, grade: 8 })).toBe(false);
  });
  it("«dept»: the department's classes; «all»: anywhere", () => {
    const head: PlacerFacts = {
      userId: 6,
      scopes: ["dept"],
      loads: [],
      departmentClasses: [{ classId: 20, grade: 2 }],
    };
    expect(mayPlace(head, { subjectId: 9, classId: 20, grade: 2 })).toBe(true);
    expect(mayPlace(head, { subjectId: 9, classId: 21, grade: 2 })).toBe(false);
    expect(mayPlace({ ...teacher, scopes: ["all"] }, { subjectId: 9, classId: 99, grade: 11 })).toBe(true);
  });
  it("the author or the administration removes", () => {
    expect(mayRemoveMaterial({ userId: 5, scopes: ["own"] }, 5)).toBe(true);
    expect(mayRemoveMaterial({ userId: 5, scopes: ["own"] }, 6)).toBe(false);
    expect(mayRemoveMaterial({ userId: 1, scopes: ["all"] }, 6)).toBe(true);
  });
  it("accepts only http(s) links and names the audience", () => {
    expect(linkSchema.safeParse("https://resh.edu.ru/subject/12").success).toBe(true);
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://x.ru", "resh.edu.ru"])
      expect(linkSchema.safeParse(bad).success).toBe(false);
    expect(audienceLabel({ className: "7А", grade: 7 })).toBe("7А");
    expect(audienceLabel({ className: null, grade: 7 })).toBe("7 классы");
    expect(audienceLabel({ className: null, grade: null }, true)).toBe("все группы");
  });
});

describe("reading documents (LRN-3)", () => {
  it("staff read through docs.view and the document's list; families through the list alone", () => {
    const teacher = { roles: ["TEACHER"] as const, docsView: true, docsEdit: false };
    const parent = { roles: ["PARENT"] as const, docsView: false, docsEdit: false };
    expect(mayRead(teacher, ["TEACHER", "ADMIN"])).toBe(true);
    expect(mayRead(teacher, ["ADMIN"])).toBe(false);
    expect(mayRead({ ...teacher, docsView: false }, ["TEACHER"])).toBe(false);
    expect(mayRead(parent, ["TEACHER", "ADMIN"])).toBe(false);
    expect(mayRead(parent, ["PARENT"])).toBe(true);
    expect(mayRead({ roles: ["SECRETARY"], docsView: true, docsEdit: true }, [])).toBe(true);
    expect(readingRoles({ roles: ["TEACHER", "PARENT"], docsView: false, docsEdit: false })).toEqual(["PARENT"]);
  });
  it("says who sees a document in words", () => {
    expect(visibilityLabel(ROLES, ROLES, "SCHOOL")).toBe("все пользователи");
    expect(
      visibilityLabel(
        ROLES.filter((r) => r !== "STUDENT" && r !== "PARENT"),
        ROLES,
        "SCHOOL",
      ),
    ).toBe("все сотрудники");
    expect(visibilityLabel(["TEACHER", "PARENT"], ROLES, "SCHOOL")).toBe("учитель, родители");
    // DAY-6: a college's words.
    expect(visibilityLabel(["TEACHER", "STUDENT"], ROLES, "COLLEGE")).toBe("преподаватель, студенты");
    expect(visibilityLabel(["TEACHER", "STUDENT"], ROLES, "SCHOOL")).toBe("учитель, ученики");
    expect(visibilityLabel([], ROLES, "COLLEGE")).toBe("только редакторы хранилища");
  });
});

describe("portfolio entries (LRN-5)", () => {
  it("a family's entry waits for the class teacher; staff's is confirmed at once", () => {
    expect(initialStatus(true)).toBe("PENDING");
    expect(initialStatus(false)).toBe("CONFIRMED");
  });
  it("its author removes an entry (a family only while unconfirmed); a confirmer any", () => {
    const entry = { addedById: 7, status: "PENDING" as const };
    expect(mayRemove(entry, { userId: 7, canConfirm: false, family: true })).toBe(true);
    expect(mayRemove({ ...entry, status: "CONFIRMED" }, { userId: 7, canConfirm: false, family: true })).toBe(false);
    expect(mayRemove({ ...entry, status: "CONFIRMED" }, { userId: 7, canConfirm: false, family: false })).toBe(true);
    expect(mayRemove(entry, { userId: 8, canConfirm: false, family: true })).toBe(false);
    expect(mayRemove({ ...entry, status: "CONFIRMED" }, { userId: 8, canConfirm: true, family: false })).toBe(true);
  });
  it("prints the confirmation with who and when", () => {
    expect(statusLine("CONFIRMED", "Соколова Е. В.", "20.11.2026")).toBe("подтверждено (Соколова Е. В., 20.11.2026)");
    expect(statusLine("PENDING", null, null)).toBe("не подтверждено");
  });
});

describe("hand-in pushes (LRN-1, API-4)", () => {
  it("tell the teacher who handed in, and the family the outcome with the start of the comment", () => {
    expect(handinPayload("7А, Алгебра", "Смирнов А. Д.", 12)).toEqual({
      kind: "handin",
      title: "Сдана работа",
      body: "7А, Алгебра: Смирнов А. Д.",
      url: "/handins/12",
    });
    const review = reviewPayload("Алгебра", "5", "Верно. ".repeat(20), 7, 12);
    expect(review.url).toBe("/diary/7/handin/12");
    expect(review.body.startsWith("Алгебра: 5 — Верно.")).toBe(true);
    expect(review.body.length).toBeLessThanOrEqual("Алгебра: 5 — ".length + 80);
  });
});
