import type { ColumnField, Field, FormDefinition } from '@hall/forms/format'
import { allFields, initialValues, matchesPattern, validateSubmission } from '@hall/forms/format'

// Plausible values for any form of the hall: what a person might really have typed, valid
// against the form's own rules. The demo history (past applications) is filled with them, and the
// round-trip test submits them for every seeded service. Deterministic for a given random source.

export type Random = () => number

/** A person or department the pickers may name: real ones, so that a process routing on them finds them. */
export interface SampleDirectory {
  staff: readonly string[]
  students: readonly string[]
  departments: ReadonlyArray<{ code: string; kind: string }>
  /** A stored file of the applicant to attach (an attachment row they own), made on demand. */
  file?: (field: { key: string; accept: readonly string[]; materialKind?: string | undefined }) => { id: string; name: string; size: number; mime: string }
}

/** Texts by field key: what people write there. */
const TEXTS: Record<string, readonly string[]> = {
  reason: ['家中有事需要回家处理', '参加亲属婚礼', '身体不适需要就医休养', '参加学术会议', '因课题调研需要外出'],
  purpose: ['联系科研合作事宜', '商谈学生实习基地建设', '参加学术交流活动', '办理学生就业相关手续'],
  purposeDetail: ['赴合作单位开展项目中期检查并座谈交流', '参加国际学术会议并作口头报告'],
  destination: ['杭州', '上海', '北京', '南京', '宁波'],
  destinations: ['日本', '新加坡', '德国', '英国'],
  recipientOrg: ['浙江省教育厅', '杭州市科学技术局', '之江实验室', '浙江大学'],
  recipientContact: ['张老师', '李处长', '王主任'],
  visitorName: ['钱学军', '黄思远', '周立新'],
  visitorPost: ['教授', '副教授', '科长'],
  emergencyContact: ['李建国', '王秀英', '张伟'],
  course: ['高等数学', '大学英语', '数据结构', '线性代数'],
  courseName: ['高等数学', '大学英语', '数据结构', '线性代数'],
  makeUp: ['下周随堂补考', '与任课教师另约时间'],
  organisation: ['计算机协会', '青年志愿者协会', '摄影社'],
  eventName: ['秋季编程马拉松', '志愿服务交流会', '摄影作品展'],
  handoverPlan: ['外出期间由副主任主持日常工作，重要事项电话请示。'],
  courseArrangement: ['已与教务办协商调课，考试安排不受影响。'],
  content: ['面向全校学生的技术分享与交流活动，约两小时。'],
  skills: ['熟悉办公软件，有图书馆志愿服务经历。'],
  statement: ['本学年认真学习，积极参加科研训练和志愿服务。'],
  features: ['数据采集、统计分析与报表导出。'],
  plan: ['与企业联合开展中试，分两期实施。'],
  question: ['登录后页面一直显示加载中，清除缓存后仍然如此。'],
  address: ['杭州市西湖区文三路 100 号'],
  archiveAddress: ['杭州市人才服务中心，杭州市西湖区教工路 1 号'],
  postAddress: ['浙江省杭州市西湖区文三路 100 号，310012'],
  hukouAddress: ['浙江省宁波市海曙区中山西路 1 号'],
  description: ['校园卡丢失，已在一卡通中心挂失。'],
  wrongInfo: ['出生日期有误，应为 2005 年 3 月 12 日。'],
  employer: ['杭州某科技有限公司'],
  usage: ['用于办理签证手续'],
  myProjects: ['国家自然科学基金面上项目（负责人）'],
  inventionTitle: ['一种基于深度学习的图像去噪方法', '一种可降解的复合包装材料'],
  inventorName: ['钱学军', '黄思远'],
  inventorUnit: ['计算机科学与技术学院'],
  personName: ['钱学军', '黄思远'],
  personUnit: ['计算机科学与技术学院'],
  softwareName: ['校园能耗监测分析系统'],
  shortName: ['能耗监测'],
  language: ['TypeScript'],
  achievementName: ['低功耗无线传感节点技术'],
  rightNumbers: ['ZL202410000001.X'],
  transferee: ['杭州某智能科技有限公司'],
  contractName: ['技术开发合同'],
  counterparty: ['杭州某智能科技有限公司'],
  paymentTerms: ['合同签订后 30 日内支付 50%，验收后支付其余款项。'],
  termDifferences: ['无实质性差异。'],
  specialName: ['校友励志奖学金'],
  awardTitle: ['全国大学生数学建模竞赛省级一等奖'],
  preferredBuilding: ['明湖苑3号楼'],
  preferredRoom: ['412'],
  homeStation: ['宁波站'],
  branch: ['中国银行杭州文三路支行'],
  proxyName: ['李建国'],
  room: ['信息楼 305'],
  outlet: ['XX-305-02'],
  sharedName: ['计算机学院办公室'],
  siteName: ['计算机学院学生工作网'],
  sectionName: ['通知公告'],
  sectionContent: ['学院学生工作通知'],
  target: ['10.12.3.45'],
  systemName: ['学院科研管理系统'],
  os: ['Ubuntu 24.04'],
  services: ['Nginx、PostgreSQL'],
  testAccount: ['scan-test'],
  serviceName: ['学院网站'],
  overReason: ['课题组模型训练需要更多内存。'],
  selfHostedReason: ['需对接实验室内部设备，无法使用学校统一平台。'],
}

/** Examples for the patterns the seeded forms use; a patterned field takes the first that matches. */
const PATTERN_EXAMPLES = [
  'CS2031',
  '310012',
  '3C:52:82:1A:2B:3C',
  'lab-web',
  'mingzhang',
  'office@minghu.edu.cn',
  '10.12.3.45',
  '80,443',
  'E12345678',
  'V1.0',
  '91330100MA2B3C4D5E',
  '6222021234567890123',
]

const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const addDays = (iso: string, n: number) => isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + n * 864e5))

function textFor(field: Extract<Field | ColumnField, { type: 'text' | 'textarea' }>, random: Random): string {
  if (field.type === 'text' && field.pattern) {
    // The same RE2 matching as validation: an owner's pattern never runs on a backtracking RegExp.
    const regex = field.pattern.regex
    const found = PATTERN_EXAMPLES.find((x) => matchesPattern(regex, x))
    if (found) return found
  }
  if (field.type === 'text' && field.format === 'email') return 'mingzhang@minghu.edu.cn'
  if (field.type === 'text' && field.format === 'mobile') return `1380000${String(1000 + Math.floor(random() * 8999))}`
  if (field.type === 'text' && field.format === 'phone') return `0571-8800${String(1000 + Math.floor(random() * 8999))}`
  const pool = TEXTS[field.key]
  let text = pool ? pick(random, pool) : `${field.label.zh}：见附件说明`
  const min = field.minLength ?? 0
  while (text.length < min) text += '，具体情况如上所述'
  const max = field.maxLength ?? (field.type === 'text' ? 200 : 2000)
  return text.slice(0, max)
}

function numberFor(field: Extract<Field | ColumnField, { type: 'number' | 'money' }>, random: Random): number {
  const min = field.min ?? (field.type === 'money' ? 0 : 1)
  const max = field.max ?? min + (field.type === 'money' ? 50_000 : 10)
  const span = Math.max(0, max - min)
  const raw = min + span * (0.2 + random() * 0.5)
  return field.type === 'money'
    ? Math.round(raw)
    : field.type === 'number' && (field.integer || field.precision === 0)
      ? Math.round(raw)
      : Math.round(raw * 10) / 10
}

/**
 * A day that suits the field's bounds relative to today: in the past for "not after today" (a date
 * something was completed), in the coming days otherwise. Bounds on other fields are the form's
 * rules to report, and the caller tries again.
 */
function dayWithin(field: { min?: unknown; max?: unknown }, today: string, random: Random): string {
  const offset = (b: unknown) => (b && typeof b === 'object' && 'today' in b ? (b as { today: number }).today : null)
  const fixed = (b: unknown) => (typeof b === 'string' ? b : null)
  const max = offset(field.max)
  if (max !== null) return addDays(today, max - 10 - Math.floor(random() * 60))
  const min = offset(field.min)
  const from = min !== null ? addDays(today, min) : (fixed(field.min) ?? today)
  const day = addDays(from > today ? from : today, 3 + Math.floor(random() * 10))
  const upper = fixed(field.max)
  return upper && day > upper ? upper : day
}

/** A value for one field (or column), before the form's own rules have had their say. */
function valueFor(field: Field | ColumnField, random: Random, today: string, dir: SampleDirectory): unknown {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return textFor(field, random)
    case 'number':
    case 'money':
      return numberFor(field, random)
    case 'date':
      return dayWithin(field, today, random)
    case 'dateRange': {
      const start = dayWithin(field, today, random)
      const length = Math.min(field.maxDays ?? 5, 1 + Math.floor(random() * 4))
      return { start, end: addDays(start, length - 1) }
    }
    case 'time':
      return field.key.toLowerCase().includes('end') || field.key === 'until' ? '16:00' : '14:00'
    case 'select':
      return pick(random, field.options).value
    case 'multiSelect': {
      const n = Math.max(field.minItems ?? 1, 1)
      return field.options.slice(0, Math.min(n, field.maxItems ?? n, field.options.length)).map((o) => o.value)
    }
    case 'switch':
      return true
    case 'person':
      return pick(random, field.kinds && !field.kinds.includes('staff') ? dir.students : dir.staff)
    case 'department': {
      const fitting = dir.departments.filter((d) => !field.kinds || field.kinds.includes(d.kind as 'office' | 'college'))
      return pick(random, fitting.length ? fitting : dir.departments).code
    }
    case 'attachment':
      return dir.file ? [dir.file({ key: field.key, accept: field.accept, materialKind: field.materialKind })] : []
    default:
      return undefined
  }
}

/**
 * Values for `form` that pass its validation on `now`: the person's pre-filled values, then a
 * plausible value for every other field; a field the form still refuses is tried again with
 * other choices, then left out when it is optional. Returns null when no valid set was found.
 */
export function sampleValues(
  form: FormDefinition,
  opts: { prefilled: Record<string, unknown>; locked: Record<string, unknown>; random: Random; now: Date; directory: SampleDirectory },
): Record<string, unknown> | null {
  const today = isoDay(new Date(opts.now.getTime() + 8 * 3_600_000))
  const check = (values: Record<string, unknown>) => validateSubmission(form, values, { now: opts.now, prefilled: opts.locked })
  for (let attempt = 0; attempt < 12; attempt++) {
    const values: Record<string, unknown> = initialValues(form, opts.prefilled)
    for (const { field } of allFields(form)) {
      if (field.type === 'info' || ('computed' in field && field.computed) || opts.prefilled[field.key] !== undefined) continue
      if (field.type === 'table') {
        const n = Math.max(field.minRows ?? 1, 1)
        values[field.key] = Array.from({ length: n }, () =>
          Object.fromEntries(
            field.columns.flatMap((c) => ('computed' in c && c.computed ? [] : [[c.key, valueFor(c, opts.random, today, opts.directory)] as const])),
          ),
        )
      } else {
        values[field.key] = valueFor(field, opts.random, today, opts.directory)
      }
    }
    // Whatever the rules still refuse: optional fields are dropped; required ones are tried again.
    for (let round = 0; round < 6; round++) {
      const result = check(values)
      if (result.ok) return result.values
      let changed = false
      for (const error of result.errors) {
        const key = error.path.split('.')[0]!
        const field = allFields(form).find((f) => f.field.key === key)?.field
        if (!field || field.type === 'info') {
          delete values[key]
          changed = true
          continue
        }
        if (field.type === 'table' && error.path.split('.').length >= 3) {
          // A cell: for numbers that must add up (shares of 100 %), one row takes it all.
          const rows = values[key]
          const column = field.columns.find((c) => c.key === error.path.split('.')[2])
          if (Array.isArray(rows) && rows.length && column && (column.type === 'number' || column.type === 'money')) {
            values[key] = [{ ...rows[0], [column.key]: column.max ?? 100 }]
            changed = true
            continue
          }
        }
        if (!field.required) {
          delete values[key]
          changed = true
          continue
        }
        values[key] = field.type === 'table' ? values[key] : valueFor(field, opts.random, today, opts.directory)
        changed = true
      }
      if (!changed) break
    }
  }
  return null
}
