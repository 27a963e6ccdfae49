// Page objects of the people screens: class list with login issuing, staff, student card.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

/** Clicks «Выдать логины и распечатать памятки» in the given section and returns the slip PDF's text. */
export async function issueSlips(page: Page, section: string, names: string[]): Promise<string> {
  const form = page.locator("form", { has: page.getByRole("heading", { name: section }) });
  for (const n of names) await form.getByLabel(`Выдать памятку: ${n}`).check();
  const downloadPromise = page.waitForEvent("download");
  await form.getByRole("button", { name: "Выдать логины и распечатать памятки" }).click();
  const download = await downloadPromise;
  const file = path.join(mkdtempSync(path.join(tmpdir(), "slips-")), "slips.pdf");
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

/** Login and password of the slip of one person (the text extracted from the PDF). */
export function slipOf(text: string, fullName: string): { login: string; password: string } {
  const at = text.indexOf(fullName);
  expect(at, `slip of ${fullName}`).toBeGreaterThanOrEqual(0);
  const rest = text.slice(at);
  const login = /Логин:\s*(\S+)/.exec(rest)?.[1];
  const password = /Пароль:\s*(\S+)/.exec(rest)?.[1];
  if (!login || !password) throw new Error(`no credentials on the slip of ${fullName}`);
  return { login, password };
}
