import { describe, expect, it } from "vitest";
import { mapHeader, previewRows } from "@/lib/people/import/rules";
import { readTable } from "@/lib/people/import/read";
import { baseLogin, uniqueLogin } from "@/lib/people/login-rules";

const today = new Date("2026-11-23T00:00:00.000Z");
const header = ["Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "Телефон", "E-mail"];

describe("class-list import rules (PPL-5)", () => {
  it("reports missing required columns by their Russian names", () => {
    expect(mapHeader(["Фамилия", "Пол"])).toEqual({
      ok: false,
      message: "В первой строке нет столбцов: «Имя», «Дата рождения»",
    });
  });

  it("gives each bad row its own Russian errors and keeps good rows", () => {
    const r = previewRows(
      [
        header,
        ["Иванов", "Иван", "", "01.09.2015", "м", "", ""],
        ["Петров", "", "", "30.02.2015", "x", "abc", "no@"],
        ["", "", "", "", "", "", ""],
        ["Иванов", "Иван", "", "01.09.2015", "м", "", ""],
      ],
      today,
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.rows.map((x) => x.line)).toEqual([2, 3, 5]);
    expect(r.rows[0].errors).toEqual([]);
    expect(r.rows[1].errors).toEqual([
      "Имя: не заполнено",
      "Дата рождения: «30.02.2015» — не дата ДД.ММ.ГГГГ",
      "Пол: «x» — укажите «м» или «ж»",
      "Телефон: неверный формат",
      "E-mail: «no@» — неверный адрес",
    ]);
    expect(r.rows[2].errors).toEqual(["Повтор строки 2"]);
    expect(r.rows[2].data).toBeNull();
  });

  it("refuses a birth date in the future", () => {
    const r = previewRows([header, ["Иванов", "Иван", "", "01.01.2030", "", "", ""]], today);
    expect(r.ok && r.rows[0].errors).toEqual(["Дата рождения: вне допустимого диапазона"]);
  });

  it("reads a Windows-1251 CSV with semicolons and RFC 4180 quotes", async () => {
    const text =
      'Фамилия;Имя;Отчество;Дата рождения\r\n"Салтыков-Щедрин";"Михаил ""Мишель""";Евграфович;27.01.2015\r\n';
    const cp1251 = new Uint8Array(
      [...text].map((ch) => {
        const c = ch.charCodeAt(0);
        if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
        if (c === 0x401) return 0xa8;
        if (c === 0x451) return 0xb8;
        return c;
      }),
    );
    const read = await readTable("spisok.csv", cp1251);
    if (!read.ok) throw new Error(read.message);
    expect(read.table[1]).toEqual(["Салтыков-Щедрин", 'Михаил "Мишель"', "Евграфович", "27.01.2015"]);
  });

  it("refuses a file that is neither XLSX nor CSV with a Russian message", async () => {
    expect(await readTable("photo.png", new Uint8Array([1, 2, 3]))).toEqual({
      ok: false,
      message: "Поддерживаются файлы XLSX и CSV",
    });
    expect(await readTable("list.xlsx", new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false });
  });
});

describe("issued logins (AUTH-2)", () => {
  it("transliterates the surname with initials and adds a number when taken", () => {
    expect(baseLogin({ lastName: "Соколова", firstName: "Елена", middleName: "Викторовна" })).toBe("sokolova.ev");
    expect(baseLogin({ lastName: "Щукина", firstName: "Юлия", middleName: null })).toBe("shchukina.yu");
    expect(uniqueLogin("sokolova.ev", new Set(["sokolova.ev", "sokolova.ev2"]))).toBe("sokolova.ev3");
  });
});
