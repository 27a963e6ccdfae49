// How people are named across the product (SPEC: «Фамилия Имя Отчество»); pure.

export type PersonName = { lastName: string; firstName: string; middleName?: string | null };

/**
 * The fields of a person's name, as a query select (user, student, parent, staff alike):
 * `{ select: NAME_FIELDS }` for a relation, `{ id: true, ...NAME_FIELDS }` when more is read.
 * `as const` keeps each field `true`, so the query's result type still has the three names.
 */
export const NAME_FIELDS = { lastName: true, firstName: true, middleName: true } as const;

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
