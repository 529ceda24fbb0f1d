// What a row of a list waits for, said the same way in /my and in the reviewer's boxes (issue 14):
// the API's `rowState` (waiting for the applicant, for added signers, urged) as labels, and a
// delegate's holding as "张三（代李四）" / "Zhang San for Li Si".

export interface PersonName {
  name: string
  nameEn: string
}

export interface RowStateLike {
  waitingFor: 'applicant' | 'signer' | null
  signers: readonly PersonName[]
  urgedAt: string | null
}

export interface RowStateLabel {
  key: 'applicant' | 'signer' | 'urged'
  text: string
  /** element-plus tag type: what needs the reader is a warning, the rest information. */
  type: 'warning' | 'info' | 'danger'
}

type Bilingual = (zh: string, en: string) => string

/**
 * The labels of a row for its reader: the applicant reads "waiting for you" where a reviewer
 * reads "waiting for the applicant".
 */
export function rowStateLabels(state: RowStateLike | null | undefined, l: Bilingual, reader: 'applicant' | 'reviewer'): RowStateLabel[] {
  if (!state) return []
  const out: RowStateLabel[] = []
  if (state.waitingFor === 'applicant') {
    out.push(
      reader === 'applicant'
        ? { key: 'applicant', text: l('待您处理', 'Waiting for you'), type: 'warning' }
        : { key: 'applicant', text: l('等待申请人', 'Waiting for the applicant'), type: 'info' },
    )
  } else if (state.waitingFor === 'signer') {
    const zh = state.signers.map((p) => p.name).join('、')
    const en = state.signers.map((p) => p.nameEn).join(', ')
    out.push({
      key: 'signer',
      text: l(zh ? `等待加签人：${zh}` : '等待加签人', en ? `Waiting for the added signer: ${en}` : 'Waiting for the added signer'),
      type: 'info',
    })
  }
  if (state.urgedAt) out.push({ key: 'urged', text: l('已催办', 'Urged'), type: 'danger' })
  return out
}

/** A person who holds or did something for another, as their delegate (委托): "黄思远（代杜红梅）". */
export function actingFor(person: PersonName, onBehalfOf: PersonName | null | undefined, l: Bilingual): string {
  if (!onBehalfOf || (onBehalfOf.name === person.name && onBehalfOf.nameEn === person.nameEn)) return l(person.name, person.nameEn)
  return l(`${person.name}（代${onBehalfOf.name}）`, `${person.nameEn} for ${onBehalfOf.nameEn}`)
}
