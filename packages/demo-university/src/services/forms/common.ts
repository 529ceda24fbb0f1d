import type { AttachmentField, Field, LocalizedText, Option, Section } from '@hall/forms/format'

// Building blocks the seeded forms share: the applicant's pre-filled details (one key and label
// for the same fact in every form), file fields, options and the closing pledge. Each form file
// reads like the paper form its office used, with these for the parts every form repeats.

export const t = (zh: string, en: string): LocalizedText => ({ zh, en })

/** `[['value', '中文', 'English'], …]` → options. */
export const options = (list: ReadonlyArray<readonly [string, string, string]>): Option[] => list.map(([value, zh, en]) => ({ value, label: t(zh, en) }))

// ------------------------------------------------------------------------------------------
// File fields. The server checks each upload's type by its content; these are the types a
// person can produce without special software.

export const PDF = ['application/pdf']
export const IMAGES = ['image/jpeg', 'image/png']
export const PDF_OR_IMAGES = ['application/pdf', 'image/jpeg', 'image/png']
export const WORD = ['application/vnd.openxmlformats-officedocument.wordprocessingml.document']
export const WORD_OR_PDF = [...WORD, 'application/pdf']

type FileOptions = Partial<Pick<AttachmentField, 'accept' | 'maxSizeMb' | 'maxFiles' | 'required' | 'visibleWhen' | 'help' | 'span'>>

/** An attachment field of a material kind (reusable from the person's earlier uploads of that kind). */
export function file(key: string, label: LocalizedText, materialKind: string, opts: FileOptions = {}): Field {
  return { key, type: 'attachment', label, materialKind, accept: PDF_OR_IMAGES, maxSizeMb: 10, ...opts }
}

// ------------------------------------------------------------------------------------------
// The applicant, pre-filled from the data platform ("一表通"). Facts the person cannot change
// here are read-only when found (a wrong one is reported to its source department); the phone
// is offered but editable, because the person may give a newer number.

export const locked = (path: string) => ({ path, readOnlyWhenPrefilled: true })

export const applicant = {
  name: (): Field => ({ key: 'name', type: 'text', label: t('姓名', 'Name'), span: 8, required: true, maxLength: 50, prefill: locked('name') }),
  cardNumber: (): Field => ({
    key: 'cardNumber',
    type: 'text',
    label: t('校园卡号', 'Campus card number'),
    span: 8,
    required: true,
    maxLength: 32,
    prefill: locked('cardNumber'),
  }),
  gender: (): Field => ({
    key: 'gender',
    type: 'select',
    label: t('性别', 'Gender'),
    span: 8,
    options: options([
      ['male', '男', 'Male'],
      ['female', '女', 'Female'],
    ]),
    prefill: locked('gender'),
  }),
  college: (): Field => ({ key: 'college', type: 'text', label: t('学院', 'College'), span: 8, prefill: locked('departmentNameZh') }),
  unit: (): Field => ({ key: 'unit', type: 'text', label: t('所在单位', 'Unit'), span: 8, required: true, prefill: locked('departmentNameZh') }),
  major: (): Field => ({ key: 'major', type: 'text', label: t('专业', 'Major'), span: 8, prefill: locked('student.majorZh') }),
  klass: (): Field => ({ key: 'klass', type: 'text', label: t('班级', 'Class'), span: 8, prefill: locked('student.klassNameZh') }),
  counsellor: (): Field => ({ key: 'counsellor', type: 'text', label: t('辅导员', 'Counsellor'), span: 8, prefill: locked('student.counsellorName') }),
  /** The counsellor of an undergraduate's class, or a graduate's supervisor. */
  adviser: (): Field => ({
    key: 'studentAdviser',
    type: 'text',
    label: t('辅导员或导师', 'Counsellor or supervisor'),
    span: 8,
    prefill: locked('student.adviserName'),
  }),
  supervisor: (): Field => ({ key: 'supervisor', type: 'text', label: t('导师', 'Supervisor'), span: 8, prefill: locked('student.supervisorName') }),
  degree: (): Field => ({
    key: 'degree',
    type: 'select',
    label: t('学历层次', 'Degree'),
    span: 8,
    options: options([
      ['bachelor', '本科', "Bachelor's"],
      ['master', '硕士研究生', "Master's"],
      ['doctor', '博士研究生', 'Doctorate'],
    ]),
    prefill: locked('student.degree'),
  }),
  enrolmentYear: (): Field => ({
    key: 'enrolmentYear',
    type: 'number',
    label: t('入学年份', 'Year of enrolment'),
    span: 8,
    integer: true,
    min: 1990,
    max: 2100,
    prefill: locked('student.enrolmentYear'),
  }),
  graduationYear: (): Field => ({
    key: 'graduationYear',
    type: 'number',
    label: t('预计毕业年份', 'Expected graduation'),
    span: 8,
    integer: true,
    min: 1990,
    max: 2100,
    prefill: locked('student.expectedGraduationYear'),
  }),
  idNumber: (): Field => ({ key: 'idNumber', type: 'text', label: t('身份证号', 'ID card number'), span: 8, prefill: locked('student.idNumberMasked') }),
  dormitory: (): Field => ({ key: 'dormitory', type: 'text', label: t('现住宿舍', 'Current dormitory'), span: 16, prefill: locked('student.dormitory.label') }),
  phone: (): Field => ({
    key: 'phone',
    type: 'text',
    label: t('手机号码', 'Mobile phone'),
    span: 8,
    required: true,
    format: 'mobile',
    help: t('默认为统一身份认证绑定的手机号，可改为更方便联系的号码', 'Your number on the unified login; change it if another reaches you better'),
    prefill: { path: 'phone' },
  }),
  email: (): Field => ({ key: 'email', type: 'text', label: t('电子邮箱', 'E-mail'), span: 8, format: 'email', prefill: locked('email') }),
  post: (): Field => ({ key: 'post', type: 'text', label: t('职务/岗位', 'Post'), span: 8, prefill: locked('staff.postZh') }),
  title: (): Field => ({ key: 'title', type: 'text', label: t('职称', 'Title'), span: 8, prefill: locked('staff.titleZh') }),
}

export const applicantTitle = t('申请人信息', 'Applicant')
export const applicantNote = t(
  '以下信息来自学校数据中心，每项标明了来源系统；如有错误，请点击“报错”，由数据归口部门在源头更正。',
  "These details come from the university's data platform, each naming its source; if one is wrong, use “Report an error” and the department that owns it corrects it at the source.",
)

function applicantSection(fields: Field[], extra: Field[] = []): Section {
  return { key: 'applicant', title: applicantTitle, description: applicantNote, fields: [...fields, ...extra] }
}

/** An undergraduate: college, major, class and counsellor. */
export function undergraduateApplicant(opts: { dormitory?: boolean; extra?: Field[] } = {}): Section {
  const a = applicant
  return applicantSection(
    [a.name(), a.cardNumber(), a.college(), a.major(), a.klass(), a.counsellor(), a.phone(), ...(opts.dormitory ? [a.dormitory()] : [])],
    opts.extra,
  )
}

/** Any student (undergraduate, graduate, international): the adviser is the counsellor or the supervisor. */
export function studentApplicant(opts: { dormitory?: boolean; extra?: Field[] } = {}): Section {
  const a = applicant
  return applicantSection([a.name(), a.cardNumber(), a.college(), a.major(), a.adviser(), a.phone(), ...(opts.dormitory ? [a.dormitory()] : [])], opts.extra)
}

/** A member of staff: unit, post and title. */
export function staffApplicant(opts: { extra?: Field[] } = {}): Section {
  const a = applicant
  return applicantSection([a.name(), a.cardNumber(), a.unit(), a.post(), a.title(), a.phone(), a.email()], opts.extra)
}

/** The closing pledge every form ends with: a switch the person must turn on. */
export function pledge(zh: string, en: string): Section {
  return { key: 'pledge', title: t('承诺', 'Pledge'), fields: [{ key: 'pledge', type: 'switch', label: t(zh, en), required: true }] }
}

/** A read-only notice inside a section. */
export function notice(
  key: string,
  zh: string,
  en: string,
  opts: Partial<Pick<Extract<Field, { type: 'info' }>, 'tone' | 'visibleWhen' | 'title'>> = {},
): Field {
  return { key, type: 'info', content: t(zh, en), tone: 'info', ...opts }
}

/** Leave and other periods: the days of a date range, both ends counted. */
export function daysOf(range: string, label = t('天数', 'Days')): Field {
  return { key: 'days', type: 'number', label, unit: t('天', 'days'), span: 6, computed: { kind: 'daysBetween', from: `${range}.start`, to: `${range}.end` } }
}
