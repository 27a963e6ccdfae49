// How people are named has one home, lib/people/names.ts (issue 19 leftover, ARCHITECTURE «Shared
// pieces»): every list, mailbox and directory writes «Фамилия Имя Отчество» through fullName.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fullName } from "@/lib/people/names";
import { repoRoot, sourceFiles } from "../support/source-files";

describe("fullName (issue 19: one home)", () => {
  it("writes «Фамилия Имя Отчество», without an absent or blank patronymic", () => {
    expect(fullName({ lastName: "Иванова", firstName: "Анна", middleName: "Петровна" })).toBe("Иванова Анна Петровна");
    expect(fullName({ lastName: "Смит", firstName: "Джон", middleName: null })).toBe("Смит Джон");
    expect(fullName({ lastName: " Ли ", firstName: "Мэй", middleName: " " })).toBe("Ли Мэй");
  });

  it("is the only place under lib/ and the seed that joins the three names or defines a fullName", () => {
    const home = path.join(repoRoot, "lib/people/names.ts");
    const byHand = new RegExp(
      [
        /\[\s*[\w.]*lastName,\s*[\w.]*firstName,\s*[\w.]*middleName\s*\]\s*\.(?:filter|join)/.source,
        /\$\{\s*[\w.]*lastName\s*\} \$\{\s*[\w.]*firstName\s*\}\$\{\s*[\w.]*middleName\s*\?/.source,
        /(?:const|function)\s+fullName\b/.source,
      ].join("|"),
    );
    const found = [...sourceFiles("lib"), ...sourceFiles("prisma/seed")]
      .filter((file) => file !== home && byHand.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(repoRoot, file));
    expect(found).toEqual([]);
  });
});
