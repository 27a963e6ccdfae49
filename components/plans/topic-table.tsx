// The plan's topics read-only (submitted and approved plans, and for viewers).
import { fmtHours } from "@/lib/plans/rules";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import type { EditableTopic } from "./topic-editor";

const COLUMNS: readonly DataColumn[] = [
  { key: "n", header: "№", align: "right" },
  { key: "title", header: "Тема", rowHeader: true },
  { key: "hours", header: "Часы", align: "right" },
  { key: "kes", header: "КЭС" },
  { key: "type", header: "Тип урока" },
  { key: "control", header: "Вид контроля" },
  { key: "homework", header: "Домашнее задание" },
];

export function TopicTable({ topics }: { topics: (EditableTopic & { id: number; position: number })[] }) {
  const rows = topics.map((t) => ({
    key: t.id,
    cells: {
      n: t.position,
      title: t.title,
      hours: fmtHours(t.hours),
      kes: t.kesCodes,
      type: t.lessonType,
      control: t.controlKind,
      homework: t.homework,
    },
  }));
  return <DataTable label="Темы плана" empty="В плане нет тем." columns={COLUMNS} rows={rows} />;
}
