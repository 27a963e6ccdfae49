// The college «Самарский политехнический колледж»: two specialties, groups of the first
// and second course, general and professional disciplines, the professional module
// ПМ.01 with its МДК and the educational practice УП.01 (ORG-4, ORG-5).
import type { ClassDef, LoadDef, OrgPlan, SubjectDef, TeacherDef } from "./plan";
import type { Rng } from "./random";
import { makeTeacher } from "./staff";

type S = Omit<SubjectDef, "kind" | "homework"> & Partial<Pick<SubjectDef, "kind" | "homework">>;
const T = ["Контрольная работа", "Тест"];
const SUBJECTS: S[] = [
  { key: "c_rus", code: "ООД.01", name: "Русский язык", shortName: "Рус. яз.", controlKind: "EXAM", controlTypes: ["Диктант", "Контрольная работа"], humanities: true, homework: "rus" },
  { key: "c_lit", code: "ООД.02", name: "Литература", shortName: "Лит-ра", controlKind: "DIFF_CREDIT", controlTypes: T, humanities: true, homework: "lit" },
  { key: "c_eng", code: "ООД.03", name: "Иностранный язык", shortName: "Ин. яз.", controlKind: "DIFF_CREDIT", controlTypes: ["Тест"], humanities: true, homework: "eng" },
  { key: "c_math", code: "ООД.04", name: "Математика", shortName: "Матем.", controlKind: "EXAM", controlTypes: T, practiceType: "Самостоятельная работа", homework: "math" },
  { key: "c_hist", code: "ООД.05", name: "История", shortName: "История", controlKind: "DIFF_CREDIT", controlTypes: ["Тест"], humanities: true, homework: "text" },
  { key: "c_pe", code: "ООД.06", name: "Физическая культура", shortName: "Физ-ра", controlKind: "DIFF_CREDIT", controlTypes: ["Зачёт"], homework: "pe" },
  { key: "c_obzr", code: "ООД.07", name: "Основы безопасности и защиты Родины", shortName: "ОБЗР", controlKind: "DIFF_CREDIT", controlTypes: ["Тест"], homework: "text" },
  { key: "c_inf", code: "ООД.08", name: "Информатика", shortName: "Информ.", controlKind: "DIFF_CREDIT", controlTypes: T, practiceType: "Практическая работа", homework: "text" },
  { key: "c_phys", code: "ООД.09", name: "Физика", shortName: "Физика", controlKind: "DIFF_CREDIT", controlTypes: T, practiceType: "Лабораторная работа", homework: "lab" },
  { key: "c_chem", code: "ООД.10", name: "Химия", shortName: "Химия", controlKind: "DIFF_CREDIT", controlTypes: T, practiceType: "Лабораторная работа", homework: "lab" },
  { key: "c_bio", code: "ООД.11", name: "Биология", shortName: "Биол.", controlKind: "DIFF_CREDIT", controlTypes: ["Тест"], homework: "lab" },
  { key: "c_soc", code: "ООД.12", name: "Обществознание", shortName: "Общ.", controlKind: "DIFF_CREDIT", controlTypes: ["Тест"], humanities: true, homework: "text" },
  { key: "c_geo", code: "ООД.13", name: "География", shortName: "Геогр.", controlKind: "DIFF_CREDIT", controlTypes: ["Тест"], practiceType: "Практическая работа", homework: "text" },
  { key: "c_histrus", code: "СГ.01", name: "История России", shortName: "Ист. России", controlKind: "DIFF_CREDIT", controlTypes: ["Тест"], humanities: true },
  { key: "c_engprof", code: "СГ.02", name: "Иностранный язык в профессиональной деятельности", shortName: "Ин. яз. в ПД", controlKind: "DIFF_CREDIT", controlTypes: ["Тест"], humanities: true, homework: "eng" },
  { key: "c_psy", code: "СГ.05", name: "Психология общения", shortName: "Псих. общ.", controlKind: "CREDIT", passFail: true, controlTypes: ["Зачёт"], humanities: true },
  { key: "c_bzd", code: "ОП.07", name: "Безопасность жизнедеятельности", shortName: "БЖД", controlKind: "CREDIT", passFail: true, controlTypes: ["Зачёт"] },
  { key: "c_highmath", code: "ЕН.01", name: "Элементы высшей математики", shortName: "Высш. мат.", controlKind: "EXAM", controlTypes: T, practiceType: "Практическая работа", homework: "math" },
  { key: "c_discr", code: "ЕН.02", name: "Дискретная математика с элементами математической логики", shortName: "Дискр. мат.", controlKind: "DIFF_CREDIT", controlTypes: T, homework: "math" },
  { key: "c_os", code: "ОП.01", name: "Операционные системы и среды", shortName: "ОС и среды", controlKind: "DIFF_CREDIT", controlTypes: ["Тест"], practiceType: "Практическая работа" },
  { key: "c_arch", code: "ОП.02", name: "Архитектура аппаратных средств", shortName: "Арх. АС", controlKind: "DIFF_CREDIT", controlTypes: ["Тест"], practiceType: "Лабораторная работа" },
  { key: "c_it", code: "ОП.03", name: "Информационные технологии", shortName: "Инф. техн.", controlKind: "EXAM", controlTypes: T, practiceType: "Практическая работа" },
  { key: "c_algo", code: "ОП.04", name: "Основы алгоритмизации и программирования", shortName: "Осн. алг.", controlKind: "EXAM", controlTypes: T, practiceType: "Лабораторная работа" },
  { key: "pm_is", code: "ПМ.01", kind: "MODULE", name: "Разработка модулей программного обеспечения для компьютерных систем", shortName: "ПМ.01", controlKind: "EXAM", controlTypes: [] },
  { key: "mdk_is1", code: "МДК.01.01", kind: "MDK", parentKey: "pm_is", name: "Разработка программных модулей", shortName: "МДК.01.01", controlKind: "EXAM", controlTypes: ["Контрольная работа"], practiceType: "Лабораторная работа" },
  { key: "mdk_is2", code: "МДК.01.02", kind: "MDK", parentKey: "pm_is", name: "Поддержка и тестирование программных модулей", shortName: "МДК.01.02", controlKind: "DIFF_CREDIT", controlTypes: ["Тест"], practiceType: "Практическая работа" },
  { key: "up_is", code: "УП.01", kind: "PRACTICE", parentKey: "pm_is", practiceKind: "EDUCATIONAL", name: "Учебная практика по разработке программных модулей", shortName: "УП.01", controlKind: "DIFF_CREDIT", controlTypes: ["Практическая работа"] },
  { key: "c_graph", code: "ОП.01", name: "Инженерная графика", shortName: "Инж. граф.", controlKind: "EXAM", controlTypes: ["Контрольная работа"], practiceType: "Практическая работа" },
  { key: "c_mech", code: "ОП.02", name: "Техническая механика", shortName: "Тех. мех.", controlKind: "EXAM", controlTypes: T, practiceType: "Практическая работа", homework: "math" },
  { key: "c_mat", code: "ОП.03", name: "Материаловедение", shortName: "Материаловед.", controlKind: "DIFF_CREDIT", controlTypes: ["Тест"], practiceType: "Лабораторная работа" },
  { key: "c_metr", code: "ОП.04", name: "Метрология, стандартизация и сертификация", shortName: "Метрология", controlKind: "DIFF_CREDIT", controlTypes: ["Тест"], practiceType: "Практическая работа" },
  { key: "c_form", code: "ОП.05", name: "Процессы формообразования и инструменты", shortName: "Формообр.", controlKind: "EXAM", controlTypes: T },
  { key: "c_equip", code: "ОП.06", name: "Технологическое оборудование", shortName: "Тех. оборуд.", controlKind: "DIFF_CREDIT", controlTypes: ["Тест"] },
  { key: "pm_tm", code: "ПМ.01", kind: "MODULE", name: "Разработка технологических процессов изготовления деталей машин", shortName: "ПМ.01 (ТМ)", controlKind: "EXAM", controlTypes: [] },
  { key: "mdk_tm1", code: "МДК.01.01", kind: "MDK", parentKey: "pm_tm", name: "Технологические процессы изготовления деталей машин", shortName: "МДК.01.01 (ТМ)", controlKind: "EXAM", controlTypes: ["Контрольная работа"], practiceType: "Практическая работа" },
  { key: "mdk_tm2", code: "МДК.01.02", kind: "MDK", parentKey: "pm_tm", name: "Системы автоматизированного проектирования и программирования в машиностроении", shortName: "МДК.01.02 (ТМ)", controlKind: "DIFF_CREDIT", controlTypes: ["Практическая работа"], practiceType: "Практическая работа" },
];

const FIRST = { c_rus: 1, c_lit: 1, c_eng: 1, c_math: 2, c_hist: 1, c_pe: 1, c_obzr: 1, c_chem: 1, c_bio: 1, c_soc: 1, c_geo: 1 };
const GROUPS: ClassDef[] = [
  { name: "ИС-11", grade: 1, periodKind: "SEMESTER", specialtyCode: "09.02.07", specialty: "Информационные системы и программирование", departmentKey: "it", subjects: { ...FIRST, c_inf: 3, c_phys: 1 } },
  { name: "ИС-21", grade: 2, periodKind: "SEMESTER", specialtyCode: "09.02.07", specialty: "Информационные системы и программирование", departmentKey: "it", subjects: { c_engprof: 1, c_pe: 1, c_histrus: 1, c_psy: 1, c_highmath: 2, c_discr: 1, c_os: 2, c_arch: 1, c_it: 2, c_algo: 2, mdk_is1: 2, mdk_is2: 1, up_is: 1 } },
  { name: "ТМ-11", grade: 1, periodKind: "SEMESTER", specialtyCode: "15.02.16", specialty: "Технология машиностроения", departmentKey: "mech", subjects: { ...FIRST, c_inf: 1, c_phys: 2 } },
  { name: "ТМ-21", grade: 2, periodKind: "SEMESTER", specialtyCode: "15.02.16", specialty: "Технология машиностроения", departmentKey: "mech", subjects: { c_engprof: 1, c_pe: 1, c_histrus: 1, c_bzd: 1, c_graph: 2, c_mech: 2, c_mat: 2, c_metr: 1, c_form: 2, c_equip: 1, mdk_tm1: 2, mdk_tm2: 1 } },
];

const TEACHERS: Array<{ key: string; subjects: string[]; room: string; capacity: number; female: number }> = (
  [
  { key: "it1", subjects: ["c_inf", "c_algo", "mdk_is1"], room: "Лаборатория программирования", capacity: 25 },
  { key: "rus", subjects: ["c_rus", "c_lit"], room: "201", capacity: 30, female: 0.95 },
  { key: "eng", subjects: ["c_eng", "c_engprof"], room: "202", capacity: 30, female: 0.9 },
  { key: "math", subjects: ["c_math", "c_highmath", "c_discr"], room: "203", capacity: 30, female: 0.7 },
  { key: "hist", subjects: ["c_hist", "c_soc", "c_geo", "c_histrus"], room: "204", capacity: 30, female: 0.6 },
  { key: "pe", subjects: ["c_pe"], room: "Спортзал", capacity: 60, female: 0.3 },
  { key: "obzr", subjects: ["c_obzr", "c_bzd"], room: "205", capacity: 30, female: 0.1 },
  { key: "phys", subjects: ["c_phys", "c_mech"], room: "Лаборатория физики", capacity: 30, female: 0.4 },
  { key: "chem", subjects: ["c_chem", "c_bio"], room: "Лаборатория химии", capacity: 30, female: 0.9 },
  { key: "it2", subjects: ["c_os", "c_arch", "c_it"], room: "Компьютерный класс № 1", capacity: 25, female: 0.4 },
  { key: "it3", subjects: ["mdk_is2", "up_is"], room: "Компьютерный класс № 2", capacity: 25, female: 0.4 },
  { key: "psy", subjects: ["c_psy"], room: "206", capacity: 30, female: 0.9 },
  { key: "tm1", subjects: ["c_graph", "c_metr"], room: "Кабинет инженерной графики", capacity: 30, female: 0.5 },
  { key: "tm2", subjects: ["c_mat", "c_form", "c_equip"], room: "Мастерская", capacity: 25, female: 0.1 },
  { key: "tm3", subjects: ["mdk_tm1", "mdk_tm2"], room: "Кабинет технологии машиностроения", capacity: 30, female: 0.3 },
  ] as Array<{ key: string; subjects: string[]; room: string; capacity: number; female?: number }>
).map((t) => ({ ...t, female: t.female ?? 0.7 }));

export const COLLEGE_DEMO_GROUP = "ИС-21";

export function buildCollegePlan(rng: Rng, used: Set<string>): OrgPlan {
  const subjects: SubjectDef[] = SUBJECTS.map((s) => ({ kind: "DISCIPLINE", homework: "college", ...s }));
  const teachers: TeacherDef[] = TEACHERS.map((t) =>
    t.key === "it1"
      ? makeTeacher(rng, used, t.key, "преподаватель", t.room, t.capacity, 0, {
          name: { lastName: "Ковалёв", firstName: "Сергей", middleName: "Андреевич", sex: "MALE" },
          login: "teacher",
          birthYear: 1986,
        })
      : makeTeacher(rng, used, t.key, "преподаватель", t.room, t.capacity, t.female),
  );
  const loads: LoadDef[] = [];
  for (const g of GROUPS) {
    for (const [subjectKey, perWeek] of Object.entries(g.subjects)) {
      const t = TEACHERS.find((x) => x.subjects.includes(subjectKey));
      if (!t) throw new Error(`no college teacher for ${subjectKey}`);
      loads.push({ className: g.name, subjectKey, teacherKey: t.key, perWeek });
    }
  }
  return {
    subjects,
    classes: GROUPS,
    teachers,
    loads,
    classTeachers: { "ИС-11": "math", "ИС-21": "it1", "ТМ-11": "phys", "ТМ-21": "tm3" },
    lessonHours: 2,
    maxPerDay: () => 4,
    weeks: 36,
  };
}
