import type { Lang } from './lang.ts'

/**
 * A person as a confirmation or a picker names them: `王磊（20201234）` / `Wang Lei (20201234)`.
 * The card number tells two people of one name apart; the name is what a reviewer recognises, so
 * a dialog never names a person by card number alone.
 */
export function formatPerson(p: { name: string; nameEn?: string | null; cardNumber: string }, lang: Lang): string {
  return lang === 'en' ? `${p.nameEn || p.name} (${p.cardNumber})` : `${p.name}（${p.cardNumber}）`
}
