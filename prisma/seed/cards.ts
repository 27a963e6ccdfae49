// Plausible (fictional) details for the cards of people and organisations (PPL-1, ORG-1):
// Samara addresses, phone numbers, СНИЛС / ИНН / ОГРН with valid check digits, documents.
import type { Rng } from "./random";
import { transliterate } from "@/lib/auth/rules";

const STREETS = [
  "ул. Молодогвардейская",
  "ул. Самарская",
  "ул. Ново-Садовая",
  "ул. Галактионовская",
  "ул. Куйбышева",
  "ул. Фрунзе",
  "ул. Чапаевская",
  "ул. Ульяновская",
  "ул. Льва Толстого",
  "ул. Вилоновская",
  "ул. Полевая",
  "ул. Осипенко",
  "ул. Революционная",
  "Московское шоссе",
  "ул. Стара-Загора",
  "пр. Кирова",
  "ул. Победы",
  "ул. XXII Партсъезда",
  "ул. Гагарина",
  "ул. Мичурина",
  "ул. Лесная",
  "ул. Солнечная",
  "ул. Аэродромная",
  "ул. Дыбенко",
  "ул. Авроры",
  "ул. Карла Маркса",
  "ул. Ставропольская",
  "ул. Физкультурная",
];

export function samaraAddress(rng: Rng): string {
  const flat = rng.chance(0.85) ? `, кв. ${rng.int(1, 220)}` : "";
  return `443${String(rng.int(1, 125)).padStart(3, "0")}, г. Самара, ${rng.pick(STREETS)}, д. ${rng.int(1, 180)}${flat}`;
}

const MOBILE_CODES = ["917", "927", "937", "960", "987", "903", "905", "996", "919", "939"];

export function mobilePhone(rng: Rng): string {
  return `+7 (${rng.pick(MOBILE_CODES)}) ${rng.digits(3)}-${rng.digits(2)}-${rng.digits(2)}`;
}

export function email(rng: Rng, lastName: string, firstName: string): string {
  const domain = rng.pick(["mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru"]);
  return `${transliterate(lastName)}.${transliterate(firstName)[0]}${rng.int(10, 99)}@${domain}`;
}

/** СНИЛС «123-456-789 01» with its check number. */
export function snils(rng: Rng): string {
  const d = Array.from({ length: 9 }, (_, i) => (i === 0 ? rng.int(1, 9) : rng.int(0, 9)));
  let sum = d.reduce((s, x, i) => s + x * (9 - i), 0);
  if (sum > 101) sum %= 101;
  const check = sum === 100 || sum === 101 ? 0 : sum;
  const s = d.join("");
  return `${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6, 9)} ${String(check).padStart(2, "0")}`;
}

function checkDigit(digits: number[], weights: number[]): number {
  return (weights.reduce((s, w, i) => s + w * digits[i], 0) % 11) % 10;
}

/** ИНН of an organisation (10 digits) in region 63. */
export function inn10(rng: Rng): string {
  const d = [6, 3, 1, 6, ...Array.from({ length: 5 }, () => rng.int(0, 9))];
  d.push(checkDigit(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]));
  return d.join("");
}

/** ИНН of a person (12 digits) in region 63. */
export function inn12(rng: Rng): string {
  const d = [6, 3, rng.int(0, 1), rng.int(0, 9), ...Array.from({ length: 6 }, () => rng.int(0, 9))];
  d.push(checkDigit(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]));
  d.push(checkDigit(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]));
  return d.join("");
}

/** ОГРН (13 digits) with its check digit. */
export function ogrn(rng: Rng): string {
  const body = `1026300${rng.digits(5)}`;
  return `${body}${(BigInt(body) % 11n) % 10n}`;
}

/** Identity document of a child or an adult of that age (years). */
export function identityDocument(rng: Rng, age: number): { type: string; number: string } {
  if (age >= 14) {
    return { type: "Паспорт гражданина РФ", number: `36 ${rng.int(10, 24)} ${rng.digits(6)}` };
  }
  const series = `${rng.pick(["I", "II", "III", "IV", "V"])}-ЕР`;
  return { type: "Свидетельство о рождении", number: `${series} № ${rng.digits(6)}` };
}

export const WORKPLACES = [
  "АО «Самарский машиностроительный завод»",
  "ООО «ВолгаСтройИнвест»",
  "ГБУЗ «Самарская городская больница № 4»",
  "ПАО «Волжская энергосбытовая компания»",
  "ООО «Самарский хлебозавод № 3»",
  "МБОУ «Школа № 41» г.о. Самара",
  "ГБОУ ВО «Самарский государственный университет»",
  "ООО «Торговый дом «Жигули»",
  "АО «Самаратрансавто»",
  "ИП (самозанятость)",
  "ООО «ИТ-Волга»",
  "Управление Росреестра по Самарской области",
  "ООО «Аптеки Поволжья»",
  "МП г.о. Самара «Трамвайно-троллейбусное управление»",
  "ООО «Средневолжская логистика»",
  "АО «Авиаагрегат-Поволжье»",
  "ГБУЗ «Самарская областная клиническая больница»",
  "ООО «СамараСтройМонтаж»",
  "Отделение Сбербанка (г. Самара)",
];

export const JOB_POSITIONS = [
  "инженер",
  "бухгалтер",
  "врач",
  "медицинская сестра",
  "менеджер",
  "водитель",
  "программист",
  "учитель",
  "экономист",
  "слесарь",
  "продавец-консультант",
  "юрист",
  "электромонтёр",
  "оператор",
  "индивидуальный предприниматель",
  "технолог",
  "администратор",
  "специалист отдела кадров",
  "логист",
  "инженер-конструктор",
];

export const HEALTH_GROUPS = ["I", "II", "II", "II", "III"];
export const PHYSICAL_GROUPS: ReadonlyArray<readonly [string, number]> = [
  ["основная", 80],
  ["подготовительная", 15],
  ["специальная", 5],
];
export const MEDICAL_NOTES = [
  "Аллергия на цитрусовые",
  "Бронхиальная астма, ингалятор с собой",
  "Миопия слабой степени",
  "Нарушение осанки",
  "Освобождение от сдачи норм ГТО до конца полугодия",
];
export const SOCIAL_STATUSES = ["многодетная семья", "малообеспеченная семья", "неполная семья", "семья участника СВО"];
