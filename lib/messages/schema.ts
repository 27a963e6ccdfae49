// zod schemas of the mail, board and forum forms (SPEC §11). No Prisma imports.
import { z } from "zod";
import { multiLine, singleLine, idSchema } from "@/lib/schema";
import { ROLES } from "@/lib/access/roles";

export { idSchema } from "@/lib/schema";

const text = (field: string, max: number, lines: "single" | "multi" = "single") =>
  (lines === "multi" ? multiLine : singleLine)({ error: `Заполните поле «${field}»` })
    .trim()
    .min(1, `Заполните поле «${field}»`)
    .max(max, `Поле «${field}» длиннее ${max} символов`);

export const composeSchema = z.object({
  personIds: z.array(idSchema).max(1000, "Слишком много получателей"),
  roles: z.array(z.enum(ROLES, { error: "Недопустимая роль" })).max(ROLES.length),
  classIds: z.array(idSchema).max(300, "Слишком много классов"),
  subject: text("Тема", 200),
  body: text("Текст", 20_000, "multi"),
  replyToId: idSchema.nullable(),
});

export type ComposeInput = z.infer<typeof composeSchema>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

function fromZod<T>(result: z.ZodSafeParseResult<T>): Parsed<T> {
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, message: result.error.issues[0]?.message ?? "Проверьте введённые данные", fieldErrors };
}

function strings(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");
}

/** Parses the compose form: `person`, `role`, `class` (repeated), `subject`, `body`, `replyTo`. */
export function parseComposeForm(form: FormData): Parsed<ComposeInput> {
  const replyTo = form.get("replyTo");
  return fromZod(
    composeSchema.safeParse({
      personIds: strings(form, "person"),
      roles: strings(form, "role"),
      classIds: strings(form, "class"),
      subject: form.get("subject"),
      body: form.get("body"),
      replyToId: typeof replyTo === "string" && replyTo !== "" ? replyTo : null,
    }),
  );
}

/**
 * The uploaded files of a form field. An empty file input arrives as an empty blob (named "",
 * "blob" or nothing at all after the server action's decoding): empty parts are skipped. A part
 * without a name gets "" so that the file check refuses it with a message instead of a crash.
 */
export function formFiles(form: FormData, name = "files"): File[] {
  const files: File[] = [];
  for (const v of form.getAll(name)) {
    if (typeof v === "string") continue;
    const fileName = typeof (v as Partial<File>).name === "string" ? v.name : "";
    if (v.size === 0) continue;
    files.push(fileName === v.name ? v : new File([v], fileName, { type: v.type }));
  }
  return files;
}

// ───────────── board (MSG-3) ─────────────

const dateString = singleLine().regex(/^\d{4}-\d{2}-\d{2}$/, "Дата в формате ДД.ММ.ГГГГ");

export const announcementSchema = z
  .object({
    title: text("Заголовок", 200),
    body: text("Текст", 5_000, "multi"),
    audience: z.enum(["ALL", "ROLE", "CLASS"], { error: "Выберите, кому адресовано объявление" }),
    role: z.enum(ROLES, { error: "Выберите роль" }).nullable(),
    classId: idSchema.nullable(),
    startsOn: dateString.nullable(),
    expiresOn: dateString.nullable(),
  })
  .refine((v) => v.audience !== "ROLE" || v.role !== null, { message: "Выберите роль", path: ["role"] })
  .refine((v) => v.audience !== "CLASS" || v.classId !== null, {
    message: "Выберите класс или группу",
    path: ["classId"],
  })
  .refine((v) => !v.expiresOn || !v.startsOn || v.expiresOn >= v.startsOn, {
    message: "Срок действия не может закончиться раньше начала показа",
    path: ["expiresOn"],
  });

export type AnnouncementInput = z.infer<typeof announcementSchema>;

function optional(form: FormData, name: string): string | null {
  const v = form.get(name);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

export function parseAnnouncementForm(form: FormData): Parsed<AnnouncementInput> {
  const audience = optional(form, "audience");
  return fromZod(
    announcementSchema.safeParse({
      title: form.get("title"),
      body: form.get("body"),
      audience,
      role: audience === "ROLE" ? optional(form, "role") : null,
      classId: audience === "CLASS" ? optional(form, "classId") : null,
      startsOn: optional(form, "startsOn"),
      expiresOn: optional(form, "expiresOn"),
    }),
  );
}

// ───────────── forum (MSG-4) ─────────────

export const topicSchema = z.object({ title: text("Тема", 200), body: text("Сообщение", 10_000, "multi") });
export const postSchema = z.object({ topicId: idSchema, body: text("Сообщение", 10_000, "multi") });
export const hideSchema = z.object({ postId: idSchema, hidden: z.enum(["1", "0"]) });
export const moderatorSchema = z.object({ userId: idSchema, appoint: z.enum(["1", "0"]) });

export function parseForm<T>(schema: z.ZodType<T>, form: FormData): Parsed<T> {
  return fromZod(schema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"))));
}
