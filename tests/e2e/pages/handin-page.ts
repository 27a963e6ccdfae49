// Page object of a homework's hand-in in the diary (LRN-1): the state, the form, the teacher's comment.
import { expect, type Locator, type Page } from "@playwright/test";

export class HandinPage {
  readonly form: Locator;
  readonly work: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByRole("form", { name: "Сдать работу" });
    this.work = page.getByRole("region", { name: "Моя работа" });
  }

  async open(studentId: number, homeworkId: number): Promise<void> {
    await this.page.goto(`/diary/${studentId}/handin/${homeworkId}`);
    await expect(this.page.getByRole("heading", { name: /домашнее задание/ })).toBeVisible();
  }

  /** Types the answer, attaches files and hands in; resolves on the server's answer (status or alert). */
  async handIn(text: string, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<Locator> {
    await this.form.getByLabel("Ответ").fill(text);
    if (files.length) await this.form.getByLabel(/Фото или файлы/).setInputFiles(files);
    await this.form.getByRole("button", { name: /Сдать/ }).click();
    const answer = this.form.locator('[role="status"], [role="alert"]').first();
    await expect(answer).toBeVisible({ timeout: 20_000 });
    return answer;
  }
}
