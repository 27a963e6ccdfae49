// SEC-4: what makes a new password too easy to guess, beyond its length (lib/auth/rules.ts):
//  - a commonly used password: the 49,233-entry list «passwords-common» of @zxcvbn-ts/language-common
//    (the maintained TypeScript port of Dropbox's zxcvbn; MIT), compared case-insensitively, also as
//    typed on the Russian layout («йцукен» = «qwerty») and with trailing digits/punctuation dropped
//    («dragon2026»);
//  - all one character («aaaaaaaa», eight spaces) or a short unit repeated («abababab», «123123123»);
//  - a simple sequence: a run of the digits, the Latin or Russian alphabet or a keyboard row, either
//    way («12345678», «abcdefgh», «qwertyui», «87654321», «йцукенгш»);
//  - the login or one of the person's names inside it, as typed or transliterated («sokolova»), or
//    typed on the wrong layout.
// Server-only: the list is ~400 KB and never reaches the browser (the form shows PASSWORD_RULES_HINT).
// Stored passwords are never re-checked: only a password being set goes through here.
import { dictionary } from "@zxcvbn-ts/language-common";
import { transliterate } from "./rules";

export const WEAK_PASSWORD_MESSAGES = {
  common: "Этот пароль слишком распространён — такие подбирают первыми. Придумайте другой",
  repeated: "Пароль не должен состоять из одного повторяющегося символа или короткого повтора",
  sequence: "Пароль не должен быть простой последовательностью (12345678, abcdefgh, qwertyui…)",
  login: "Пароль не должен содержать логин",
  name: "Пароль не должен содержать ваши фамилию, имя или отчество",
} as const;

const COMMON: ReadonlySet<string> = new Set(dictionary["passwords-common"]);

// Keyboard rows of the Latin (QWERTY) and Russian (ЙЦУКЕН) layouts, key for key.
const LATIN_ROWS = ["`1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./"];
const RUSSIAN_ROWS = ["ё1234567890-=", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю."];
const RU_TO_LATIN = new Map<string, string>();
RUSSIAN_ROWS.forEach((row, r) => [...row].forEach((ch, i) => RU_TO_LATIN.set(ch, LATIN_ROWS[r][i] ?? ch)));
const LATIN_TO_RU = new Map<string, string>([...RU_TO_LATIN].map(([ru, la]) => [la, ru]));

const SEQUENCES = [
  "01234567890",
  "abcdefghijklmnopqrstuvwxyz",
  "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
  "абвгдежзийклмнопрстуфхцчшщъыьэюя",
  ...LATIN_ROWS.map((r) => r.replace(/^`/, "")),
  ...RUSSIAN_ROWS.map((r) => r.replace(/^ё/, "")),
  "qazwsxedcrfvtgbyhnujmikolp",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
];

/** The same keys pressed on the other layout («йцукен» ↔ «qwerty»). */
function otherLayout(text: string, map: ReadonlyMap<string, string>): string {
  return [...text].map((ch) => map.get(ch) ?? ch).join("");
}

function isRepeat(p: string): boolean {
  const chars = [...p];
  for (let unit = 1; unit <= 3; unit++) {
    if (chars.length < unit * 2) break;
    if (chars.every((ch, i) => ch === chars[i % unit])) return true;
  }
  return false;
}

function isSequence(p: string): boolean {
  if ([...p].length < 3) return false;
  const reversed = [...p].reverse().join("");
  return SEQUENCES.some((s) => s.includes(p) || s.includes(reversed));
}

function isCommon(p: string): boolean {
  const forms = [p, otherLayout(p, RU_TO_LATIN)];
  for (const form of forms) {
    if (COMMON.has(form)) return true;
    // «dragon2026», «qwerty!»: a common word with digits or punctuation added at the end.
    const base = form.replace(/[\p{N}\p{P}\p{S}\s]+$/u, "");
    if (base !== form && [...base].length >= 4 && (COMMON.has(base) || isSequence(base))) return true;
  }
  return false;
}

/** Spellings of a word a person might type: as is, transliterated, on the other layout. */
function spellings(word: string): string[] {
  const w = word.trim().toLowerCase();
  return [...new Set([w, transliterate(w), otherLayout(w, LATIN_TO_RU), otherLayout(w, RU_TO_LATIN)])].filter(
    (s) => [...s].length >= 3,
  );
}

/**
 * Russian messages for a new password that is too easy to guess (SEC-4); empty when none applies.
 * `names` are the person's surname, first name and patronymic (any may be missing).
 */
export function weakPasswordProblems(
  password: string,
  person: { login: string; names: readonly (string | null | undefined)[] },
): string[] {
  const p = password.toLowerCase();
  const problems: string[] = [];
  if (isRepeat(p)) problems.push(WEAK_PASSWORD_MESSAGES.repeated);
  else if (isSequence(p)) problems.push(WEAK_PASSWORD_MESSAGES.sequence);
  else if (isCommon(p)) problems.push(WEAK_PASSWORD_MESSAGES.common);
  const plain = otherLayout(p, RU_TO_LATIN);
  const contains = (word: string) => spellings(word).some((s) => p.includes(s) || plain.includes(s));
  if (person.login.trim() && contains(person.login)) problems.push(WEAK_PASSWORD_MESSAGES.login);
  if (person.names.some((n) => n && contains(n))) problems.push(WEAK_PASSWORD_MESSAGES.name);
  return problems;
}
