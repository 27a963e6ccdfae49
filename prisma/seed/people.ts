// Students and their families (PPL-1): names with the right gender and patronymic,
// birth dates consistent with the grade, cards, hidden ability and absence rates
// that drive the journal; siblings in different classes share their parents.
import type { EducationForm, Sex } from "../generated/prisma/enums";
import * as card from "./cards";
import { addDays, day } from "./dates";
import {
  BOY_NAMES,
  FATHER_NAMES,
  GIRL_NAMES,
  SURNAMES,
  WOMAN_NAMES,
  patronymic,
  surnameFor,
  type PersonName,
} from "./names";
import type { ClassDef } from "./plan";
import type { Rng } from "./random";
import { compareRu } from "@/lib/org/collation";

export interface Family {
  surname: string;
  father: readonly [string, string, string];
  address: string;
  children: StudentSpec[];
  parents: ParentSpec[];
}

export interface StudentCard {
  citizenship: string | null;
  documentType: string | null;
  documentNumber: string | null;
  snils: string | null;
  registrationAddress: string | null;
  actualAddress: string | null;
  phone: string | null;
  email: string | null;
  preferredContact: string | null;
  programme: string | null;
  personalFileNumber: string | null;
  healthGroup: string | null;
  physicalGroup: string | null;
  medicalNotes: string | null;
  psychNotes: string | null;
  deviantBehaviour: string | null;
  socialStatus: string | null;
}

export interface StudentSpec {
  name: PersonName;
  birthDate: Date;
  className: string;
  family: Family;
  educationForm: EducationForm;
  /** Hidden mean mark (2.6 … 4.95). */
  ability: number;
  /** Share of school days missed through illness. */
  absence: number;
  login: string;
  card: StudentCard;
  id?: number;
  userId?: number;
}

export interface ParentSpec {
  name: PersonName;
  kinship: "мать" | "отец";
  birthDate: Date;
  login: string;
  phone: string;
  email: string | null;
  preferredContact: string;
  workplace: string | null;
  position: string | null;
  address: string;
  id?: number;
  userId?: number;
}

const ABILITY: ReadonlyArray<readonly [[number, number], number]> = [
  [[4.6, 4.95], 10], // отличники
  [[3.9, 4.5], 45], // хорошисты
  [[3.2, 3.85], 38], // троечники
  [[2.6, 3.1], 7], // at risk of «2»
];

function birthDateFor(rng: Rng, startYear: number, grade: number, college: boolean): Date {
  const from = college ? day(startYear - 15 - grade, 9, 1) : day(startYear - grade - 7, 9, 1);
  return addDays(from, rng.int(0, 364));
}

function programme(grade: number, c: ClassDef): string {
  if (c.specialtyCode) return `ППССЗ ${c.specialtyCode} ${c.specialty}`;
  return grade <= 4 ? "ООП НОО" : grade <= 9 ? "ООП ООО" : "ООП СОО";
}

export function newFamily(rng: Rng): Family {
  return {
    surname: rng.pick(SURNAMES),
    father: rng.pick(FATHER_NAMES),
    address: card.samaraAddress(rng),
    children: [],
    parents: [],
  };
}

export function makeStudent(
  rng: Rng,
  c: ClassDef,
  startYear: number,
  college: boolean,
  family: Family,
  sex?: Sex,
): StudentSpec {
  const s: Sex = sex ?? (rng.chance(0.5) ? "MALE" : "FEMALE");
  const birthDate = birthDateFor(rng, startYear, c.grade, college);
  const age = startYear - birthDate.getUTCFullYear();
  const doc = card.identityDocument(rng, age);
  const [lo, hi] = rng.weighted(ABILITY);
  const st: StudentSpec = {
    name: {
      lastName: surnameFor(family.surname, s),
      firstName: rng.pick(s === "MALE" ? BOY_NAMES : GIRL_NAMES),
      middleName: patronymic(family.father, s),
      sex: s,
    },
    birthDate,
    className: c.name,
    family,
    educationForm: "FULL_TIME",
    ability: lo + rng.next() * (hi - lo),
    absence: rng.weighted([
      [0.015, 30],
      [0.04, 40],
      [0.08, 22],
      [0.15, 8],
    ] as const),
    login: "",
    card: {
      citizenship: rng.chance(0.98) ? "РФ" : "Республика Казахстан",
      documentType: doc.type,
      documentNumber: doc.number,
      snils: rng.chance(0.92) ? card.snils(rng) : null,
      registrationAddress: family.address,
      actualAddress: rng.chance(0.9) ? family.address : card.samaraAddress(rng),
      phone: age >= 11 && rng.chance(0.85) ? card.mobilePhone(rng) : null,
      email: null,
      preferredContact: rng.pick(["телефон родителей", "телефон", "мессенджер", "электронная почта"]),
      programme: programme(c.grade, c),
      personalFileNumber: null,
      healthGroup: rng.chance(0.85) ? rng.pick(card.HEALTH_GROUPS) : null,
      physicalGroup: rng.chance(0.85) ? rng.weighted(card.PHYSICAL_GROUPS) : null,
      medicalNotes: rng.chance(0.05) ? rng.pick(card.MEDICAL_NOTES) : null,
      psychNotes: rng.chance(0.03) ? "Рекомендовано сопровождение педагога-психолога (адаптация)" : null,
      deviantBehaviour: null,
      socialStatus: rng.chance(0.08) ? rng.pick(card.SOCIAL_STATUSES) : null,
    },
  };
  if (age >= 14 && rng.chance(0.4)) st.card.email = card.email(rng, st.name.lastName, st.name.firstName);
  family.children.push(st);
  return st;
}

/** Re-homes a student into another family (a sibling): surname and patronymic follow. */
export function joinFamily(st: StudentSpec, family: Family): void {
  st.family.children.splice(st.family.children.indexOf(st), 1);
  st.family = family;
  family.children.push(st);
  st.name.lastName = surnameFor(family.surname, st.name.sex);
  st.name.middleName = patronymic(family.father, st.name.sex);
  st.card.registrationAddress = family.address;
  st.card.actualAddress = family.address;
}

/** Mother always, father in most families (several parents per child). */
export function makeParents(rng: Rng, family: Family, withFather: boolean): void {
  const oldest = Math.min(...family.children.map((c) => c.birthDate.getUTCFullYear()));
  const make = (sex: Sex): ParentSpec => {
    const name: PersonName =
      sex === "MALE"
        ? {
            lastName: family.surname,
            firstName: family.father[0],
            middleName: patronymic(rng.pick(FATHER_NAMES), "MALE"),
            sex,
          }
        : {
            lastName: surnameFor(family.surname, "FEMALE"),
            firstName: rng.pick(WOMAN_NAMES),
            middleName: patronymic(rng.pick(FATHER_NAMES), "FEMALE"),
            sex,
          };
    const works = rng.chance(0.9);
    return {
      name,
      kinship: sex === "MALE" ? "отец" : "мать",
      birthDate: addDays(day(oldest - rng.int(22, 36), 1, 1), rng.int(0, 364)),
      login: "",
      phone: card.mobilePhone(rng),
      email: rng.chance(0.6) ? card.email(rng, name.lastName, name.firstName) : null,
      preferredContact: rng.pick(["телефон", "телефон", "мессенджер", "электронная почта"]),
      workplace: works ? rng.pick(card.WORKPLACES) : null,
      position: works ? rng.pick(card.JOB_POSITIONS) : null,
      address: family.address,
    };
  };
  family.parents.push(make("FEMALE"));
  if (withFather) family.parents.push(make("MALE"));
}

export function byName(a: StudentSpec, b: StudentSpec): number {
  return (
    compareRu(a.name.lastName, b.name.lastName) ||
    compareRu(a.name.firstName, b.name.firstName) ||
    compareRu(a.name.middleName, b.name.middleName)
  );
}
