// SEC-4: a new password is refused when it is common, one repeated character, a simple sequence,
// or contains the login or the person's names; a passphrase passes. Stored passwords are never
// re-checked (the demo's «demo2026» keeps working: only parseChangePassword calls this).
import { describe, expect, it } from "vitest";
import { WEAK_PASSWORD_MESSAGES as M, weakPasswordProblems } from "@/lib/auth/password-policy";
import { parseChangePassword } from "@/lib/auth/schema";
import { generateOneTimePassword } from "@/lib/auth/password";
import { PASSWORD_MESSAGES } from "@/lib/auth/rules";

const person = { login: "sokolova.ev", names: ["Соколова", "Елена", "Викторовна"] };
const problems = (p: string) => weakPasswordProblems(p, person);

function change(newPassword: string, who = person) {
  const form = new FormData();
  form.set("currentPassword", "demo2026");
  form.set("newPassword", newPassword);
  form.set("confirmPassword", newPassword);
  return parseChangePassword(form, who);
}

describe("weak passwords (SEC-4)", () => {
  it("refuses the issue's examples: 12345678, qwerty123, eight spaces, aaaaaaaa, the login itself", () => {
    expect(problems("12345678")).toEqual([M.sequence]);
    expect(problems("qwerty123")).toEqual([M.common]);
    expect(problems("        ")).toEqual([M.repeated]);
    expect(problems("aaaaaaaa")).toEqual([M.repeated]);
    expect(problems("sokolova.ev")).toContain(M.login);
  });

  it("refuses sequences either way, keyboard rows of both layouts, short repeats", () => {
    for (const p of ["abcdefgh", "87654321", "qwertyui", "asdfghjk", "йцукенгш", "абвгдежз", "zyxwvuts"])
      expect(problems(p), p).toEqual([M.sequence]);
    for (const p of ["abababab", "123123123", "xyzxyzxyz"]) expect(problems(p), p).toEqual([M.repeated]);
  });

  it("refuses common passwords case-insensitively, on the Russian layout and with digits appended", () => {
    for (const p of ["Password", "iloveyou", "dragon2026", "Football!!", "зфыыцщкв"])
      expect(problems(p), p).toEqual([M.common]);
  });

  it("refuses the login or a name inside the password, also transliterated or on the other layout", () => {
    expect(problems("my-sokolova.ev-key")).toContain(M.login);
    expect(problems("Соколова-навсегда")).toContain(M.name);
    expect(problems("sokolova-forever")).toContain(M.name);
    expect(problems("cjrjkjdf-forever")).toContain(M.name); // «соколова» typed on the Latin layout
    expect(problems("Я-Елена-из-Самары")).toContain(M.name);
  });

  it("accepts a passphrase and a random string", () => {
    expect(problems("Зелёный чайник у окна")).toEqual([]);
    expect(problems("Tikhiy vecher u reki")).toEqual([]);
    expect(problems("v8#Lq2!zRt")).toEqual([]);
  });

  it("issued one-time passwords pass the rules (the slip's password is acceptable as typed)", () => {
    for (let i = 0; i < 500; i++) expect(problems(generateOneTimePassword())).toEqual([]);
  });
});

describe("the change-password form's parse (SEC-4 with AUTH-3)", () => {
  it("puts every problem on the new-password field in Russian and accepts a passphrase", () => {
    for (const p of ["12345678", "qwerty123", "        ", "aaaaaaaa", "sokolova.ev"]) {
      const r = change(p);
      expect(r.ok, p).toBe(false);
      if (!r.ok) expect(r.fieldErrors.newPassword?.every((m) => /[а-яё]/i.test(m))).toBe(true);
    }
    expect(change("Зелёный чайник у окна").ok).toBe(true);
  });

  it("says «contains the login» once when the password equals the login", () => {
    const r = change("sokolova.ev");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fieldErrors.newPassword).toContain(M.login);
      expect(r.fieldErrors.newPassword).not.toContain(PASSWORD_MESSAGES.sameAsLogin);
    }
  });
});
