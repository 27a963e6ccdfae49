// «Сведения об организации» (ORG-1) and its settings (ORG-2).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { timeZoneOptions } from "@/lib/org/time";
import { saveOrgCardAction, saveSettingsAction } from "@/lib/org/actions";
import { loadOrgCard } from "@/lib/org/setup/loaders";
import { FieldForm, type FormField } from "@/components/people/field-form";
import { asInput } from "@/components/org/rows";
import { deadlineText } from "@/lib/control/deadline/rules";
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { FREQUENCIES, asFrequency, frequencyLabel } from "@/lib/control/checks/rules";
import { PageHeader } from "@/components/ui/page-header";
import { vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Организация" };

const CARD: [string, string][] = [
  ["name", "Полное наименование"],
  ["shortName", "Краткое наименование"],
  ["address", "Адрес"],
  ["director", "Директор"],
  ["phone", "Телефон"],
  ["email", "E-mail"],
  ["website", "Сайт"],
  ["inn", "ИНН"],
  ["kpp", "КПП"],
  ["okpo", "ОКПО"],
  ["ogrn", "ОГРН"],
  ["timeZone", "Часовой пояс"],
];

export default async function OrgPage() {
  const { user } = await requireAccess("org.view");
  const [edit, settings] = await Promise.all([authorize(user, "org.edit"), authorize(user, "org.settings")]);
  const org = await loadOrgCard(user);
  if (!org) notFound();
  // Without a settings row the form shows the defaults a new row gets (ORG-2; lib/org/defaults).
  const s = org.settings ?? ORG_SETTINGS_DEFAULTS;
  // DAY-6 (issue 22 round 24): the settings' labels in the organisation's words.
  const v = vocabulary(user.orgKind);
  const settingFields: FormField[] = [
    { name: "minMark", label: "Минимальная отметка", type: "number", value: asInput(s.minMark) },
    { name: "maxMark", label: "Максимальная отметка", type: "number", value: asInput(s.maxMark) },
    {
      name: "averagingMethod",
      label: "Способ усреднения оценок",
      type: "select",
      value: s.averagingMethod,
      options: [
        { value: "WEIGHTED", label: "взвешенное по типам заданий" },
        { value: "PLAIN", label: "простое среднее" },
      ],
    },
    {
      name: "roundingThreshold",
      label: "Порог округления итоговой (дробная часть)",
      value: asInput(s.roundingThreshold),
    },
    { name: "lockDays", label: "Срок редактирования отметок, дней", type: "number", value: asInput(s.lockDays) },
    {
      name: "finalsWarningDays",
      label: "Предупреждать об итоговых за, дней",
      type: "number",
      value: asInput(s.finalsWarningDays),
    },
    {
      name: "passFailEnabled",
      label: "Отметки «зачёт/незачёт»",
      type: "checkbox",
      value: asInput(s.passFailEnabled),
    },
    {
      name: "homeworkForToday",
      label: "Можно задавать ДЗ на сегодня",
      type: "checkbox",
      value: asInput(s.homeworkForToday),
    },
    {
      name: "homeworkForPast",
      label: `Можно задавать ДЗ на прошедшие ${v.lesson.nomPl}`,
      type: "checkbox",
      value: asInput(s.homeworkForPast),
    },
    {
      name: "clubMarksAllowed",
      label: "Отметки в журналах объединений внеурочной деятельности",
      type: "checkbox",
      value: asInput(s.clubMarksAllowed),
    },
    {
      name: "clubOpenEnrolment",
      label: `Открытая запись в объединения: родители и ${v.student.nomPl} записываются сами`,
      type: "checkbox",
      value: asInput(s.clubOpenEnrolment),
    },
    {
      name: "studyDays",
      label: "Учебная неделя",
      type: "select",
      value: String(s.studyDays),
      options: [
        { value: "5", label: "пятидневная (пн–пт)" },
        { value: "6", label: "шестидневная (пн–сб)" },
      ],
    },
    {
      name: "fillDeadlineMinutes",
      label: `Срок заполнения журнала в день ${v.lesson.gen} (ЧЧ:ММ)`,
      value: deadlineText(s.fillDeadlineMinutes),
      placeholder: "16:00",
    },
    ...(
      [
        ["checkEveryClassTeacher", `Проверка журнала ${v.classTeacher.ins}`, "CLASS_TEACHER"],
        ["checkEveryHeadOfDept", "Проверка журнала заведующим отделением", "HEAD_OF_DEPT"],
        ["checkEveryDeputy", "Проверка журнала администрацией", "DEPUTY"],
      ] as const
    ).map(([name, label, level]): FormField => ({
      name,
      label,
      type: "select",
      value: asFrequency(s[name], level),
      options: FREQUENCIES.map((f) => ({ value: f, label: frequencyLabel(f, v.kind) })),
    })),
    {
      name: "riskAbsencePercent",
      label: `Группа риска: пропущено ${v.lesson.genPl} за период, %`,
      type: "number",
      value: asInput(s.riskAbsencePercent),
    },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title="Сведения об организации" />
      <section className="rounded border border-slate-200 bg-white p-3">
        {edit.allowed ? (
          <FieldForm
            action={saveOrgCardAction}
            fields={CARD.map(([name, label]) => ({
              name,
              label,
              value: asInput((org as Record<string, unknown>)[name]),
              required: name === "name" || name === "shortName",
              // DAY-12: a choice of Russia's zones instead of free text
              ...(name === "timeZone"
                ? {
                    type: "select" as const,
                    options: timeZoneOptions(asInput((org as Record<string, unknown>).timeZone)),
                  }
                : {}),
            }))}
          />
        ) : (
          <dl className="grid gap-2 text-sm sm:grid-cols-3">
            {CARD.map(([name, label]) => (
              <div key={name}>
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd>{asInput((org as Record<string, unknown>)[name]) || "—"}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      {settings.allowed && (
        <section className="space-y-2 rounded border border-slate-200 bg-white p-3">
          <h2 className="font-semibold">Настройки журнала</h2>
          <FieldForm action={saveSettingsAction} fields={settingFields} />
        </section>
      )}
    </div>
  );
}
