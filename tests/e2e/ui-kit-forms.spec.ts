// The interface kit's forms in a real browser (issue 19 item 1, DAY-8): on one form of each domain the
// submit button is disabled with a spinner while the action runs, a second submit (click, Enter,
// a scripted requestSubmit as a fast double click would) sends no second request, and when the
// connection drops the form says so in Russian and keeps what the user typed. A refusal by the
// server keeps the input too (React 19 would reset the form).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoLogin, query, signInAs } from "./support";

const school = demoLogin("ADMIN").orgName;

/** Holds every server-action request (POST with a Next-Action header) until released; counts them. */
async function holdActions(page: Page) {
  let count = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route("**/*", async (route) => {
    const req = route.request();
    if (req.method() !== "POST" || !req.headers()["next-action"]) return route.continue();
    count++;
    await gate;
    await route.abort("internetdisconnected");
  });
  return { count: () => count, release };
}

/** Two animation frames: React has handled whatever the last event started. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

type Case = {
  domain: string;
  role: string;
  url: (page: Page) => Promise<string>;
  form: (page: Page) => Locator;
  /** Fills the form; returns the field whose typed text must survive and its value. */
  fill: (form: Locator) => Promise<{ field: Locator; value: string }>;
  submit: string;
};

async function idOf(sql: string): Promise<number> {
  const [row] = await query<{ id: number }>(sql, [school]);
  return row.id;
}

const CASES: Case[] = [
  {
    domain: "schedule (SCH-1 event)",
    role: "DEPUTY",
    url: async () => "/schedule/events",
    form: (page) => page.getByRole("form", { name: "Новое мероприятие" }),
    fill: async (form) => {
      await form.getByLabel("Название").fill("Родительское собрание 7А");
      return { field: form.getByLabel("Название"), value: "Родительское собрание 7А" };
    },
    submit: "Добавить мероприятие",
  },
  {
    domain: "messages (MSG-3 announcement)",
    role: "DEPUTY",
    url: async () => "/board",
    form: (page) => page.locator("form", { has: page.getByRole("heading", { name: "Новое объявление" }) }),
    fill: async (form) => {
      await form.getByLabel("Заголовок").fill("Субботник");
      await form.getByLabel("Текст").fill("В субботу в 10:00 у входа.");
      return { field: form.getByLabel("Текст"), value: "В субботу в 10:00 у входа." };
    },
    submit: "Опубликовать",
  },
  {
    domain: "journal (JRN-4 reasons)",
    role: "TEACHER",
    url: async () => "/journal/attendance",
    form: (page) => page.locator("form", { has: page.getByRole("button", { name: "Сохранить причины" }) }),
    fill: async (form) => {
      const select = form.getByRole("combobox").first();
      await select.selectOption({ index: 1 });
      return { field: select, value: await select.inputValue() };
    },
    submit: "Сохранить причины",
  },
  {
    domain: "people (PPL-1 staff card)",
    role: "ADMIN",
    url: async () =>
      `/people/staff/${await idOf(
        `SELECT st.id FROM "Staff" st JOIN "Organisation" o ON o.id = st."organisationId"
          WHERE o.name = $1 ORDER BY st.id LIMIT 1`,
      )}`,
    form: (page) => page.locator("form", { has: page.getByRole("button", { name: "Сохранить" }) }).first(),
    fill: async (form) => {
      await form.getByLabel("Телефон").fill("+7 900 000-00-00");
      return { field: form.getByLabel("Телефон"), value: "+7 900 000-00-00" };
    },
    submit: "Сохранить",
  },
  {
    domain: "plans (PLAN-2 automatic homework)",
    role: "TEACHER",
    url: async () =>
      `/plans/${await idOf(
        `SELECT p.id FROM "LessonPlan" p JOIN "Organisation" o ON o.id = p."organisationId"
           JOIN "User" u ON u."organisationId" = p."organisationId" AND u.id = p."teacherId"
          WHERE o.name = $1 AND u.login = 'teacher' ORDER BY p.id LIMIT 1`,
      )}`,
    form: (page) => page.locator("form", { has: page.getByRole("button", { name: "Применить" }) }),
    fill: async (form) => {
      const box = form.getByLabel("Домашнее задание из плана автоматически");
      await box.setChecked(!(await box.isChecked()));
      return { field: box, value: String(await box.isChecked()) };
    },
    submit: "Применить",
  },
  {
    domain: "archive (REC-5 retention periods)",
    role: "ADMIN",
    url: async () => "/archive/register",
    form: (page) => page.getByRole("form", { name: "Сроки хранения" }),
    fill: async (form) => {
      const years = form.getByRole("spinbutton").first();
      await years.fill("30");
      return { field: years, value: "30" };
    },
    submit: "Сохранить сроки",
  },
  {
    domain: "control (CTL-2 remark)",
    role: "DEPUTY",
    url: async () => "/control/remarks",
    form: (page) => page.getByRole("form", { name: "Новое замечание" }),
    fill: async (form) => {
      await form.getByRole("combobox").first().selectOption({ index: 1 });
      await form.getByLabel("Замечание").fill("Не заполнены темы уроков за неделю.");
      return { field: form.getByLabel("Замечание"), value: "Не заполнены темы уроков за неделю." };
    },
    submit: "Отправить учителю",
  },
  {
    domain: "org (SCH-1 room in the dictionaries)",
    role: "ADMIN",
    url: async () => "/org/dictionaries",
    form: (page) => page.locator("form", { has: page.getByLabel("Кабинет — новая запись") }),
    fill: async (form) => {
      await form.getByLabel("Кабинет — новая запись").fill("Кабинет 404");
      return { field: form.getByLabel("Кабинет — новая запись"), value: "Кабинет 404" };
    },
    submit: "Добавить",
  },
  {
    domain: "absences (DUT-4 parent's notice)",
    role: "PARENT",
    url: async () => "/diary/absences",
    form: (page) => page.getByRole("form", { name: "Сообщить об отсутствии" }),
    fill: async (form) => {
      await form.getByLabel("Комментарий (необязательно)").fill("Поездка к врачу");
      return { field: form.getByLabel("Комментарий (необязательно)"), value: "Поездка к врачу" };
    },
    submit: "Отправить классному руководителю",
  },
  {
    domain: "learning (LRN-4 resource)",
    role: "ADMIN",
    url: async () => "/resources",
    form: (page) => page.getByRole("form", { name: "Новый ресурс" }),
    fill: async (form) => {
      await form.getByLabel("Название").fill("Электронная библиотека");
      return { field: form.getByLabel("Название"), value: "Электронная библиотека" };
    },
    submit: "Добавить",
  },
];

for (const c of CASES) {
  test(`${c.domain}: the submit is disabled with a spinner while the action runs, a second submit sends nothing, input kept when the connection drops`, async ({
    page,
  }) => {
    await signInAs(page, c.role);
    await page.goto(await c.url(page));
    const form = c.form(page);
    const { field, value } = await c.fill(form);
    const held = await holdActions(page);
    const button = form.getByRole("button", { name: c.submit });
    await button.click();
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute("aria-busy", "true");
    await expect(button.locator("[data-spinner]")).toBeVisible();
    expect(held.count()).toBe(1);
    // A second click, Enter and a scripted submit (what a fast double click races with) send nothing.
    await button.click({ force: true });
    await form.evaluate((f: HTMLFormElement) => f.requestSubmit());
    await settle(page);
    expect(held.count()).toBe(1);
    held.release();
    await expect(form.getByRole("alert")).toContainText("Нет связи с сервером");
    await expect(button).toBeEnabled();
    if ((await field.getAttribute("type")) === "checkbox") expect(String(await field.isChecked())).toBe(value);
    else await expect(field).toHaveValue(value);
    expect(held.count()).toBe(1);
  });
}

// The finals sheet (FIN-1) has no submit button: each cell saves itself on Enter / leaving it. The same
// promise holds there: while a cell's save runs it says so (data-status="saving"), a second Enter and the
// blur of moving down send nothing, and a dropped connection is named with the typed value kept.
test("finals (FIN-1 sheet): a cell's save runs once however often Enter is pressed, input kept when the connection drops", async ({
  page,
}) => {
  await signInAs(page, "TEACHER");
  const [sheet] = await query<{ classId: number; subjectId: number }>(
    `SELECT c.id AS "classId", s.id AS "subjectId" FROM "Organisation" o
       JOIN "ClassGroup" c ON c."organisationId" = o.id AND c.name = '7А'
       JOIN "Subject" s ON s."organisationId" = o.id AND s.name = 'Алгебра'
      WHERE o.name = $1`,
    [school],
  );
  await page.goto(`/finals?classId=${sheet.classId}&subjectId=${sheet.subjectId}`);
  const cell = page.getByTestId("finals-table").locator("input[data-cell]").first();
  const typed = (await cell.inputValue()) === "5" ? "4" : "5";
  await cell.fill(typed);
  const held = await holdActions(page);
  await cell.press("Enter");
  await expect(cell).toHaveAttribute("data-status", "saving");
  expect(held.count()).toBe(1);
  await cell.focus();
  await cell.press("Enter");
  await settle(page);
  expect(held.count()).toBe(1);
  held.release();
  await expect(page.getByTestId("finals-notice")).toContainText("нет связи с сервером");
  await expect(cell).toHaveAttribute("data-status", "error");
  await expect(cell).toHaveValue(typed);
  expect(held.count()).toBe(1);
});

test("a refusal by the server keeps every typed value and names the problem (SCH-1, NFR-4)", async ({ page }) => {
  await signInAs(page, "DEPUTY");
  await page.goto("/schedule/events");
  const form = page.getByRole("form", { name: "Новое мероприятие" });
  await form.getByLabel("Название").fill("   ");
  await form.getByLabel("Место").fill("Актовый зал");
  await form.getByLabel("Описание").fill("Встреча с выпускниками");
  await form.getByRole("button", { name: "Добавить мероприятие" }).click();
  await expect(form.getByRole("alert")).toContainText("Укажите название");
  await expect(form.getByLabel("Место")).toHaveValue("Актовый зал");
  await expect(form.getByLabel("Описание")).toHaveValue("Встреча с выпускниками");
  await expect(form.getByRole("button", { name: "Добавить мероприятие" })).toBeEnabled();
});
