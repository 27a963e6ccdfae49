// API-3: the OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the routes
// parse with and answer in (zod 4's own `z.toJSONSchema`, no extra library: its output is JSON
// Schema 2020-12, which is exactly OpenAPI 3.1's schema dialect). Every route of app/api/v1 is
// one entry of OPERATIONS; a test checks the list against the file system.
import { WEBHOOK_PAYLOADS } from "@/lib/webhooks/payloads";
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  EVENT_LABELS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  WEBHOOK_EVENTS,
} from "@/lib/webhooks/rules";
import { z } from "zod";
import type { Permission } from "@/lib/access/matrix";
import { ERRORS } from "@/lib/errors";
import { DEFAULT_RATE_PER_MINUTE } from "./rate-limit";
import {
  childrenSchema,
  diaryWeekSchema,
  attendanceListSchema,
  diaryLessonSchema,
  errorSchema,
  fileSchema,
  homeworkListSchema,
  journalQuery,
  marksQuery,
  marksSchema,
  meSchema,
  pageQuery,
  scheduleSchema,
  weekQuery,
  weekSchema,
} from "./schema";
import {
  announcementsSchema,
  inboxSchema,
  messageSchema,
  sendSchema,
  sentResultSchema,
  sentSchema,
} from "./mail/schema";
import { journalSchema, teacherLessonsSchema } from "./teacher/schema";
import { handinBodySchema, handinListSchema, handinSchema } from "./handin/schema";

export type Operation = {
  method: "get" | "post";
  path: string;
  tag: "Пользователь" | "Семья" | "Сообщения" | "Учитель" | "Документация";
  summary: string;
  permission: Permission | Permission[] | null;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A JSON response schema, or "file" / "openapi" for a non-schema answer. */
  response: z.ZodType | "file" | "openapi";
  status?: number;
};

const JOURNAL: Permission[] = ["journal.viewAll", "journal.viewOwn", "journal.editAll", "journal.editOwn"];

export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/me",
    tag: "Пользователь",
    summary: "Кто вызывает API: пользователь, роли, организация, права токена",
    permission: null,
    response: meSchema,
  },
  {
    method: "get",
    path: "/api/v1/children",
    tag: "Семья",
    summary: "Дети родителя (или сам ученик), чей дневник доступен",
    permission: "diary.view",
    response: childrenSchema,
  },
  {
    method: "get",
    path: "/api/v1/students/{studentId}/diary",
    tag: "Семья",
    summary: "Дневник за неделю: уроки, домашние задания, отметки, посещаемость, события",
    permission: "diary.view",
    query: weekQuery,
    response: diaryWeekSchema,
  },
  {
    method: "get",
    path: "/api/v1/students/{studentId}/schedule",
    tag: "Семья",
    summary: "Расписание ученика на неделю с изменениями и событиями",
    permission: "diary.view",
    query: weekQuery,
    response: scheduleSchema,
  },
  {
    method: "get",
    path: "/api/v1/students/{studentId}/homework",
    tag: "Семья",
    summary: "Домашние задания недели с файлами",
    permission: "diary.view",
    query: weekQuery,
    response: homeworkListSchema,
  },
  {
    method: "get",
    path: "/api/v1/students/{studentId}/attendance",
    tag: "Семья",
    summary: "Посещаемость за неделю",
    permission: "diary.view",
    query: weekQuery,
    response: attendanceListSchema,
  },
  {
    method: "get",
    path: "/api/v1/students/{studentId}/marks",
    tag: "Семья",
    summary: "Отметки за период по предметам со средним баллом и итоговыми отметками",
    permission: "diary.view",
    query: marksQuery,
    response: marksSchema,
  },
  {
    method: "get",
    path: "/api/v1/students/{studentId}/files/{fileId}",
    tag: "Семья",
    summary: "Файл домашнего задания",
    permission: "diary.view",
    response: "file",
  },
  {
    method: "get",
    path: "/api/v1/students/{studentId}/handins",
    tag: "Семья",
    summary: "Сдача работ за неделю: задания, которые нужно сдать, состояние, комментарий и отметка учителя",
    permission: "diary.view",
    query: weekQuery,
    response: handinListSchema,
  },
  {
    method: "get",
    path: "/api/v1/students/{studentId}/handins/{homeworkId}",
    tag: "Семья",
    summary: "Сдача одной работы: состояние, сданный текст и файлы, комментарий и отметка учителя",
    permission: "diary.view",
    response: handinSchema,
  },
  {
    method: "post",
    path: "/api/v1/students/{studentId}/handins/{homeworkId}",
    tag: "Семья",
    summary:
      "Сдать работу (только сам ученик): текст и файлы в base64; повторно — до проверки (файлы заменяют прежние); после срока — с отметкой об опоздании",
    permission: "homework.handin",
    body: handinBodySchema,
    response: handinSchema,
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/students/{studentId}/handins/{homeworkId}/files/{fileId}",
    tag: "Семья",
    summary: "Файл сданной работы",
    permission: "diary.view",
    response: "file",
  },
  {
    method: "get",
    path: "/api/v1/announcements",
    tag: "Сообщения",
    summary: "Объявления, показанные пользователю сейчас",
    permission: "board.view",
    query: pageQuery,
    response: announcementsSchema,
  },
  {
    method: "get",
    path: "/api/v1/mail/inbox",
    tag: "Сообщения",
    summary: "Входящие письма",
    permission: "mail.use",
    query: pageQuery,
    response: inboxSchema,
  },
  {
    method: "get",
    path: "/api/v1/mail/sent",
    tag: "Сообщения",
    summary: "Отправленные письма с отметками о прочтении",
    permission: "mail.use",
    query: pageQuery,
    response: sentSchema,
  },
  {
    method: "get",
    path: "/api/v1/mail/{messageId}",
    tag: "Сообщения",
    summary: "Одно письмо (только отправителю и получателям)",
    permission: "mail.use",
    response: messageSchema,
  },
  {
    method: "post",
    path: "/api/v1/mail",
    tag: "Сообщения",
    summary: "Отправить письмо (нужен токен с правом записи)",
    permission: "mail.use",
    body: sendSchema,
    response: sentResultSchema,
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/teacher/lessons",
    tag: "Учитель",
    summary: "Свои уроки недели (в том числе замены)",
    permission: JOURNAL,
    query: weekQuery,
    response: teacherLessonsSchema,
  },
  {
    method: "get",
    path: "/api/v1/teacher/journal",
    tag: "Учитель",
    summary: "Журнал класса по предмету за период (только чтение)",
    permission: JOURNAL,
    query: journalQuery,
    response: journalSchema,
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    tag: "Документация",
    summary: "Этот документ OpenAPI",
    permission: null,
    response: "openapi",
  },
];

/**
 * The named schemas (components/schemas) in a registry of this module's own. Ids are not put in
 * zod's global registry: a server bundle may load a schema module twice, and two copies of one
 * id in the global registry make the conversion fail.
 */
const NAMED: [string, z.ZodType][] = [
  ["Error", errorSchema],
  ["Week", weekSchema],
  ["Me", meSchema],
  ["Children", childrenSchema],
  ["File", fileSchema],
  ["DiaryLesson", diaryLessonSchema],
  ["DiaryWeek", diaryWeekSchema],
  ["StudentSchedule", scheduleSchema],
  ["HomeworkList", homeworkListSchema],
  ["AttendanceList", attendanceListSchema],
  ["Marks", marksSchema],
  ["Announcements", announcementsSchema],
  ["Inbox", inboxSchema],
  ["Sent", sentSchema],
  ["Message", messageSchema],
  ["SendMessage", sendSchema],
  ["SentMessage", sentResultSchema],
  ["TeacherLessons", teacherLessonsSchema],
  ["Journal", journalSchema],
  ["Handin", handinSchema],
  ["HandinList", handinListSchema],
  ["HandinBody", handinBodySchema],
];
const idOf = new Map<z.ZodType, string>(NAMED.map(([id, s]) => [s, id]));
const named = z.registry<{ id: string }>();
for (const [id, s] of NAMED) named.add(s, { id });
/** Metadata for the conversion: descriptions from zod's global registry, ids from `named`. */
const metadata = {
  get: (s: z.ZodType) => {
    const global = z.globalRegistry.get(s);
    const own = named.get(s);
    return global || own ? { ...global, ...own } : undefined;
  },
} as unknown as typeof z.globalRegistry;
const uri = (id: string) => `#/components/schemas/${id}`;

const SECURITY_TEXT = `Вызов с личным токеном доступа: заголовок \`Authorization: Bearer ejt_…\` (токен выпускается на странице «Профиль → Токены API»; показывается один раз). Токен «только чтение» получает 403 на запросы POST. Без заголовка действует сессия браузера (только с того же сайта). Ограничение: ${DEFAULT_RATE_PER_MINUTE} запросов в минуту на токен (429 и Retry-After сверх него). Ошибки: \`{ ok: false, code, message }\` с сообщением по-русски; коды: ${Object.keys(ERRORS).join(", ")}. Даты: дни \`YYYY-MM-DD\`, моменты времени — ISO 8601 в UTC. Недельные ресурсы принимают \`week\` (любой день недели) и возвращают \`week.previous\`/\`week.next\`; списки — \`page\` (с 1) и \`limit\` (до 100) и возвращают \`total\`, \`hasMore\`.`;

function schemaOf(schema: z.ZodType): unknown {
  const out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", metadata });
  delete (out as { $schema?: string }).$schema;
  return out;
}

function ref(schema: z.ZodType): unknown {
  const id = idOf.get(schema);
  return id ? { $ref: `#/components/schemas/${id}` } : schemaOf(schema);
}

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
}

function pathParams(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "integer", minimum: 1 },
  }));
}

function queryParams(query: z.ZodObject | undefined) {
  if (!query) return [];
  return Object.entries(query.shape).map(([name, s]) => {
    const field = s as z.ZodType;
    const json = schemaOf(field) as { description?: string };
    return {
      name,
      in: "query",
      required: !field.safeParse(undefined).success,
      description: json.description,
      schema: json,
    };
  });
}

function operation(op: Operation) {
  const ok =
    op.response === "file"
      ? {
          description: "Файл",
          content: {
            "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } },
          },
        }
      : op.response === "openapi"
        ? { description: "Документ OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } }
        : { description: "Успешно", content: { "application/json": { schema: ref(op.response) } } };
  const perms = op.permission === null ? "вход в систему" : [op.permission].flat().join(" или ");
  return {
    tags: [op.tag],
    summary: op.summary,
    description: `Право: ${perms}.`,
    operationId: `${op.method}${op.path
      .replace(/^\/api\/v1/, "")
      .replace(/[{}]/g, "")
      .replace(/[/.](\w)/g, (_, c: string) => c.toUpperCase())}`,
    parameters: [...pathParams(op.path), ...queryParams(op.query)],
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(op.body) } } } } : {}),
    ...(op.path === "/api/v1/openapi.json" ? { security: [] } : {}),
    responses: {
      [String(op.status ?? 200)]: ok,
      "400": errorResponse("Неверные параметры"),
      "401": errorResponse("Нет входа или токен недействителен"),
      "403": errorResponse("Нет доступа (или токен только для чтения)"),
      "404": errorResponse("Не найдено"),
      "429": errorResponse("Слишком много запросов"),
    },
  };
}

const WEBHOOK_TEXT =
  "Событие журнала (REG-4), которое сервер отправляет POST-запросом на адрес подписки организации (страница «Вебхуки» администратора). Тело — JSON `{ id, event, occurredAt, organisationId, data }`, в `data` — идентификаторы и изменение, без имён. Подпись: `X-Journal-Signature: sha256=<hex>` — HMAC-SHA256 секретом подписки от строки `<X-Journal-Timestamp>.<тело запроса>`; сравнивайте подпись за постоянное время и отвергайте старые метки времени. Ответ 2xx — доставлено; иначе повтор через 30 с, 1, 2, 4 … мин (не реже раза в 4 ч) в течение суток; после многих неудач подряд подписка отключается. `X-Journal-Delivery` — идентификатор доставки (повтор приходит с тем же).";

function webhookOperations(): Record<string, unknown> {
  const headers = [SIGNATURE_HEADER, TIMESTAMP_HEADER, EVENT_HEADER, DELIVERY_HEADER].map((name) => ({
    name,
    in: "header",
    required: true,
    schema: { type: "string" },
  }));
  return Object.fromEntries(
    WEBHOOK_EVENTS.map((event) => [
      event,
      {
        post: {
          summary: EVENT_LABELS[event],
          description: WEBHOOK_TEXT,
          tags: ["Вебхуки"],
          parameters: headers,
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["id", "event", "occurredAt", "organisationId", "data"],
                  properties: {
                    id: { type: "string", description: "идентификатор доставки" },
                    event: { type: "string", const: event },
                    occurredAt: { type: "string", format: "date-time" },
                    organisationId: { type: "integer" },
                    data: schemaOf(WEBHOOK_PAYLOADS[event]),
                  },
                },
              },
            },
          },
          responses: { "200": { description: "Принято (любой ответ 2xx)" } },
        },
      },
    ]),
  );
}

/** The whole document, built on demand from the schemas. */
export function openApiDocument() {
  const components = z.toJSONSchema(named, { io: "input", unrepresentable: "any", uri, metadata }).schemas;
  for (const schema of Object.values(components)) {
    delete (schema as { $schema?: string }).$schema;
    delete (schema as { $id?: string }).$id;
  }
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: "3.1.0",
    info: { title: "Электронный журнал и дневник — API", version: "1.0.0", description: SECURITY_TEXT },
    servers: [{ url: "/" }],
    security: [{ bearerToken: [] }, { session: [] }],
    tags: [
      { name: "Пользователь" },
      { name: "Семья" },
      { name: "Сообщения" },
      { name: "Учитель" },
      { name: "Документация" },
      { name: "Вебхуки" },
    ],
    paths,
    webhooks: webhookOperations(),
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "Личный токен доступа ejt_…" },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "Сессия браузера (тот же сайт)",
        },
      },
      schemas: components as Record<string, unknown>,
    },
  };
}
