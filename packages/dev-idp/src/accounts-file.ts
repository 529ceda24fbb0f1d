import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { AccountGroup, IdpPerson } from './pages.ts'

// DEV_IDP_ACCOUNTS_FILE: the people of an imported organisation, so that a trial of a production
// hall (NODE_ENV=production, HALL_IDP_METADATA pointing at this IdP's metadata) can log them in.
// The file is the one given to `npm run import:org`: the `people` sheet of an .xlsx, or the lines
// of a CSV whose `sheet` column says `people`. Only the columns the login page needs are read
// (card number, name, English name, kind, department, status); people marked `left` are not listed.
// The hall validates the file when it imports it; here a row lacking a card number is skipped.

const KINDS = ['staff', 'undergraduate', 'graduate', 'international'] as const
const GROUPS: Record<(typeof KINDS)[number], [string, string]> = {
  staff: ['教职工', 'Staff'],
  undergraduate: ['本科生', 'Undergraduates'],
  graduate: ['研究生', 'Graduates'],
  international: ['留学生', 'International students'],
}

/** A header cell as the template writes it ("校园卡号 cardNumber") or just the key. */
const keyOf = (header: string) => header.trim().split(/\s+/).pop() ?? ''

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim()
  if (typeof value === 'object' && 'richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim()
  // A formula or anything else is not a name to show on a login page.
  return ''
}

function rowsOf(ws: ExcelJS.Worksheet, onlySheet: string | null): Array<Record<string, string>> {
  const headers: string[] = []
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col] = keyOf(text(cell.value).replace(/^\uFEFF/, ''))))
  const out: Array<Record<string, string>> = []
  for (let r = 2; r <= ws.rowCount; r++) {
    const row: Record<string, string> = {}
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      if (headers[col]) row[headers[col]] = text(cell.value)
    })
    if (onlySheet && !['people', '人员'].includes(row.sheet ?? '')) continue
    out.push(row)
  }
  return out
}

/** The people of an organisation file as the login page's groups (one per kind of user). */
export async function accountsFromFile(file: string): Promise<AccountGroup[]> {
  const bytes = readFileSync(file)
  const wb = new ExcelJS.Workbook()
  let rows: Array<Record<string, string>>
  if (/\.csv$/i.test(file)) {
    const ws = await wb.csv.read(Readable.from([bytes.toString('utf8')]), { map: (v: unknown) => v })
    rows = rowsOf(ws, 'people')
  } else {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    const ws = wb.worksheets.find((w) => ['people', '人员'].includes(w.name.trim().split(/\s+/)[0]!.toLowerCase()))
    if (!ws) throw new Error(`${file} has no people sheet`)
    rows = rowsOf(ws, null)
  }
  const people: IdpPerson[] = rows
    .filter((r) => r.cardNumber && r.status !== 'left' && (KINDS as readonly string[]).includes(r.kind ?? ''))
    .map((r) => ({
      cardNumber: r.cardNumber!,
      name: r.name || r.cardNumber!,
      nameEn: r.nameEn || r.name || r.cardNumber!,
      kind: r.kind as IdpPerson['kind'],
      departmentCode: r.department ?? '',
      email: r.email ?? '',
      demoLabelZh: r.department ?? '',
      demoLabelEn: r.department ?? '',
    }))
  if (people.length === 0) throw new Error(`${file} lists nobody to log in (a people sheet with cardNumber, name and kind columns)`)
  return KINDS.filter((k) => people.some((p) => p.kind === k)).map((k) => ({
    group: k,
    titleZh: GROUPS[k][0],
    titleEn: GROUPS[k][1],
    people: people.filter((p) => p.kind === k),
  }))
}
