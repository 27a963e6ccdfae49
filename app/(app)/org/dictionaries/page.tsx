// «Справочники»: assignment types with weights (ORG-7) and rooms (SCH-1).
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadAssignmentTypes, loadRooms } from "@/lib/org/setup/loaders";
import { DirectoryTable } from "@/components/org/directory-table";
import { newRowOf, rowsOf } from "@/components/org/rows";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Справочники" };

export default async function DictionariesPage() {
  const { user } = await requireAccess("dict.edit");
  const [types, rooms] = await Promise.all([loadAssignmentTypes(user), loadRooms(user)]);
  const typeFields = [
    { name: "name", label: "Тип задания" },
    { name: "shortName", label: "Сокр." },
    { name: "weight", label: "Вес" },
    { name: "isControl", label: "Контрольная", type: "checkbox" as const },
    { name: "isActive", label: "Используется", type: "checkbox" as const },
    { name: "sortOrder", label: "Порядок", type: "number" as const },
  ];
  const roomFields = [
    { name: "name", label: "Кабинет" },
    { name: "capacity", label: "Мест", type: "number" as const },
    { name: "building", label: "Корпус" },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title="Справочники" />
      <DirectoryTable
        title="Типы заданий"
        fields={typeFields}
        widths={["minmax(0,3fr)", "6rem", "5rem", "6rem", "6rem", "5rem"]}
        rows={rowsOf("assignmentType", types, typeFields, true)}
        newRow={newRowOf("assignmentType", null, {
          weight: "1",
          isActive: "true",
          sortOrder: String(types.length + 1),
        })}
      />
      <DirectoryTable
        title="Кабинеты"
        fields={roomFields}
        rows={rowsOf("room", rooms, roomFields, true)}
        newRow={newRowOf("room", null)}
      />
    </div>
  );
}
