"use client";
// PLAN-1: the ordered topics of a draft plan — title, hours, КЭС, lesson type, kind of control,
// homework. Rows can be added, removed and moved; the list is saved as a whole (validated on the server).
import { useState } from "react";
import { saveTopicsAction } from "@/lib/plans/actions";
import { fmtHours, totalHours } from "@/lib/plans/rules";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, Td, THead, Tr } from "@/components/ui/table";

export type EditableTopic = {
  title: string;
  hours: number;
  kesCodes: string | null;
  lessonType: string | null;
  controlKind: string | null;
  homework: string | null;
};

type Row = {
  key: number;
  title: string;
  hours: string;
  kesCodes: string;
  lessonType: string;
  controlKind: string;
  homework: string;
};

let nextKey = 1;
const toRow = (t: EditableTopic): Row => ({
  key: nextKey++,
  title: t.title,
  hours: fmtHours(t.hours),
  kesCodes: t.kesCodes ?? "",
  lessonType: t.lessonType ?? "",
  controlKind: t.controlKind ?? "",
  homework: t.homework ?? "",
});

const FIELDS: { key: keyof Omit<Row, "key">; label: string; width: string }[] = [
  { key: "title", label: "Тема", width: "w-[32%] min-w-64" },
  { key: "hours", label: "Часы", width: "w-16" },
  { key: "kesCodes", label: "КЭС", width: "w-24" },
  { key: "lessonType", label: "Тип урока", width: "min-w-36" },
  { key: "controlKind", label: "Вид контроля", width: "min-w-32" },
  { key: "homework", label: "Домашнее задание", width: "w-[24%] min-w-48" },
];

export function TopicEditor({
  planId,
  topics,
  curriculumHours,
}: {
  planId: number;
  topics: EditableTopic[];
  curriculumHours: number | null;
}) {
  const [rows, setRows] = useState<Row[]>(() =>
    topics.length
      ? topics.map(toRow)
      : [toRow({ title: "", hours: 1, kesCodes: null, lessonType: null, controlKind: null, homework: null })],
  );
  const update = (key: number, field: keyof Omit<Row, "key">, value: string) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  const move = (i: number, d: number) =>
    setRows((rs) => {
      const j = i + d;
      if (j < 0 || j >= rs.length) return rs;
      const copy = [...rs];
      [copy[i], copy[j]] = [copy[j], copy[i]];
      return copy;
    });
  const payload = rows.map((r) => ({
    title: r.title,
    hours: r.hours.replace(",", "."),
    kesCodes: r.kesCodes,
    lessonType: r.lessonType,
    controlKind: r.controlKind,
    homework: r.homework,
  }));
  const planned = totalHours(payload.map((p) => ({ hours: Number(p.hours) || 0 })));
  return (
    <ActionForm
      action={saveTopicsAction}
      resetOnSuccess={false}
      status="manual"
      label="Темы плана"
      success={(d) => `Сохранено тем: ${d.count}`}
    >
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="topics" value={JSON.stringify(payload)} />
      <Table label="Темы плана" maxHeight="none">
        <THead
          headers={["№", ...FIELDS.map((f) => f.label), { label: <span className="sr-only">Порядок и удаление</span> }]}
        />
        <tbody>
          {rows.map((r, i) => (
            <Tr key={r.key}>
              <Td className="tabular-nums">{i + 1}</Td>
              {FIELDS.map((f) => (
                <Td key={f.key} className={f.width}>
                  <Input
                    className="w-full"
                    value={r[f.key]}
                    onChange={(e) => update(r.key, f.key, e.target.value)}
                    aria-label={`${f.label}, строка ${i + 1}`}
                  />
                </Td>
              ))}
              <Td className="whitespace-nowrap">
                <Button variant="ghost" type="button" onClick={() => move(i, -1)} aria-label={`Выше, строка ${i + 1}`}>
                  ↑
                </Button>
                <Button variant="ghost" type="button" onClick={() => move(i, 1)} aria-label={`Ниже, строка ${i + 1}`}>
                  ↓
                </Button>
                <Button
                  variant="danger"
                  type="button"
                  onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                  aria-label={`Удалить строку ${i + 1}`}
                >
                  ✕
                </Button>
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          type="button"
          onClick={() =>
            setRows((rs) => [
              ...rs,
              toRow({ title: "", hours: 1, kesCodes: null, lessonType: null, controlKind: null, homework: null }),
            ])
          }
        >
          Добавить тему
        </Button>
        <SubmitButton>Сохранить темы</SubmitButton>
        <span className="text-sm text-slate-600">
          Итого: {fmtHours(planned)} ч{curriculumHours !== null && ` из ${fmtHours(curriculumHours)} по учебному плану`}
        </span>
        <FormStatus />
      </div>
    </ActionForm>
  );
}
