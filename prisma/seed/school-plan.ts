// The general school «Школа № 17»: classes 1А…11Б, subjects and weekly hours after the
// standard curriculum (ФОП, five-day week), teachers and their load (ORG-4…ORG-6).
import type { ClassDef, LoadDef, OrgPlan, SubjectDef, TeacherDef } from "./plan";
import type { Rng } from "./random";
import { makeTeacher } from "./staff";

const range = (a: number, b: number, h: number): Record<number, number> =>
  Object.fromEntries(Array.from({ length: b - a + 1 }, (_, i) => [a + i, h]));

type S = Omit<SubjectDef, "kind" | "controlKind"> & Partial<Pick<SubjectDef, "kind" | "controlKind">>;
const SUBJECTS: S[] = [
  {
    key: "rus",
    name: "Русский язык",
    shortName: "Рус. яз.",
    controlTypes: ["Диктант", "Контрольная работа", "Тест"],
    practiceType: "Самостоятельная работа",
    homework: "rus",
    humanities: true,
    perWeek: { ...range(1, 5, 5), 6: 6, 7: 4, 8: 3, 9: 3, 10: 2, 11: 2 },
  },
  {
    key: "litread",
    name: "Литературное чтение",
    shortName: "Лит. чт.",
    controlTypes: ["Тест"],
    homework: "read",
    humanities: true,
    perWeek: { 1: 4, 2: 4, 3: 4, 4: 3 },
  },
  {
    key: "lit",
    name: "Литература",
    shortName: "Лит-ра",
    controlTypes: ["Контрольная работа", "Тест"],
    homework: "lit",
    humanities: true,
    perWeek: { 5: 3, 6: 3, 7: 2, 8: 2, 9: 3, 10: 3, 11: 3 },
  },
  {
    key: "eng",
    name: "Иностранный язык (английский)",
    shortName: "Англ. яз.",
    controlTypes: ["Тест", "Контрольная работа"],
    practiceType: "Самостоятельная работа",
    homework: "eng",
    humanities: true,
    perWeek: { ...range(2, 4, 2), ...range(5, 11, 3) },
    subgroupsFromGrade: 2,
  },
  {
    key: "math",
    name: "Математика",
    shortName: "Матем.",
    controlTypes: ["Контрольная работа", "Тест"],
    practiceType: "Самостоятельная работа",
    homework: "math",
    perWeek: { ...range(1, 4, 4), 5: 5, 6: 5 },
  },
  {
    key: "alg",
    name: "Алгебра",
    shortName: "Алгебра",
    controlTypes: ["Контрольная работа", "Тест"],
    practiceType: "Самостоятельная работа",
    homework: "math",
    perWeek: range(7, 11, 3),
  },
  {
    key: "geom",
    name: "Геометрия",
    shortName: "Геом.",
    controlTypes: ["Контрольная работа", "Тест"],
    practiceType: "Самостоятельная работа",
    homework: "math",
    perWeek: range(7, 11, 2),
  },
  {
    key: "stat",
    name: "Вероятность и статистика",
    shortName: "Вер. и стат.",
    controlTypes: ["Контрольная работа"],
    homework: "math",
    perWeek: range(7, 11, 1),
  },
  {
    key: "inf",
    name: "Информатика",
    shortName: "Информ.",
    controlTypes: ["Тест", "Контрольная работа"],
    practiceType: "Практическая работа",
    homework: "text",
    perWeek: range(7, 11, 1),
  },
  {
    key: "world",
    name: "Окружающий мир",
    shortName: "Окр. мир",
    controlTypes: ["Тест"],
    practiceType: "Практическая работа",
    homework: "text",
    perWeek: range(1, 4, 2),
  },
  {
    key: "orkse",
    name: "Основы религиозных культур и светской этики",
    shortName: "ОРКСЭ",
    controlTypes: ["Проект"],
    homework: "text",
    humanities: true,
    perWeek: { 4: 1 },
  },
  {
    key: "hist",
    name: "История",
    shortName: "История",
    controlTypes: ["Тест", "Контрольная работа"],
    homework: "text",
    humanities: true,
    perWeek: range(5, 11, 2),
  },
  {
    key: "soc",
    name: "Обществознание",
    shortName: "Общ.",
    controlTypes: ["Тест"],
    homework: "text",
    humanities: true,
    perWeek: { ...range(6, 9, 1), 10: 2, 11: 2 },
  },
  {
    key: "geo",
    name: "География",
    shortName: "Геогр.",
    controlTypes: ["Тест"],
    practiceType: "Практическая работа",
    homework: "text",
    perWeek: { 5: 1, 6: 1, 7: 2, 8: 2, 9: 2, 10: 1, 11: 1 },
  },
  {
    key: "bio",
    name: "Биология",
    shortName: "Биол.",
    controlTypes: ["Тест", "Контрольная работа"],
    practiceType: "Лабораторная работа",
    homework: "lab",
    perWeek: { 5: 1, 6: 1, 7: 1, 8: 2, 9: 2, 10: 1, 11: 1 },
  },
  {
    key: "phys",
    name: "Физика",
    shortName: "Физика",
    controlTypes: ["Контрольная работа", "Тест"],
    practiceType: "Лабораторная работа",
    homework: "lab",
    perWeek: { 7: 2, 8: 2, 9: 3, 10: 2, 11: 2 },
  },
  {
    key: "chem",
    name: "Химия",
    shortName: "Химия",
    controlTypes: ["Контрольная работа", "Тест"],
    practiceType: "Практическая работа",
    homework: "lab",
    perWeek: { 8: 2, 9: 2, 10: 1, 11: 1 },
  },
  {
    key: "music",
    name: "Музыка",
    shortName: "Музыка",
    controlTypes: ["Тест"],
    homework: "art",
    perWeek: range(1, 8, 1),
  },
  {
    key: "art",
    name: "Изобразительное искусство",
    shortName: "ИЗО",
    controlTypes: ["Практическая работа"],
    homework: "art",
    perWeek: range(1, 7, 1),
  },
  {
    key: "tech",
    name: "Труд (технология)",
    shortName: "Труд",
    controlTypes: ["Практическая работа", "Проект"],
    homework: "art",
    perWeek: { ...range(1, 4, 1), ...range(5, 7, 2), 8: 1, 9: 1 },
  },
  {
    key: "pe",
    name: "Физическая культура",
    shortName: "Физ-ра",
    controlTypes: ["Зачёт"],
    homework: "pe",
    perWeek: range(1, 11, 2),
  },
  {
    key: "obzr",
    name: "Основы безопасности и защиты Родины",
    shortName: "ОБЗР",
    controlTypes: ["Тест"],
    homework: "text",
    perWeek: range(8, 11, 1),
  },
  {
    key: "proj",
    name: "Индивидуальный проект",
    shortName: "Инд. проект",
    controlTypes: ["Проект"],
    homework: "text",
    perWeek: { 10: 1 },
  },
];

const PRIMARY_SUBJECTS = ["rus", "litread", "math", "world", "orkse", "art", "tech"];

interface Pool {
  key: string;
  subjects: string[];
  grades: [number, number];
  size: number;
  position: string;
  rooms: string[];
  capacity: number;
  female: number;
}

const POOLS: Pool[] = [
  {
    key: "rus",
    subjects: ["rus", "lit"],
    grades: [5, 11],
    size: 5,
    position: "учитель русского языка и литературы",
    rooms: ["201", "202", "203", "204", "205"],
    capacity: 30,
    female: 0.95,
  },
  {
    key: "math",
    subjects: ["math", "alg", "geom", "stat"],
    grades: [5, 11],
    size: 4,
    position: "учитель математики",
    rooms: ["206", "207", "208", "209"],
    capacity: 30,
    female: 0.8,
  },
  {
    key: "eng",
    subjects: ["eng"],
    grades: [2, 11],
    size: 6,
    position: "учитель английского языка",
    rooms: ["301", "302", "303", "304", "305", "306"],
    capacity: 15,
    female: 0.9,
  },
  {
    key: "hist",
    subjects: ["hist", "soc"],
    grades: [5, 11],
    size: 2,
    position: "учитель истории и обществознания",
    rooms: ["210", "211"],
    capacity: 30,
    female: 0.6,
  },
  {
    key: "geo",
    subjects: ["geo"],
    grades: [5, 11],
    size: 1,
    position: "учитель географии",
    rooms: ["212"],
    capacity: 30,
    female: 0.8,
  },
  {
    key: "bio",
    subjects: ["bio"],
    grades: [5, 11],
    size: 1,
    position: "учитель биологии",
    rooms: ["Кабинет биологии"],
    capacity: 30,
    female: 0.9,
  },
  {
    key: "phys",
    subjects: ["phys"],
    grades: [7, 11],
    size: 1,
    position: "учитель физики",
    rooms: ["Кабинет физики"],
    capacity: 30,
    female: 0.5,
  },
  {
    key: "chem",
    subjects: ["chem"],
    grades: [8, 11],
    size: 1,
    position: "учитель химии",
    rooms: ["Кабинет химии"],
    capacity: 30,
    female: 0.9,
  },
  {
    key: "inf",
    subjects: ["inf", "proj"],
    grades: [7, 11],
    size: 1,
    position: "учитель информатики",
    rooms: ["Кабинет информатики"],
    capacity: 16,
    female: 0.4,
  },
  {
    key: "music",
    subjects: ["music"],
    grades: [1, 8],
    size: 1,
    position: "учитель музыки",
    rooms: ["Кабинет музыки"],
    capacity: 30,
    female: 0.9,
  },
  {
    key: "art",
    subjects: ["art", "tech"],
    grades: [5, 9],
    size: 1,
    position: "учитель ИЗО и труда (технологии)",
    rooms: ["Мастерская"],
    capacity: 28,
    female: 0.6,
  },
  {
    key: "pe",
    subjects: ["pe"],
    grades: [1, 11],
    size: 2,
    position: "учитель физической культуры",
    rooms: ["Спортзал № 1", "Спортзал № 2"],
    capacity: 60,
    female: 0.4,
  },
  {
    key: "obzr",
    subjects: ["obzr"],
    grades: [8, 11],
    size: 1,
    position: "преподаватель-организатор ОБЗР",
    rooms: ["214"],
    capacity: 30,
    female: 0.1,
  },
];

export const SCHOOL_DEMO_CLASS = "7А";
export const SCHOOL_DEMO_TEACHER = "math1";

export function buildSchoolPlan(rng: Rng): OrgPlan {
  const subjects: SubjectDef[] = SUBJECTS.map((s) => ({ kind: "SUBJECT", controlKind: "NONE", ...s }));
  const classes: ClassDef[] = [];
  for (let grade = 1; grade <= 11; grade++) {
    for (const letter of ["А", "Б"]) {
      classes.push({
        name: `${grade}${letter}`,
        grade,
        letter,
        periodKind: grade >= 10 ? "HALF_YEAR" : "QUARTER",
        subjects: Object.fromEntries(subjects.filter((s) => s.perWeek?.[grade]).map((s) => [s.key, s.perWeek![grade]])),
      });
    }
  }
  const teachers: TeacherDef[] = [];
  const used = new Set<string>();
  const loads: LoadDef[] = [];
  const classTeachers: Record<string, string> = {};
  const hours = (c: ClassDef, keys: string[]): number => keys.reduce((s, k) => s + (c.subjects[k] ?? 0), 0);

  // Primary school: one teacher per class teaches everything but English, music and PE.
  classes
    .filter((c) => c.grade <= 4)
    .forEach((c, i) => {
      const t = makeTeacher(rng, used, `prim${i + 1}`, "учитель начальных классов", `10${i + 1}`, 28, 0.97);
      teachers.push(t);
      classTeachers[c.name] = t.key;
      for (const k of PRIMARY_SUBJECTS) {
        if (c.subjects[k]) loads.push({ className: c.name, subjectKey: k, teacherKey: t.key, perWeek: c.subjects[k] });
      }
    });

  for (const pool of POOLS) {
    const staff = Array.from({ length: pool.size }, (_, i) => {
      const key = `${pool.key}${i + 1}`;
      const t =
        key === SCHOOL_DEMO_TEACHER
          ? makeTeacher(rng, used, key, pool.position, pool.rooms[i], pool.capacity, 1, {
              name: { lastName: "Соколова", firstName: "Елена", middleName: "Викторовна", sex: "FEMALE" },
              login: "teacher",
              birthYear: 1984,
            })
          : makeTeacher(rng, used, key, pool.position, pool.rooms[i], pool.capacity, pool.female);
      teachers.push(t);
      return { key, load: 0 };
    });
    const own = classes.filter(
      (c) => c.grade >= pool.grades[0] && c.grade <= pool.grades[1] && hours(c, pool.subjects) > 0,
    );
    // Largest loads first, each to the least loaded teacher (the demo teacher keeps the demo class).
    const order = [...own].sort(
      (a, b) => hours(b, pool.subjects) - hours(a, pool.subjects) || a.name.localeCompare(b.name),
    );
    const give = (c: ClassDef, teacherKey: string, subgroup?: number): void => {
      const t = staff.find((s) => s.key === teacherKey)!;
      for (const k of pool.subjects) {
        const perWeek = c.subjects[k];
        if (!perWeek) continue;
        loads.push({ className: c.name, subjectKey: k, teacherKey, subgroup, perWeek });
        t.load += perWeek;
      }
    };
    const leastLoaded = (except: string[] = []): string =>
      [...staff].filter((s) => !except.includes(s.key)).sort((a, b) => a.load - b.load || a.key.localeCompare(b.key))[0]
        .key;
    if (pool.key === "math")
      give(
        classes.find((c) => c.name === SCHOOL_DEMO_CLASS)!,
        SCHOOL_DEMO_TEACHER,
      );
    for (const c of order) {
      if (pool.key === "math" && c.name === SCHOOL_DEMO_CLASS) continue;
      if (pool.key === "eng") {
        const first = leastLoaded();
        give(c, first, 1);
        give(c, leastLoaded([first]), 2);
      } else {
        give(c, leastLoaded());
      }
    }
  }

  // Class teachers of 5–11 among the subject teachers of the class, one class each.
  classTeachers[SCHOOL_DEMO_CLASS] = SCHOOL_DEMO_TEACHER;
  const taken = new Set(Object.values(classTeachers));
  for (const c of classes.filter((x) => x.grade >= 5 && !classTeachers[x.name])) {
    const candidates = [...new Set(loads.filter((l) => l.className === c.name).map((l) => l.teacherKey))].filter(
      (k) => !taken.has(k) && !k.startsWith("pe") && !k.startsWith("obzr"),
    );
    const pick = rng.pick(candidates.sort());
    classTeachers[c.name] = pick;
    taken.add(pick);
  }
  return {
    subjects,
    classes,
    teachers,
    loads,
    classTeachers,
    lessonHours: 1,
    maxPerDay: (g) => (g === 1 ? 4 : g <= 4 ? 5 : 7),
    weeks: 34,
  };
}
