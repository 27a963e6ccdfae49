// How people are named across the product (SPEC: «Фамилия Имя Отчество»); pure.

export type PersonName = { lastName: string; firstName: string; middleName?: string | null };

/** «Фамилия Имя Отчество». */
export function fullName(p: PersonName): string {
  return [p.lastName, p.firstName, p.middleName]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join(" ");
}

/** «Фамилия И. О.» (or «Фамилия И.» without a patronymic). */
export function shortName(p: PersonName): string {
  const initials = [p.firstName, p.middleName]
    .map((s) => s?.trim())
    .filter((s): s is string => Boolean(s))
    .map((s) => `${s[0].toUpperCase()}.`);
  return [p.lastName.trim(), initials.join(" ")].filter(Boolean).join(" ");
}
