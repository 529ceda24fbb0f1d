// 开具介绍信 (intro-letter): what its printed letter says, read from the values of the application
// (the fields of its form in packages/demo-university/src/services/forms/personnel.ts). Values a later version of
// the form may lack are read defensively: the letter prints what it has.

/** The service whose approved applications print as a letter rather than as a record. */
export const INTRO_LETTER_SERVICE = 'intro-letter'

export interface Letter {
  recipientOrg: string
  recipientContact: string
  visitors: Array<{ name: string; post: string }>
  purpose: string
  validFrom: string | null
  validTo: string | null
  /** An electronic letter carries the electronic seal; a paper one is stamped at the office. */
  electronic: boolean
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')

export function letterOf(values: Record<string, unknown>): Letter {
  const rows = Array.isArray(values.visitors) ? values.visitors : []
  const period = values.visitDates && typeof values.visitDates === 'object' ? (values.visitDates as Record<string, unknown>) : {}
  return {
    recipientOrg: text(values.recipientOrg),
    recipientContact: text(values.recipientContact),
    visitors: rows
      .filter((r): r is Record<string, unknown> => !!r && typeof r === 'object')
      .map((r) => ({ name: text(r.visitorName), post: text(r.visitorPost) }))
      .filter((v) => v.name !== ''),
    // The letter ends the sentence itself.
    purpose: text(values.purpose).replace(/[。．.；;，,、\s]+$/u, ''),
    validFrom: text(period.start) || null,
    validTo: text(period.end) || null,
    electronic: values.letterForm === 'electronic',
  }
}

/** Whether the application prints as the letter itself: an approved letter of introduction with its number. */
export function printsAsLetter(detail: { status: string; service: { code: string }; documentNumber: string | null }): boolean {
  return detail.service.code === INTRO_LETTER_SERVICE && detail.status === 'completed' && !!detail.documentNumber
}
