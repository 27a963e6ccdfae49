// One vocabulary by organisation type (PRN-3, DAY-6): a school says класс, ученик, учитель,
// классный руководитель, урок, предмет, четверть, параллель; a college (СПО) says группа, студент,
// преподаватель, куратор, занятие, дисциплина, семестр, курс — and counts absences in academic
// hours. Printed forms and pages take their words from here, never from a local «isCollege ? …».
// Pure data and functions (no server imports), so server and client components can both use it:
//   const v = vocabulary(org.kind);   v.class.nom → «группа», v.student.genPl → «студентов»,
//   cap(v.classTeacher.nom) → «Куратор», countOf(3, v.lesson) → «3 занятия».

export type OrgKindName = "SCHOOL" | "COLLEGE";

/** A noun in the cases the product uses, singular and plural. */
export type Word = {
  nom: string;
  gen: string;
  dat: string;
  acc: string;
  ins: string;
  prep: string;
  nomPl: string;
  genPl: string;
  datPl: string;
  insPl: string;
  prepPl: string;
};

export type Vocabulary = {
  kind: OrgKindName;
  /** класс / группа */
  class: Word;
  /** ученик / студент */
  student: Word;
  /** учитель / преподаватель */
  teacher: Word;
  /** классный руководитель / куратор */
  classTeacher: Word;
  /** урок / занятие */
  lesson: Word;
  /** предмет / дисциплина */
  subject: Word;
  /** четверть / семестр: the usual study period of the organisation */
  period: Word;
  /** параллель / курс */
  parallel: Word;
  /** What absences are counted in: уроки (school) / часы (college, academic hours, JRN-4). */
  unit: Word;
  /** DAY-6: the exam season's title (SCH-5) — «Промежуточная аттестация» / «Сессия» (never «Сессия» at a school). */
  examSeason: string;
  /** DAY-6: «весь класс» / «вся группа» — a lesson or load for no subgroup. */
  wholeClass: string;
  /** «вашего класса» / «вашей группы» (the family's pages). */
  yourClass: string;
  /** «вся параллель» / «весь курс». */
  wholeParallel: string;
  /** «на всю параллель» / «на весь курс» (accusative). */
  forWholeParallel: string;
  /** «класс не выбран» / «группа не выбрана». */
  classNotChosen: string;
  /** «класс не найден» / «группа не найдена». */
  classNotFound: string;
  /** «предмет не найден» / «дисциплина не найдена». */
  subjectNotFound: string;
  /** «дополнительный урок» / «дополнительное занятие» (schedule changes). */
  extraLesson: string;
  /** «добавлен урок» / «добавлено занятие» (a schedule change of kind ADD). */
  lessonAdded: string;
  /** «этот класс» / «эта группа» in every case (the pronoun agrees with the noun). */
  thisClass: Word;
  /** «с тем же предметом» / «с той же дисциплиной». */
  withSameSubject: string;
  /** DAY-6, round 23: the journal's own name — «классный журнал» / «журнал учебных занятий» (the college's
   *  document, СПО); CTL-1's «Отчёт о доступе к классному журналу», the journal page's title. */
  journal: Word;
  /** DAY-6, round 23: a cancelled lesson's mark — «отменён» / «отменено» (the participle agrees with the noun). */
  lessonCancelled: string;
  /** «(урок) заполнен» / «(занятие) заполнено» — DUT-1's explanation on /control (round 23). */
  lessonFilled: string;
  /** «только урок открыт» agreement: «открыт только урок» / «открыто только занятие» (the journal's substitute view). */
  onlyLessonOpen: string;
  /** «(по) каждому предмету» / «(по) каждой дисциплине» (the pronoun agrees with the noun; period closing). */
  eachSubject: string;
  /** «(по) каждому классу» / «(по) каждой группе» (the archive's printed journals). */
  eachClass: string;
  /** DAY-6, round 23: школа / колледж — who runs the clubs' enrolment (the diary's clubs page). */
  organisation: Word;
  /** DAY-6, round 24: «этот урок» / «это занятие» (nominative; the pronoun agrees with the noun). */
  thisLesson: string;
  /** DAY-6, round 24: «урок не найден» / «занятие не найдено». */
  lessonNotFound: string;
  /** DAY-6, round 24: a lesson's change in the schedule (PRG-3) — «добавлен / удалён / изменён» agree with
   *  «урок», a college's «занятие» is neuter: «добавлено / удалено / изменено». */
  lessonChange: { added: string; removed: string; changed: string };
  /** DAY-6, round 24: «ур.» / «зан.» — a count of lessons in a narrow cell. */
  lessonShort: string;
  /** DAY-6, round 24: «(учитель) этого предмета» / «(преподаватель) этой дисциплины». */
  ofThisSubject: string;
  /** DAY-6, round 24: the possessive that refers back to the class — «его (классный руководитель)» / «её (куратор)». */
  classIts: string;
};

function word(forms: string): Word {
  const [nom, gen, dat, acc, ins, prep, nomPl, genPl, datPl, insPl, prepPl] = forms.split(",").map((s) => s.trim());
  return { nom, gen, dat, acc, ins, prep, nomPl, genPl, datPl, insPl, prepPl };
}

const SCHOOL: Vocabulary = {
  kind: "SCHOOL",
  class: word("класс, класса, классу, класс, классом, классе, классы, классов, классам, классами, классах"),
  student: word(
    "ученик, ученика, ученику, ученика, учеником, ученике, ученики, учеников, ученикам, учениками, учениках",
  ),
  teacher: word(
    "учитель, учителя, учителю, учителя, учителем, учителе, учителя, учителей, учителям, учителями, учителях",
  ),
  classTeacher: word(
    "классный руководитель, классного руководителя, классному руководителю, классного руководителя, классным руководителем, классном руководителе, классные руководители, классных руководителей, классным руководителям, классными руководителями, классных руководителях",
  ),
  lesson: word("урок, урока, уроку, урок, уроком, уроке, уроки, уроков, урокам, уроками, уроках"),
  subject: word(
    "предмет, предмета, предмету, предмет, предметом, предмете, предметы, предметов, предметам, предметами, предметах",
  ),
  period: word(
    "четверть, четверти, четверти, четверть, четвертью, четверти, четверти, четвертей, четвертям, четвертями, четвертях",
  ),
  parallel: word(
    "параллель, параллели, параллели, параллель, параллелью, параллели, параллели, параллелей, параллелям, параллелями, параллелях",
  ),
  unit: word("урок, урока, уроку, урок, уроком, уроке, уроки, уроков, урокам, уроками, уроках"),
  examSeason: "Промежуточная аттестация",
  wholeClass: "весь класс",
  yourClass: "вашего класса",
  wholeParallel: "вся параллель",
  forWholeParallel: "на всю параллель",
  classNotChosen: "класс не выбран",
  classNotFound: "класс не найден",
  subjectNotFound: "предмет не найден",
  extraLesson: "дополнительный урок",
  lessonAdded: "добавлен урок",
  withSameSubject: "с тем же предметом",
  lessonCancelled: "отменён",
  lessonFilled: "заполнен",
  onlyLessonOpen: "открыт только урок",
  eachSubject: "каждому предмету",
  eachClass: "каждому классу",
  organisation: word("школа, школы, школе, школу, школой, школе, школы, школ, школам, школами, школах"),
  thisLesson: "этот урок",
  lessonNotFound: "урок не найден",
  lessonChange: { added: "добавлен", removed: "удалён", changed: "изменён" },
  lessonShort: "ур.",
  classIts: "его",
  ofThisSubject: "этого предмета",
  journal: word(
    "классный журнал, классного журнала, классному журналу, классный журнал, классным журналом, классном журнале, классные журналы, классных журналов, классным журналам, классными журналами, классных журналах",
  ),
  thisClass: word(
    "этот класс, этого класса, этому классу, этот класс, этим классом, этом классе, эти классы, этих классов, этим классам, этими классами, этих классах",
  ),
};

const COLLEGE: Vocabulary = {
  kind: "COLLEGE",
  class: word("группа, группы, группе, группу, группой, группе, группы, групп, группам, группами, группах"),
  student: word(
    "студент, студента, студенту, студента, студентом, студенте, студенты, студентов, студентам, студентами, студентах",
  ),
  teacher: word(
    "преподаватель, преподавателя, преподавателю, преподавателя, преподавателем, преподавателе, преподаватели, преподавателей, преподавателям, преподавателями, преподавателях",
  ),
  classTeacher: word(
    "куратор, куратора, куратору, куратора, куратором, кураторе, кураторы, кураторов, кураторам, кураторами, кураторах",
  ),
  lesson: word(
    "занятие, занятия, занятию, занятие, занятием, занятии, занятия, занятий, занятиям, занятиями, занятиях",
  ),
  subject: word(
    "дисциплина, дисциплины, дисциплине, дисциплину, дисциплиной, дисциплине, дисциплины, дисциплин, дисциплинам, дисциплинами, дисциплинах",
  ),
  period: word(
    "семестр, семестра, семестру, семестр, семестром, семестре, семестры, семестров, семестрам, семестрами, семестрах",
  ),
  parallel: word("курс, курса, курсу, курс, курсом, курсе, курсы, курсов, курсам, курсами, курсах"),
  unit: word("час, часа, часу, час, часом, часе, часы, часов, часам, часами, часах"),
  examSeason: "Сессия",
  wholeClass: "вся группа",
  yourClass: "вашей группы",
  wholeParallel: "весь курс",
  forWholeParallel: "на весь курс",
  classNotChosen: "группа не выбрана",
  classNotFound: "группа не найдена",
  subjectNotFound: "дисциплина не найдена",
  extraLesson: "дополнительное занятие",
  lessonAdded: "добавлено занятие",
  withSameSubject: "с той же дисциплиной",
  lessonCancelled: "отменено",
  lessonFilled: "заполнено",
  onlyLessonOpen: "открыто только занятие",
  eachSubject: "каждой дисциплине",
  eachClass: "каждой группе",
  organisation: word(
    "колледж, колледжа, колледжу, колледж, колледжем, колледже, колледжи, колледжей, колледжам, колледжами, колледжах",
  ),
  thisLesson: "это занятие",
  lessonNotFound: "занятие не найдено",
  lessonChange: { added: "добавлено", removed: "удалено", changed: "изменено" },
  lessonShort: "зан.",
  classIts: "её",
  ofThisSubject: "этой дисциплины",
  journal: word(
    "журнал учебных занятий, журнала учебных занятий, журналу учебных занятий, журнал учебных занятий, журналом учебных занятий, журнале учебных занятий, журналы учебных занятий, журналов учебных занятий, журналам учебных занятий, журналами учебных занятий, журналах учебных занятий",
  ),
  thisClass: word(
    "эта группа, этой группы, этой группе, эту группу, этой группой, этой группе, эти группы, этих групп, этим группам, этими группами, этих группах",
  ),
};

/** The words of an organisation of this kind (`true` = a college, as the reports pass it). */
export function vocabulary(kind: OrgKindName | boolean): Vocabulary {
  return kind === "COLLEGE" || kind === true ? COLLEGE : SCHOOL;
}

/** The hint under a class × subject picker before a choice (the journal's, the finals'; DAY-6). */
export function choosePickerHint(v: Vocabulary): string {
  return `Выберите ${v.class.acc} и ${v.subject.acc}, затем нажмите «Открыть».`;
}

/** The first letter in upper case: cap(v.classTeacher.nom) → «Классный руководитель». */
export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The form that goes with a number: 1 урок, 3 урока, 11 уроков, 21 урок (nom / gen / genPl). */
export function pluralOf(n: number, w: Word): string {
  return plural(n, w.nom, w.gen, w.genPl);
}

/** The same for any word: plural(1, "письмо", "письма", "писем") → «письмо»; 5 → «писем» (DAY-12). */
export function plural(n: number, one: string, few: string, many: string): string {
  const abs = Math.abs(Math.trunc(n));
  if (!Number.isInteger(n)) return few; // 1,5 часа
  const tens = abs % 100;
  const units = abs % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/** A lesson by its number in the day: «2-й урок» (school), «2-е занятие» (college). */
export function lessonNumber(v: Vocabulary, n: number): string {
  return `${n}-${v.kind === "COLLEGE" ? "е" : "й"} ${v.lesson.nom}`;
}

/** «3 занятия», «1,5 часа». */
export function countOf(n: number, w: Word): string {
  return `${formatNumber(n)} ${pluralOf(n, w)}`;
}

/**
 * A number the Russian way (DAY-12): «0,5», «1,25», never «0.5». With `fractionDigits` it is rounded
 * to exactly that many digits («4,50»); thousands are not grouped (journal figures stay short).
 */
export function formatNumber(n: number, fractionDigits?: number): string {
  return (fractionDigits === undefined ? String(n) : n.toFixed(fractionDigits)).replace(".", ",");
}

/** What a grade's number counts: «класс» (7 класс) / «курс» (2 курс) — DAY-6. */
export function gradeWord(v: Vocabulary): string {
  return v.kind === "COLLEGE" ? v.parallel.nom : v.class.nom;
}

/** «вся школа» / «весь колледж» (genitive: «всей школы» / «всего колледжа») — an event for the whole organisation (DAY-6, round 24). */
export function wholeOrganisation(v: Vocabulary, genitive = false): string {
  const college = v.kind === "COLLEGE";
  const all = genitive ? (college ? "всего" : "всей") : college ? "весь" : "вся";
  return `${all} ${genitive ? v.organisation.gen : v.organisation.nom}`;
}

/** The grade field of a programme or a material (DAY-6, round 24): «Класс (параллель)» / «Курс». */
export function gradeFieldLabel(v: Vocabulary): string {
  return v.kind === "COLLEGE" ? cap(v.parallel.nom) : `${cap(v.class.nom)} (${v.parallel.nom})`;
}

/** A grade as a programme or a class names it: «7 класс» / «2 курс» (DAY-6). */
export function gradeName(v: Vocabulary, grade: number): string {
  return `${grade} ${gradeWord(v)}`;
}

/** A parallel of grade `grade`: «параллель 7-х классов» / «2 курс». */
export function parallelName(v: Vocabulary, grade: number): string {
  return v.kind === "COLLEGE" ? `${grade} курс` : `параллель ${grade}-х классов`;
}

const PERIOD_KINDS: Record<string, string> = {
  QUARTER: "четверть",
  HALF_YEAR: "полугодие",
  SEMESTER: "семестр",
  TRIMESTER: "триместр",
  CUSTOM: "период",
};

/** The word of a period kind (QUARTER → «четверть»). */
export function periodKindWord(kind: string): string {
  return PERIOD_KINDS[kind] ?? "период";
}

/**
 * A subject as the organisation names it: a college discipline, МДК or ПМ with its index from the
 * curriculum («ОП.01 Операционные системы», «МДК.01.01 Разработка программных модулей»); a school
 * subject by its name. `short` gives the short name instead (column heads).
 */
export function subjectTitle(
  v: Vocabulary,
  s: { name: string; shortName?: string | null; code?: string | null },
  short = false,
): string {
  const name = short && s.shortName ? s.shortName : s.name;
  return v.kind === "COLLEGE" && s.code ? `${s.code} ${name}` : name;
}
