// SCH-1: a bell schedule typed as lines «08:30-09:15» (or «08:30–09:15»), one bell per line in order.
import { minutesOf } from "../week";

export type BellDraft = { number: number; startTime: string; endTime: string };

export type BellParse = { ok: true; bells: BellDraft[] } | { ok: false; message: string };

/** Parses and checks the lines: real times, each bell ends after it starts and before the next one starts. */
export function parseBells(text: string): BellParse {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return { ok: false, message: "Укажите хотя бы один звонок: «08:30-09:15»" };
  if (lines.length > 12) return { ok: false, message: "Не больше 12 уроков в расписании звонков" };
  const bells: BellDraft[] = [];
  let previousEnd = -1;
  for (const [i, line] of lines.entries()) {
    const m = /^(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})$/.exec(line);
    const pad = (t: string) => t.padStart(5, "0");
    const start = m ? minutesOf(pad(m[1])) : null;
    const end = m ? minutesOf(pad(m[2])) : null;
    if (!m || start === null || end === null)
      return { ok: false, message: `Строка ${i + 1}: укажите время как «08:30-09:15»` };
    if (end <= start) return { ok: false, message: `Строка ${i + 1}: урок заканчивается раньше, чем начинается` };
    if (start < previousEnd)
      return { ok: false, message: `Строка ${i + 1}: урок начинается раньше, чем закончился предыдущий` };
    previousEnd = end;
    bells.push({ number: i + 1, startTime: pad(m[1]), endTime: pad(m[2]) });
  }
  return { ok: true, bells };
}

export function bellsText(bells: readonly { startTime: string; endTime: string }[]): string {
  return bells.map((b) => `${b.startTime}-${b.endTime}`).join("\n");
}
