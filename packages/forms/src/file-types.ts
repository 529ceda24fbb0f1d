// The file types the hall takes, one list for both sides: the API types an upload by its content
// and refuses what is not here (or not in the field's `accept`), and the form's hint names what a
// field takes from the same list, so the hint never promises a type the check refuses.
import type { LocalizedText } from './definition.ts'
import type { FormLang } from './validate.ts'
import { acceptsMime } from './validate.ts'

export interface FileType {
  /** How a refusal names a file of this type: "a PDF document". */
  what: LocalizedText
  /** How a list of types names it: "PDF", "Word (.docx)". */
  short: LocalizedText
  /** The name endings of this type, the first one the usual. */
  extensions: readonly string[]
}

/** What the hall takes at all, whatever a form says: documents and photos a person can make. */
export const FILE_TYPES: Readonly<Record<string, FileType>> = {
  'application/pdf': { what: { zh: 'PDF 文档', en: 'a PDF document' }, short: { zh: 'PDF', en: 'PDF' }, extensions: ['pdf'] },
  'image/jpeg': { what: { zh: 'JPEG 图片', en: 'a JPEG image' }, short: { zh: 'JPEG', en: 'JPEG' }, extensions: ['jpg', 'jpeg'] },
  'image/png': { what: { zh: 'PNG 图片', en: 'a PNG image' }, short: { zh: 'PNG', en: 'PNG' }, extensions: ['png'] },
  'image/webp': { what: { zh: 'WebP 图片', en: 'a WebP image' }, short: { zh: 'WebP', en: 'WebP' }, extensions: ['webp'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    what: { zh: 'Word 文档（.docx）', en: 'a Word document (.docx)' },
    short: { zh: 'Word（.docx）', en: 'Word (.docx)' },
    extensions: ['docx'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    what: { zh: 'Excel 表格（.xlsx）', en: 'an Excel workbook (.xlsx)' },
    short: { zh: 'Excel（.xlsx）', en: 'Excel (.xlsx)' },
    extensions: ['xlsx'],
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    what: { zh: 'PowerPoint 演示文稿（.pptx）', en: 'a PowerPoint deck (.pptx)' },
    short: { zh: 'PowerPoint（.pptx）', en: 'PowerPoint (.pptx)' },
    extensions: ['pptx'],
  },
}

/** The types an upload for `accept` can be: the hall's types the field's `accept` allows (`image/*` → JPEG, PNG, WebP). */
export function acceptedFileTypes(accept?: readonly string[]): string[] {
  return Object.keys(FILE_TYPES).filter((mime) => !accept || acceptsMime(accept, mime))
}

/** The accepted types as a person reads them: "PDF、JPEG、PNG" / "PDF, JPEG and PNG". */
export function describeFileTypes(accept: readonly string[] | undefined, lang: FormLang | 'zh'): string {
  const names = acceptedFileTypes(accept).map((mime) => (lang === 'en' ? FILE_TYPES[mime]!.short.en : FILE_TYPES[mime]!.short.zh))
  if (lang !== 'en') return names.join('、')
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('')
}

/** What the file picker offers: the types and their name endings (`.pdf`), for systems that go by the name. */
export function pickerAccept(accept: readonly string[]): string {
  return acceptedFileTypes(accept)
    .flatMap((mime) => [mime, ...FILE_TYPES[mime]!.extensions.map((e) => `.${e}`)])
    .join(',')
}
