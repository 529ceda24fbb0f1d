import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'

// The organisation as a spreadsheet: one sheet per kind (departments, classes, people, roles),
// one header row naming the columns, one row per item. The same rows come from a CSV with a
// `sheet` column, and from the data platform's organisation endpoint. Reading only turns cells into
// text and refuses what is not plain text (a formula, a script, a date where text belongs);
// what the values mean is checked by the import (org.service.ts).

export const SHEET_KINDS = ['departments', 'classes', 'people', 'roles'] as const
export type SheetKind = (typeof SHEET_KINDS)[number]

interface Column {
  key: string
  zh: string
  required: boolean
  example: string
  noteZh: string
  noteEn: string
}

const col = (key: string, zh: string, required: boolean, example: string, noteZh: string, noteEn: string): Column => ({
  key,
  zh,
  required,
  example,
  noteZh,
  noteEn,
})

/** The columns of each sheet, in the template's order. The documented format (README "Importing the organisation"). */
export const SHEETS: Record<SheetKind, { zh: string; columns: Column[] }> = {
  departments: {
    zh: '部门',
    columns: [
      col('code', '部门代码', true, 'college-cs', '英文小写、数字和连字符，导入后不可更改', 'lower-case letters, digits and hyphens; fixed once imported'),
      col('nameZh', '中文名称', true, '计算机学院', '', ''),
      col('nameEn', '英文名称', false, 'College of Computer Science', '留空则用中文名称', 'empty: the Chinese name'),
      col('kind', '类型', true, 'college', 'office（职能部门）或 college（学院）', 'office or college'),
      col('phone', '电话', false, '0571-8800-1234', '不能以 + 号开头', 'must not start with +'),
      col('location', '地点', false, '计算机楼 201', '', ''),
    ],
  },
  classes: {
    zh: '班级',
    columns: [
      col('code', '班级代码', true, 'cs-2025-1', '辅导员的角色范围写这个代码', 'a counsellor’s role scope names this code'),
      col('nameZh', '中文名称', true, '计算机2025级1班', '', ''),
      col('nameEn', '英文名称', false, 'CS Class 1, 2025', '留空则用中文名称', 'empty: the Chinese name'),
      col('college', '所属学院', true, 'college-cs', '一个 kind 为 college 的部门代码', 'the code of a department of kind college'),
    ],
  },
  people: {
    zh: '人员',
    columns: [
      col(
        'cardNumber',
        '校园卡号',
        true,
        '0301001',
        '请把本列设为文本格式，以免丢失开头的 0；同一卡号只能出现一次',
        'format the column as text so leading zeros stay; each card number once',
      ),
      col('name', '姓名', true, '王老师', '', ''),
      col('nameEn', '英文名', false, 'Wang Laoshi', '留空则用姓名', 'empty: the name'),
      col(
        'kind',
        '类别',
        true,
        'staff',
        'staff（教职工）、undergraduate（本科生）、graduate（研究生）或 international（留学生）',
        'staff, undergraduate, graduate or international',
      ),
      col('department', '所属部门', true, 'college-cs', '部门代码（学生填学院）', 'a department code (a college for students)'),
      col('class', '班级', false, '', '学生的班级代码', 'a student’s class code'),
      col('email', '电子邮箱', false, 'wang@univ.edu.cn', '', ''),
      col('phone', '手机', false, '138-0000-0001', '不能以 + 号开头', 'must not start with +'),
      col(
        'status',
        '状态',
        false,
        'active',
        'active（在校，默认）或 left（已离校/离职：保留记录，不能再登录，待办转交）',
        'active (default) or left (keeps their history; no login; open tasks handed over)',
      ),
      col(
        'substitute',
        '待办接替人',
        false,
        '',
        '离开的人的待办转交给此卡号；留空则交给环节的超时联系人',
        'a leaver’s open tasks go to this card number; empty: to the step’s escalation contact',
      ),
    ],
  },
  roles: {
    zh: '角色',
    columns: [
      col('cardNumber', '校园卡号', true, '0301001', '人员表中的卡号（或已在系统中的人员）', 'a card number of the people sheet (or already in the hall)'),
      col(
        'role',
        '角色',
        true,
        'counsellor',
        'counsellor、college-secretary、college-deputy-secretary、head-of-department、reviewer、service-owner、president-office、admin',
        'one of the roles listed',
      ),
      col(
        'scope',
        '范围',
        false,
        'cs-2025-1',
        '辅导员：班级代码；学院书记/副书记：学院代码；其他：部门代码；admin 留空',
        'counsellor: a class; college roles: a college; others: a department; admin: empty',
      ),
    ],
  },
}

const SHEET_ALIASES: Record<string, SheetKind> = {
  departments: 'departments',
  部门: 'departments',
  classes: 'classes',
  班级: 'classes',
  people: 'people',
  人员: 'people',
  roles: 'roles',
  角色: 'roles',
}

/** One data row of a sheet, its cells as text keyed by column. */
export interface SheetRow {
  sheet: SheetKind
  /** The row number a person sees in the spreadsheet (the header is row 1), or the line of the CSV. */
  row: number
  cells: Record<string, string>
}

/** A row refused while reading (before its meaning is checked). */
export interface ReadRefusal {
  sheet: string
  row: number | null
  reason: string
  reasonZh: string
}

export interface ReadResult {
  rows: SheetRow[]
  refused: ReadRefusal[]
}

/** The file could not be read at all (not a spreadsheet, no known sheet): nothing to report row by row. */
export class UnreadableFile extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message)
  }
}

const MAX_ROWS = 200_000

/**
 * Why a text cannot be a cell of the organisation, or null. Spreadsheet programs run a cell that
 * starts with = + - @ (or a tab or CR before them) as a formula when the data is exported and
 * opened again (CSV injection); HTML would run in any page that shows it without escaping.
 */
export function hostileText(text: string): { en: string; zh: string } | null {
  if (/^[=+\-@\t\r]/.test(text))
    return {
      en: `starts with “${JSON.stringify(text[0]).slice(1, -1)}”, which spreadsheet programs run as a formula`,
      zh: `以“${JSON.stringify(text[0]).slice(1, -1)}”开头，电子表格软件会把它当作公式执行`,
    }
  if (/<\s*\/?\s*script/i.test(text) || /<[a-z!/][^>]*>/i.test(text)) return { en: 'contains HTML or a script', zh: '含有 HTML 或脚本' }
  return null
}

/** The text of an exceljs cell value, or a reason it is not plain text. */
function cellText(value: ExcelJS.CellValue): { text: string } | { en: string; zh: string } {
  if (value === null || value === undefined) return { text: '' }
  if (typeof value === 'string') return { text: value }
  // A number typed into a text column (a card number Excel took for a number): its digits.
  if (typeof value === 'number') return { text: Number.isInteger(value) ? String(value) : String(value) }
  if (typeof value === 'boolean') return { en: 'is TRUE/FALSE, not text', zh: '是逻辑值，不是文本' }
  if (value instanceof Date) return { en: 'is a date, not text (format the column as text)', zh: '是日期，不是文本（请把该列设为文本格式）' }
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { en: 'is a formula; type the value itself', zh: '是公式，请直接填写值' }
    if ('error' in value) return { en: `is an error value (${String(value.error)})`, zh: `是错误值（${String(value.error)}）` }
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') }
    if ('text' in value && typeof value.text === 'string') return { text: value.text }
  }
  return { en: 'is not plain text', zh: '不是纯文本' }
}

/** The column key a header cell names: the key itself, its Chinese label, or "label key" as the template writes it. */
function headerKey(kind: SheetKind, header: string): string | null {
  const h = header.trim()
  for (const c of SHEETS[kind].columns) {
    if (h === c.key || h === c.zh || h.toLowerCase() === c.key.toLowerCase()) return c.key
    const words = h.split(/\s+/)
    if (words.some((w) => w.toLowerCase() === c.key.toLowerCase())) return c.key
  }
  return null
}

function sheetKindOf(name: string): SheetKind | null {
  const n = name.trim()
  return SHEET_ALIASES[n] ?? SHEET_ALIASES[n.toLowerCase()] ?? SHEET_ALIASES[n.split(/\s+/)[0]!.toLowerCase()] ?? null
}

const isNotes = (name: string) => /^(notes|说明|readme)/i.test(name.trim())

/**
 * Reads one worksheet whose kind is known (or, for a CSV, read per row from its `sheet` column).
 * Every refused cell refuses its row, with the column named.
 */
function readSheet(ws: ExcelJS.Worksheet, fixedKind: SheetKind | null, out: ReadResult) {
  const headerRow = ws.getRow(1)
  const headers: string[] = []
  headerRow.eachCell({ includeEmpty: true }, (cell, colNumber) => {
    const t = cellText(cell.value)
    headers[colNumber] = 'text' in t ? t.text.replace(/^\uFEFF/, '').trim() : ''
  })
  const sheetColumn = fixedKind ? -1 : headers.findIndex((h) => h?.toLowerCase() === 'sheet')
  if (!fixedKind && sheetColumn < 0) {
    throw new UnreadableFile(
      'The CSV has no “sheet” column: its first row names the columns, one of them “sheet” (departments, classes, people or roles)',
      'CSV 文件缺少“sheet”列：第一行是列名，其中一列为 sheet（departments、classes、people 或 roles）',
    )
  }
  if (ws.rowCount > MAX_ROWS) throw new UnreadableFile(`The file has more than ${MAX_ROWS} rows`, `文件超过 ${MAX_ROWS} 行`)
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r)
    if (!row.hasValues) continue
    const raw: Array<{ header: string; value: ExcelJS.CellValue }> = []
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => raw.push({ header: headers[colNumber] ?? '', value: cell.value }))
    let kind = fixedKind
    if (!kind) {
      const sheetCell = raw.find((c) => c.header.toLowerCase() === 'sheet')
      const name = sheetCell && typeof sheetCell.value === 'string' ? sheetCell.value : ''
      kind = sheetKindOf(name)
      if (!kind) {
        if (raw.every((c) => c.value === null || c.value === '')) continue
        out.refused.push({
          sheet: name || '?',
          row: r,
          reason: `the sheet column says “${name}”: it must be departments, classes, people or roles`,
          reasonZh: `sheet 列为“${name}”：应为 departments、classes、people 或 roles`,
        })
        continue
      }
    }
    const cells: Record<string, string> = {}
    const problems: Array<{ en: string; zh: string }> = []
    for (const { header, value } of raw) {
      if (!fixedKind && header.toLowerCase() === 'sheet') continue
      const key = headerKey(kind, header)
      const t = cellText(value)
      if (!('text' in t)) {
        problems.push({ en: `${key ?? header}: ${t.en}`, zh: `${key ?? header}：${t.zh}` })
        continue
      }
      const text = t.text
      // Only cells of known columns matter, but any hostile text refuses the row: it is not data.
      const bad = text ? hostileText(text) : null
      if (bad) {
        problems.push({ en: `${key ?? header}: ${bad.en}`, zh: `${key ?? header}：${bad.zh}` })
        continue
      }
      if (key) cells[key] = text.trim()
    }
    if (Object.values(cells).every((v) => v === '') && problems.length === 0) continue
    if (problems.length) {
      out.refused.push({ sheet: kind, row: r, reason: problems.map((p) => p.en).join('; '), reasonZh: problems.map((p) => p.zh).join('；') })
      continue
    }
    out.rows.push({ sheet: kind, row: r, cells })
  }
}

/** Reads an .xlsx workbook (one sheet per kind) or a .csv file (a `sheet` column). */
export async function readOrganisationFile(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const out: ReadResult = { rows: [], refused: [] }
  const wb = new ExcelJS.Workbook()
  const isCsv = /\.csv$/i.test(fileName) || !(bytes[0] === 0x50 && bytes[1] === 0x4b)
  if (isCsv) {
    if (/\.xlsx$/i.test(fileName)) throw new UnreadableFile(`${fileName} is not an .xlsx workbook`, `${fileName} 不是 .xlsx 工作簿`)
    let text = Buffer.from(bytes).toString('utf8')
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    // Values stay text as written: no numbers (a card number keeps its leading 0) and no dates.
    const ws = await wb.csv.read(Readable.from([text]), { map: (v: unknown) => v, parserOptions: { trim: false } })
    readSheet(ws, null, out)
    return out
  }
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch (err) {
    throw new UnreadableFile(`${fileName} could not be read as an .xlsx workbook (${(err as Error).message})`, `${fileName} 无法作为 .xlsx 工作簿读取`)
  }
  let known = 0
  for (const ws of wb.worksheets) {
    const kind = sheetKindOf(ws.name)
    if (!kind) {
      if (!isNotes(ws.name) && ws.actualRowCount > 0) {
        out.refused.push({
          sheet: ws.name,
          row: null,
          reason: `unknown sheet “${ws.name}”: the sheets are departments, classes, people and roles (and notes)`,
          reasonZh: `未知的工作表“${ws.name}”：工作表应为 departments、classes、people、roles（以及 notes）`,
        })
      }
      continue
    }
    known++
    readSheet(ws, kind, out)
  }
  if (known === 0)
    throw new UnreadableFile(
      'The workbook has none of the sheets departments, classes, people, roles: start from the template',
      '工作簿中没有 departments、classes、people、roles 任何一个工作表：请使用模板',
    )
  return out
}

/** The template the hall serves: each sheet with its header and one example row, and a notes sheet. */
export async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Service Hall'
  const notes = wb.addWorksheet('notes')
  notes.columns = [
    { header: 'sheet 工作表', width: 14 },
    { header: 'column 列', width: 16 },
    { header: '必填 required', width: 14 },
    { header: '说明', width: 60 },
    { header: 'notes', width: 60 },
  ]
  notes.addRow([
    '',
    '',
    '',
    '每个工作表第一行为列名，每行一条记录；不要使用公式，单元格不能以 = + - @ 开头，不能含 HTML。先“试导入”查看将新增、修改、移除的内容与被拒绝的行。',
    'Row 1 of each sheet names the columns, one item per row. No formulas; a cell must not start with = + - @ or hold HTML. Run a dry run first to see what would be added, changed, removed and refused.',
  ])
  notes.addRow([
    '',
    '',
    '',
    '完整名单（默认）：文件中没有的、由导入建立的人员标记为已离开，导入建立的角色被撤销；部分名单只新增和修改。',
    'Full list (default): people an import brought in who are missing from the file are marked as left, and imported roles missing from it are revoked. A partial list only adds and changes.',
  ])
  for (const kind of SHEET_KINDS) {
    const { columns } = SHEETS[kind]
    for (const c of columns) notes.addRow([kind, c.key, c.required ? '是 yes' : '', c.noteZh, c.noteEn])
    const ws = wb.addWorksheet(kind)
    ws.columns = columns.map((c) => ({ header: `${c.zh} ${c.key}`, key: c.key, width: Math.max(14, c.example.length + 4), style: { numFmt: '@' } }))
    ws.getRow(1).font = { bold: true }
    ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example])))
  }
  notes.getRow(1).font = { bold: true }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
