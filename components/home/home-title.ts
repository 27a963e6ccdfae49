// The home page each login role lands on: the first role of the user in this order decides.
import { ROLES, type Role } from "@/lib/access/roles";
import { vocabulary } from "@/lib/org/vocabulary";

/** The staff roles in their usual order, then the family: a parent who also works here lands on the work desk. */
const FAMILY: readonly Role[] = ["PARENT", "STUDENT"];
const ORDER: readonly Role[] = [...ROLES.filter((role) => !FAMILY.includes(role)), ...FAMILY];

export function primaryRole(roles: readonly Role[]): Role | null {
  return ORDER.find((role) => roles.includes(role)) ?? null;
}

export function homeTitle(role: Role, college: boolean): string {
  switch (role) {
    case "ADMIN":
      return "Администрирование";
    case "DIRECTOR":
      return "Рабочий стол директора";
    case "DEPUTY":
      return "Рабочий стол заместителя директора";
    case "HEAD_OF_DEPT":
      return "Рабочий стол заведующего отделением";
    case "SCHEDULER":
      return "Рабочий стол диспетчера расписания";
    case "SECRETARY":
      return "Рабочий стол секретаря";
    case "TEACHER":
      return `Рабочий стол ${vocabulary(college).teacher.gen}`;
    case "MEDIC":
      return "Рабочий стол медработника";
    case "PSYCHOLOGIST":
      return "Рабочий стол психолога";
    case "STAFF":
      return "Объявления";
    case "PARENT":
      return "Мои дети";
    case "STUDENT":
      return "Мой день";
  }
}
