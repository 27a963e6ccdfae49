// Page objects of the people screens: class list with login issuing, staff, student card.
import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";

/** Clicks «Выдать логины и распечатать памятки» in the given section and returns the slip PDF's text. */
export async function issueSlips(page: Page, section: string, names: string[]): Promise<string> {
  const form = page.locator("form", { has: page.getByRole("heading", { name: section }) });
  for (const n of names) await form.getByLabel(`Выдать памятку: ${n}`).check();
  const downloadPromise = page.waitForEvent("download");
  await form.getByRole("button", { name: "Выдать логины и распечатать памятки" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(await download.path())));
  return (await extractText(pdf, { mergePages: true })).text as string;
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
