// The renderer's own words (the field texts come from the definition).
import type { LocalizedText } from '../definition.ts'
import type { FormLang } from '../validate.ts'

export function tr(text: LocalizedText | undefined, lang: FormLang): string {
  if (!text) return ''
  return lang === 'en' ? text.en : text.zh
}

const words = {
  fromSource: (system: string, department: string) => ({ zh: `来自 ${system} · ${department}`, en: `From ${system} · ${department}` }),
  reportError: () => ({ zh: '报错', en: 'Report an error' }),
  /** Shown instead of 报错 once the person reported the value, until its department resolves it. */
  reported: (department: string) => ({ zh: `已报错 · 待${department}核实`, en: `Reported · ${department} is checking it` }),
  // The name starts with the visible word (WCAG 2.5.3, label in name).
  reportErrorFor: (label: LocalizedText) => ({ zh: `报错（报告“${label.zh}”数据有误）`, en: `Report an error in "${label.en}"` }),
  upload: () => ({ zh: '上传文件', en: 'Upload a file' }),
  uploading: (name: string) => ({ zh: `正在上传 ${name}`, en: `Uploading ${name}` }),
  uploadFailed: (name: string, why: string) => ({ zh: `${name} 上传失败：${why}`, en: `${name} could not be uploaded: ${why}` }),
  noUploader: () => ({ zh: '暂不能上传文件', en: 'Uploading is not available' }),
  cancel: () => ({ zh: '取消', en: 'Cancel' }),
  remove: () => ({ zh: '删除', en: 'Remove' }),
  removeFile: (name: string) => ({ zh: `删除文件 ${name}`, en: `Remove ${name}` }),
  fromMaterials: () => ({ zh: '从我的材料中选择', en: 'Choose from my materials' }),
  fileHint: (types: string, mb: number, n: number) => ({
    zh: `支持 ${types}，单个不超过 ${mb} MB，最多 ${n} 个`,
    en: `${types}; up to ${mb} MB each, at most ${n} ${n === 1 ? 'file' : 'files'}`,
  }),
  addRow: () => ({ zh: '添加一行', en: 'Add a row' }),
  row: (n: number) => ({ zh: `第 ${n} 行`, en: `Row ${n}` }),
  removeRow: (n: number) => ({ zh: `删除第 ${n} 行`, en: `Remove row ${n}` }),
  noRows: () => ({ zh: '暂无', en: 'None' }),
  yes: () => ({ zh: '是', en: 'Yes' }),
  no: () => ({ zh: '否', en: 'No' }),
  startDate: () => ({ zh: '开始日期', en: 'Start date' }),
  endDate: () => ({ zh: '结束日期', en: 'End date' }),
  to: () => ({ zh: '至', en: 'to' }),
  choose: () => ({ zh: '请选择', en: 'Choose' }),
  search: () => ({ zh: '输入姓名或编号搜索', en: 'Type a name or number to search' }),
  empty: () => ({ zh: '未填写', en: 'Not given' }),
  required: () => ({ zh: '必填', en: 'required' }),
  yuan: () => ({ zh: '元', en: 'yuan' }),
} satisfies Record<string, (...args: never[]) => LocalizedText>

export type Words = typeof words

/** `w('upload')` → the word in the form's language. */
/** The error of an attachment field whose upload has not ended when the form is submitted. */
export const STILL_UPLOADING: LocalizedText = { zh: '文件还在上传，请等上传完成后再提交', en: 'A file is still uploading: submit once it has finished' }

export function wordsIn(lang: FormLang) {
  return <K extends keyof Words>(key: K, ...args: Parameters<Words[K]>): string =>
    tr((words[key] as (...a: Parameters<Words[K]>) => LocalizedText)(...args), lang)
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
