import type { Lang } from './lang.ts'

/**
 * A person as a confirmation or a picker names them: `王磊（20201234）` / `Wang Lei (20201234)`.
 * The card number tells two people of one name apart; the name is what a reviewer recognises, so
 * a dialog never names a person by card number alone.
 */
export function formatPerson(p: { name: string; nameEn?: string | null; cardNumber: string }, lang: Lang): string {
  return lang === 'en' ? `${p.nameEn || p.name} (${p.cardNumber})` : `${p.name}（${p.cardNumber}）`
}

/**
 * The names a read-only form shows beside the card numbers of its person fields (`displayNames`
 * of <HallForm>), from the `people` an application's detail carries: 赵子豪（2024010002）, not a bare number.
 */
export function personNames(people: Record<string, { name: string; nameEn?: string | null }> | undefined, lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(people ?? {}).map(([card, p]) => [card, lang === 'en' ? p.nameEn || p.name : p.name]))
}
