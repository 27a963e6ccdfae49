"use client";
// The year transition wizard (ORG-3, PPL-4): order, graduating classes, exceptions → preview → commit.
import { useState } from "react";
import { yearTransitionAction } from "@/lib/org/year/actions";
import { Checkbox, Select } from "@/components/ui/field";
import { OrderFields } from "@/components/people/enrolment-fields";
import { PreviewForm } from "@/components/ui/preview-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { Button } from "@/components/ui/button";
import { RowTh, Table, THead, Td, Tr } from "@/components/ui/table";

type Props = {
  classes: { id: number; name: string; graduatesByDefault: boolean }[];
  students: { studentId: number; label: string }[];
  today: string;
};

type Answer = Extract<Awaited<ReturnType<typeof yearTransitionAction>>, { ok: true }>["data"];

const EXCEPTION_ROWS = 5;

// A two-step wizard on the kit's PreviewForm: the last answer is kept here too (done replaces the form); the
// refusal and the field messages are the kit's, the fields keep their values.
export function YearWizard({ classes, students, today }: Props) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  // Issue 22 item 7: one exception row at first, the next on demand — each row's list holds every
  // student of the school, five of them were most of the page.
  const [exceptionRows, setExceptionRows] = useState(1);
  if (answer?.stage === "done")
    return (
      <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-800">
        Переход выполнен. Текущий учебный год: {answer.nextName}. Прошлый год закрыт и доступен только для просмотра.
      </p>
    );
  return (
    <PreviewForm
      action={yearTransitionAction}
      success={null}
      label="Переход на новый учебный год"
      onAnswer={setAnswer}
      preview={(next) => {
        if (next.stage !== "preview") return null;
        const preview = next.preview;
        return (
          <section className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
            <h2 className="font-semibold">
              Предпросмотр: {preview.yearName} → {preview.nextName} ({preview.nextDates})
            </h2>
            <p>
              Переводятся: {preview.counts.promoted}, условно: {preview.counts.conditional}, остаются на повторное
              обучение: {preview.counts.repeat}, выпускаются: {preview.counts.graduated}.
            </p>
            <p>Периоды: {preview.periods.map((p) => `${p.name} ${p.dates}`).join("; ")}</p>
            {preview.council > 0 && <p>Учтены решения педсовета («Решения педсовета»): {preview.council}.</p>}
            <Table label="Перевод по годам" maxHeight="max-h-96" className="w-fit max-w-full">
              <THead headers={["Сейчас", "После перехода", { label: "Обучающихся", align: "right" }]} />
              <tbody>
                {preview.classes.map((c) => (
                  <Tr key={c.classId}>
                    <RowTh>{c.name}</RowTh>
                    <Td>→ {c.nextName ?? "выпуск"}</Td>
                    <Td align="right" className="text-slate-500">
                      {c.students} уч.
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            {preview.exceptions.length > 0 && (
              <ul>
                {preview.exceptions.map((e) => (
                  <li key={e.fullName + e.className}>
                    {e.className} — {e.fullName}:{" "}
                    {e.kind === "REPEAT"
                      ? "оставлен на повторное обучение"
                      : e.kind === "GRADUATED"
                        ? "выпускается"
                        : "переведён условно"}
                  </li>
                ))}
              </ul>
            )}
            <p className="text-amber-900">
              После перехода {preview.yearName} будет закрыт: его данные можно только просматривать.
            </p>
            <SubmitButton variant="danger" name="intent" value="commit">
              Выполнить переход
            </SubmitButton>
          </section>
        );
      }}
    >
      <input type="hidden" name="graduateShown" value="1" />
      <section className="grid gap-3 rounded border border-slate-200 bg-white p-3 sm:grid-cols-2">
        <OrderFields today={today} numberLabel="Номер приказа о переводе и выпуске" />
      </section>
      <section className="space-y-1 rounded border border-slate-200 bg-white p-3">
        <h2 className="font-semibold">Выпускные классы/группы</h2>
        <div className="flex flex-wrap gap-3 text-sm">
          {classes.map((c) => (
            <Checkbox key={c.id} name="graduate" value={c.id} defaultChecked={c.graduatesByDefault} label={c.name} />
          ))}
        </div>
      </section>
      <section className="space-y-1 rounded border border-slate-200 bg-white p-3">
        <h2 className="font-semibold">Исключения</h2>
        {Array.from({ length: exceptionRows }, (_, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <Select
              name="exStudent"
              aria-label={`Исключение ${i + 1}: ученик`}
              defaultValue=""
              placeholder="—"
              options={students.map((s) => ({ value: s.studentId, label: s.label }))}
            />
            <Select name="exKind" aria-label={`Исключение ${i + 1}: решение`} defaultValue="">
              <option value="">—</option>
              <option value="REPEAT">оставлен на повторное обучение</option>
              <option value="CONDITIONAL">переведён условно</option>
            </Select>
          </div>
        ))}
        {exceptionRows < EXCEPTION_ROWS && (
          <Button type="button" variant="secondary" size="sm" onClick={() => setExceptionRows((n) => n + 1)}>
            Ещё исключение
          </Button>
        )}
      </section>
    </PreviewForm>
  );
}
