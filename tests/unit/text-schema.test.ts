// SEC-3: the one text type (lib/schema.ts) refuses NUL, the other C0/C1 controls and the
// bidirectional controls with a Russian message; multi-line text keeps tab and line breaks.
import { describe, expect, it } from "vitest";
import { CONTROL_CHARS_MESSAGE, hasForbiddenChars, multiLine, singleLine } from "@/lib/schema";

const REFUSED = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\u001B",
  "\u001F",
  "\u007F",
  "\u0080",
  "\u0085",
  "\u009F",
  "\u061C",
  "\u200E",
  "\u200F",
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
];

describe("shared text type (SEC-3)", () => {
  it("refuses every control and bidi character in single- and multi-line text, with a Russian message", () => {
    for (const ch of REFUSED) {
      for (const schema of [singleLine(), multiLine()]) {
        const r = schema.safeParse(`Текст${ch}текст`);
        expect(r.success, `U+${ch.codePointAt(0)!.toString(16)}`).toBe(false);
        expect(r.error?.issues[0].message).toBe(CONTROL_CHARS_MESSAGE);
      }
    }
    expect(CONTROL_CHARS_MESSAGE).toMatch(/[а-яё]/i);
  });

  it("allows tab, line feed and carriage return only in multi-line text", () => {
    for (const ch of ["\t", "\n", "\r\n"]) {
      expect(multiLine().safeParse(`первая${ch}вторая`).success).toBe(true);
      expect(singleLine().safeParse(`первая${ch}вторая`).success).toBe(false);
    }
  });

  it("leaves ordinary text alone: Cyrillic, «ё», quotes, emoji, non-breaking space, soft hyphen", () => {
    for (const text of ["Ёлкин Пётр", "«Кавычки» — тире", "😀 смайлик", "10\u00A0кг", "пере\u00ADнос", "a\uFEFFb"]) {
      expect(singleLine().safeParse(text).success, text).toBe(true);
      expect(hasForbiddenChars(text)).toBe(false);
    }
  });

  it("keeps the builder's own messages and chain (trim, min, max, required)", () => {
    const name = singleLine({ error: "Укажите название" }).trim().min(1, "Укажите название").max(5, "Не длиннее 5");
    expect(name.safeParse(undefined).error?.issues[0].message).toBe("Укажите название");
    expect(name.safeParse("  abc ").data).toBe("abc");
    expect(name.safeParse("abcdefg").error?.issues[0].message).toBe("Не длиннее 5");
  });
});
