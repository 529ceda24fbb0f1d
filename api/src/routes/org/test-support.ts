import ExcelJS from 'exceljs'
import type { testApp } from '../../test-support.ts'

// Building organisation files in tests: a workbook from rows keyed by column, and the upload.

export type Sheets = Partial<Record<'departments' | 'classes' | 'people' | 'roles', Array<Record<string, ExcelJS.CellValue>>>>

/** An .xlsx with one sheet per kind, headers as the template writes them ("label key"). */
export async function workbook(sheets: Sheets): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  for (const [kind, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(kind)
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))]
    ws.addRow(keys.map((k) => `列 ${k}`))
    for (const r of rows) ws.addRow(keys.map((k) => r[k] ?? null))
  }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

/** A CSV with a `sheet` column (RFC 4180 quoting). */
export function csv(sheets: Sheets): Uint8Array {
  const rows = Object.entries(sheets).flatMap(([kind, list]) => list.map((r) => ({ sheet: kind, ...r })))
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))]
  const quote = (v: unknown) => {
    const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v)
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return new TextEncoder().encode(
    [keys.join(','), ...rows.map((r) => keys.map((k) => quote((r as Record<string, unknown>)[k])).join(','))].join('\r\n') + '\r\n',
  )
}

/** Uploads as `card` to POST /api/admin/org/imports (a partial dry run unless told). */
export async function upload(
  h: Pick<Awaited<ReturnType<typeof testApp>>, 'app' | 'loginAs' | 'deps'>,
  card: string,
  bytes: Uint8Array,
  name: string,
  opts: { dryRun?: boolean; mode?: 'full' | 'partial' } = {},
) {
  const form = new FormData()
  form.set('file', new File([new Uint8Array(bytes)], name))
  form.set('dryRun', String(opts.dryRun ?? true))
  form.set('mode', opts.mode ?? 'partial')
  const res = await h.app.request('/api/admin/org/imports', {
    method: 'POST',
    headers: { cookie: await h.loginAs(card), origin: h.deps.env.publicOrigin },
    body: form,
  })
  return { status: res.status, body: await res.json() }
}
