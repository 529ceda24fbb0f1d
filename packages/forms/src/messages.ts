// The validation messages, in both languages, each naming the field it is about. Chinese puts
// the label first as a noun ("请假事由不能超过 500 个字"); English starts with the label so it
// reads as a sentence without changing its case ("Reason must be at most 500 characters").
import type { LocalizedText } from './definition.ts'

type L = LocalizedText

const both = (zh: string, en: string): L => ({ zh, en })

export const msg = {
  formNotObject: () => both('表单数据格式不正确', 'The form data is not valid'),
  unknownField: (key: string) => both(`表单中没有“${key}”这一项`, `The form has no field "${key}"`),

  required: (l: L) => both(`请填写${l.zh}`, `${l.en} is required`),
  requiredChoice: (l: L) => both(`请选择${l.zh}`, `${l.en} is required`),
  requiredFile: (l: L) => both(`请上传${l.zh}`, `${l.en} is required: please attach a file`),
  requiredSwitch: (l: L) => both(`请确认“${l.zh}”`, `Please confirm "${l.en}"`),
  requiredRows: (l: L) => both(`请至少填写一行${l.zh}`, `${l.en} needs at least one row`),

  notText: (l: L) => both(`${l.zh}应为文字`, `${l.en} must be text`),
  badCharacters: (l: L) => both(`${l.zh}含有不允许的字符`, `${l.en} contains characters that are not allowed`),
  minLength: (l: L, n: number) => both(`${l.zh}至少需要 ${n} 个字`, `${l.en} must be at least ${n} characters`),
  maxLength: (l: L, n: number) => both(`${l.zh}不能超过 ${n} 个字`, `${l.en} must be at most ${n} characters`),
  email: (l: L) => both(`${l.zh}不是有效的电子邮箱地址`, `${l.en} is not a valid e-mail address`),
  mobile: (l: L) => both(`${l.zh}不是有效的手机号码`, `${l.en} is not a valid mobile number`),
  phone: (l: L) => both(`${l.zh}不是有效的电话号码`, `${l.en} is not a valid phone number`),

  notNumber: (l: L) => both(`${l.zh}应为数字`, `${l.en} must be a number`),
  notInteger: (l: L) => both(`${l.zh}必须是整数`, `${l.en} must be a whole number`),
  decimals: (l: L, n: number) =>
    n === 0 ? both(`${l.zh}必须是整数`, `${l.en} must be a whole number`) : both(`${l.zh}最多保留 ${n} 位小数`, `${l.en} can have at most ${n} decimal places`),
  minValue: (l: L, n: string) => both(`${l.zh}不能小于 ${n}`, `${l.en} must be at least ${n}`),
  maxValue: (l: L, n: string) => both(`${l.zh}不能大于 ${n}`, `${l.en} must be at most ${n}`),

  notDate: (l: L) => both(`${l.zh}不是有效的日期`, `${l.en} is not a valid date`),
  dateBefore: (l: L, bound: L) => both(`${l.zh}不能早于${bound.zh}`, `${l.en} cannot be before ${bound.en}`),
  dateAfter: (l: L, bound: L) => both(`${l.zh}不能晚于${bound.zh}`, `${l.en} cannot be after ${bound.en}`),
  rangeIncomplete: (l: L) => both(`请填写${l.zh}的开始和结束日期`, `${l.en} needs both a start and an end date`),
  rangeBackwards: (l: L, startZh: string, endZh: string) => both(`${endZh}不能早于${startZh}`, `${l.en}: the end date cannot be before the start date`),
  rangeTooLong: (l: L, n: number) => both(`${l.zh}不能超过 ${n} 天`, `${l.en} cannot be longer than ${n} days`),
  today: () => both('今天', 'today'),
  fixedDate: (iso: string) => both(` ${iso}`, iso),

  notTime: (l: L) => both(`${l.zh}不是有效的时间`, `${l.en} is not a valid time`),
  timeBefore: (l: L, t: string) => both(`${l.zh}不能早于 ${t}`, `${l.en} cannot be before ${t}`),
  timeAfter: (l: L, t: string) => both(`${l.zh}不能晚于 ${t}`, `${l.en} cannot be after ${t}`),

  notOption: (l: L) => both(`${l.zh}的选项无效，请从列表中选择`, `${l.en}: choose one of the listed options`),
  notOptions: (l: L) => both(`${l.zh}应为选项列表`, `${l.en} must be a list of options`),
  minItems: (l: L, n: number) => both(`${l.zh}至少选择 ${n} 项`, `${l.en}: choose at least ${n}`),
  maxItems: (l: L, n: number) => both(`${l.zh}最多选择 ${n} 项`, `${l.en}: choose at most ${n}`),

  notBoolean: (l: L) => both(`${l.zh}应为“是”或“否”`, `${l.en} must be yes or no`),
  notCardNumber: (l: L) => both(`${l.zh}应为校园卡号`, `${l.en} must be a campus card number`),
  notDepartment: (l: L) => both(`${l.zh}应为部门代码`, `${l.en} must be a department code`),

  notFiles: (l: L) => both(`${l.zh}的文件信息无效`, `${l.en}: the file list is not valid`),
  badFileRef: (l: L, n: number) => both(`${l.zh}的第 ${n} 个文件信息无效`, `${l.en}: file ${n} is not a valid reference`),
  badFileName: (name: string) => both(`文件名“${name}”无效`, `The file name "${name}" is not valid`),
  tooManyFiles: (l: L, n: number) => both(`${l.zh}最多上传 ${n} 个文件`, `${l.en}: at most ${n} files`),
  fileTooLarge: (name: string, mb: number) => both(`文件“${name}”超过 ${mb} MB`, `"${name}" is larger than ${mb} MB`),
  fileType: (name: string, accept: string) => both(`文件“${name}”的类型不符合要求（仅支持 ${accept}）`, `"${name}" is not an accepted type (${accept})`),

  notRows: (l: L) => both(`${l.zh}应为若干行`, `${l.en} must be a list of rows`),
  notRow: (l: L, n: number) => both(`${l.zh}第 ${n} 行格式不正确`, `${l.en}, row ${n}: not valid`),
  minRows: (l: L, n: number) => both(`${l.zh}至少需要 ${n} 行`, `${l.en} needs at least ${n} rows`),
  maxRows: (l: L, n: number) => both(`${l.zh}最多 ${n} 行`, `${l.en} can have at most ${n} rows`),
  /** Prefixes a cell's message with where the cell is, for lists of errors away from the table. */
  inRow: (table: L, n: number, m: L) => both(`${table.zh}第 ${n} 行：${m.zh}`, `${table.en}, row ${n}: ${m.en}`),
}
