// The form format: one declarative, JSON-serialisable definition per service version.
//
// The zod schemas below are the single source of the format: the API validates stored and
// published definitions with them, the TypeScript types are inferred from them, and nothing
// else restates the shape. `validateDefinition` adds the checks a schema cannot express
// (unique keys, references to existing fields, no cycles).
import { z } from 'zod'
import { patternProblem, type PatternProblem } from './pattern.ts'

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Every text a user reads comes in both languages of the hall. */
export const LocalizedTextSchema = z.strictObject({
  zh: z.string().min(1),
  en: z.string().min(1),
})
export type LocalizedText = z.infer<typeof LocalizedTextSchema>

/**
 * A field key: the name of the value in the submitted data. No dots, because dots separate the
 * parts of a reference (`leave.start`) and of an error path (`items.2.amount`).
 */
export const FieldKeySchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a key starts with a letter and has only letters, digits and _')
  .max(64)

/**
 * A reference to a value: a field key, or `key.part` where the part is `start`/`end` of a date
 * range, or a column of a table (`items.amount`, which means that column in every row).
 */
export const FieldRefSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/, 'a reference is `key` or `key.part`')

/** Codes that stay the same in both languages (option values, material kinds): kebab-ish. */
const CodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/)
  .max(64)

export const ScalarSchema = z.union([z.string(), z.number(), z.boolean()])
export type Scalar = z.infer<typeof ScalarSchema>

/** An ISO calendar date, `YYYY-MM-DD` (dates carry no time or zone in forms). */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
/** A time of day, `HH:mm`, 24-hour. */
export const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is written HH:mm')

// ---------------------------------------------------------------------------------------------
// Conditions: a small language for visibleWhen (and conditional required), kept serialisable.

export const CompareOpSchema = z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte'])
export const SetOpSchema = z.enum(['in', 'notIn'])
export const PresenceOpSchema = z.enum(['empty', 'notEmpty'])

export const CompareConditionSchema = z.strictObject({
  field: FieldRefSchema,
  op: CompareOpSchema,
  value: ScalarSchema,
})
export const SetConditionSchema = z.strictObject({
  field: FieldRefSchema,
  op: SetOpSchema,
  value: z.array(ScalarSchema).min(1),
})
export const PresenceConditionSchema = z.strictObject({
  field: FieldRefSchema,
  op: PresenceOpSchema,
})

export const AllConditionSchema = z.strictObject({
  get all(): z.ZodArray<typeof ConditionSchema> {
    return z.array(ConditionSchema).min(1)
  },
})
export const AnyConditionSchema = z.strictObject({
  get any(): z.ZodArray<typeof ConditionSchema> {
    return z.array(ConditionSchema).min(1)
  },
})
export const NotConditionSchema = z.strictObject({
  get not(): typeof ConditionSchema {
    return ConditionSchema
  },
})

/**
 * `{ field, op, value }` compares one value; `all`, `any`, `not` combine. Against a multiple
 * choice (an array) `eq`/`ne` test membership and `in`/`notIn` test overlap. `gt`…`lte` compare
 * numbers as numbers and dates/times as their ISO text. `empty` is true for a missing value, an
 * empty text and an empty list.
 */
export const ConditionSchema: z.ZodUnion<
  readonly [
    typeof CompareConditionSchema,
    typeof SetConditionSchema,
    typeof PresenceConditionSchema,
    typeof AllConditionSchema,
    typeof AnyConditionSchema,
    typeof NotConditionSchema,
  ]
> = z.union([CompareConditionSchema, SetConditionSchema, PresenceConditionSchema, AllConditionSchema, AnyConditionSchema, NotConditionSchema])
export type Condition = z.infer<typeof ConditionSchema>

// ---------------------------------------------------------------------------------------------
// Computed values: recomputed on the server from the other values, never trusted from a client.

export const DaysBetweenSchema = z.strictObject({
  kind: z.literal('daysBetween'),
  /** A date field, or a part of a date range (`leave.start`). */
  from: FieldRefSchema,
  to: FieldRefSchema,
  /** Count only working days (weekends, and holidays of the calendar given at run time, excluded). */
  workingDaysOnly: z.boolean().optional(),
  /** Count both ends (the default: leave from the 10th to the 12th is 3 days). */
  inclusive: z.boolean().optional(),
})
export const SumSchema = z.strictObject({
  kind: z.literal('sum'),
  /** Number or money fields; `table.column` adds that column over every row. */
  fields: z.array(FieldRefSchema).min(1),
})
export const CountSchema = z.strictObject({
  kind: z.literal('count'),
  /** The number of rows of this table (or of files of an attachment field). */
  field: FieldKeySchema,
})
export const ConcatPartSchema = z.union([z.strictObject({ field: FieldRefSchema }), z.strictObject({ text: z.string() })])
export const ConcatSchema = z.strictObject({
  kind: z.literal('concat'),
  parts: z.array(ConcatPartSchema).min(1),
  /** Put between non-empty parts; default none. */
  separator: z.string().optional(),
})
export const ComputedSchema = z.discriminatedUnion('kind', [DaysBetweenSchema, SumSchema, CountSchema, ConcatSchema])
export type Computed = z.infer<typeof ComputedSchema>

// ---------------------------------------------------------------------------------------------
// Pre-fill ("一表通"): the field declares where its value lives in the person's data-platform
// record; the API resolves the value and its source system.

export const PrefillBindingSchema = z.strictObject({
  /** A dotted path into the person's record: `student.dormitory.room`, `phone`, `name`. */
  path: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/),
  /**
   * The source is authoritative: when a value was found the user cannot change it (they report
   * an error to the owning department instead), and the server puts the platform's value back.
   */
  readOnlyWhenPrefilled: z.boolean().optional(),
})
export type PrefillBinding = z.infer<typeof PrefillBindingSchema>

// ---------------------------------------------------------------------------------------------
// Fields

/** A date limit: a fixed date, today plus some days, or another date (plus some days). */
export const DateBoundSchema = z.union([
  IsoDateSchema,
  z.strictObject({ today: z.number().int() }),
  z.strictObject({ field: FieldRefSchema, offsetDays: z.number().int().optional() }),
])
export type DateBound = z.infer<typeof DateBoundSchema>

export const OptionSchema = z.strictObject({
  value: CodeSchema,
  label: LocalizedTextSchema,
})
export type Option = z.infer<typeof OptionSchema>

export const PatternRuleSchema = z.strictObject({
  /**
   * A JavaScript regular expression source (valid with the `u` flag), matched against the whole
   * trimmed text by an RE2 engine: so no backreferences and no lookaround, and `\s` is ASCII space.
   */
  regex: z.string().min(1).max(500),
  message: LocalizedTextSchema,
})

/** What every field that holds a value has. */
const valueFieldBase = {
  key: FieldKeySchema,
  label: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  placeholder: LocalizedTextSchema.optional(),
  /** Width on a 24-column grid (default 24, the full row); one column below 600 px anyway. */
  span: z.number().int().min(1).max(24).optional(),
  /** `true`, or a condition under which the field is required. */
  required: z.union([z.boolean(), ConditionSchema]).optional(),
  /** Shown (and submitted) only while this holds; hidden values are stripped on submit. */
  visibleWhen: ConditionSchema.optional(),
  prefill: PrefillBindingSchema.optional(),
}

export const TextFieldSchema = z.strictObject({
  ...valueFieldBase,
  type: z.literal('text'),
  minLength: z.number().int().min(0).optional(),
  /** Default 200. */
  maxLength: z.number().int().min(1).max(10_000).optional(),
  pattern: PatternRuleSchema.optional(),
  /** Built-in formats with their own messages. */
  format: z.enum(['email', 'mobile', 'phone']).optional(),
  computed: ComputedSchema.optional(),
})

export const TextareaFieldSchema = z.strictObject({
  ...valueFieldBase,
  type: z.literal('textarea'),
  minLength: z.number().int().min(0).optional(),
  /** Default 2000. */
  maxLength: z.number().int().min(1).max(50_000).optional(),
  rows: z.number().int().min(1).max(30).optional(),
  computed: ComputedSchema.optional(),
})

export const NumberFieldSchema = z.strictObject({
  ...valueFieldBase,
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  /** Decimal places allowed (and shown); any when not given, 0 when `integer`. */
  precision: z.number().int().min(0).max(6).optional(),
  unit: LocalizedTextSchema.optional(),
  computed: ComputedSchema.optional(),
})

/** An amount in yuan with at most 2 decimals. `min` defaults to 0. */
export const MoneyFieldSchema = z.strictObject({
  ...valueFieldBase,
  type: z.literal('money'),
  min: z.number().optional(),
  max: z.number().optional(),
  computed: ComputedSchema.optional(),
})

export const DateFieldSchema = z.strictObject({
  ...valueFieldBase,
  type: z.literal('date'),
  min: DateBoundSchema.optional(),
  max: DateBoundSchema.optional(),
})

/** The value is `{ start, end }`, both `YYYY-MM-DD`; the end is never before the start. */
export const DateRangeFieldSchema = z.strictObject({
  ...valueFieldBase,
  type: z.literal('dateRange'),
  min: DateBoundSchema.optional(),
  max: DateBoundSchema.optional(),
  /** The longest range allowed, in calendar days counting both ends. */
  maxDays: z.number().int().min(1).optional(),
  startLabel: LocalizedTextSchema.optional(),
  endLabel: LocalizedTextSchema.optional(),
})

export const TimeFieldSchema = z.strictObject({
  ...valueFieldBase,
  type: z.literal('time'),
  min: TimeOfDaySchema.optional(),
  max: TimeOfDaySchema.optional(),
})

export const SelectFieldSchema = z.strictObject({
  ...valueFieldBase,
  type: z.literal('select'),
  options: z.array(OptionSchema).min(1),
  /** Radio buttons suit a few options, a dropdown many (default: radio up to 4 options). */
  display: z.enum(['dropdown', 'radio']).optional(),
})

export const MultiSelectFieldSchema = z.strictObject({
  ...valueFieldBase,
  type: z.literal('multiSelect'),
  options: z.array(OptionSchema).min(1),
  minItems: z.number().int().min(0).optional(),
  maxItems: z.number().int().min(1).optional(),
  display: z.enum(['dropdown', 'checkbox']).optional(),
})

/** A yes/no value; `required` means it must be switched on (a pledge, a consent). */
export const SwitchFieldSchema = z.strictObject({
  ...valueFieldBase,
  type: z.literal('switch'),
})

/** A person picker; the value is a campus card number. */
export const PersonFieldSchema = z.strictObject({
  ...valueFieldBase,
  type: z.literal('person'),
  /** Only people of these kinds may be picked (the picker filters; the API checks). */
  kinds: z
    .array(z.enum(['staff', 'undergraduate', 'graduate', 'international']))
    .min(1)
    .optional(),
})

/** A department picker; the value is a department code (`student-affairs`). */
export const DepartmentFieldSchema = z.strictObject({
  ...valueFieldBase,
  type: z.literal('department'),
  kinds: z
    .array(z.enum(['office', 'college']))
    .min(1)
    .optional(),
})

/**
 * Files. The value is a list of references `{ id, name, size, mime }` to files already uploaded;
 * the server checks their content separately. `materialKind` lets the user pick a file of that
 * kind that they uploaded before (`id-photo`, `transcript`).
 */
export const AttachmentFieldSchema = z.strictObject({
  ...valueFieldBase,
  type: z.literal('attachment'),
  /** MIME types, or `image/*`-style families. */
  accept: z.array(z.string().regex(/^[a-z]+\/([a-z0-9.+-]+|\*)$/)).min(1),
  maxSizeMb: z.number().positive().max(200),
  /** Default 1. */
  maxFiles: z.number().int().min(1).max(50).optional(),
  materialKind: CodeSchema.optional(),
})

const nonTableFields = [
  TextFieldSchema,
  TextareaFieldSchema,
  NumberFieldSchema,
  MoneyFieldSchema,
  DateFieldSchema,
  DateRangeFieldSchema,
  TimeFieldSchema,
  SelectFieldSchema,
  MultiSelectFieldSchema,
  SwitchFieldSchema,
  PersonFieldSchema,
  DepartmentFieldSchema,
  AttachmentFieldSchema,
] as const

/**
 * A column of a table: any value field but a table. Its conditions and computed values may refer
 * to the other columns of the same row by key (those win over top-level fields of the same key).
 */
export const ColumnFieldSchema = z.discriminatedUnion('type', [...nonTableFields])
export type ColumnField = z.infer<typeof ColumnFieldSchema>

/** Repeating rows; the value is an array of row objects keyed by column. */
export const TableFieldSchema = z.strictObject({
  ...valueFieldBase,
  type: z.literal('table'),
  columns: z.array(ColumnFieldSchema).min(1),
  minRows: z.number().int().min(0).optional(),
  /** Default 100. */
  maxRows: z.number().int().min(1).max(1000).optional(),
  addLabel: LocalizedTextSchema.optional(),
})

/** Read-only text shown in the form (a notice, a rule); it holds no value. */
export const InfoFieldSchema = z.strictObject({
  key: FieldKeySchema,
  type: z.literal('info'),
  title: LocalizedTextSchema.optional(),
  content: LocalizedTextSchema,
  tone: z.enum(['info', 'success', 'warning', 'error']).optional(),
  span: z.number().int().min(1).max(24).optional(),
  visibleWhen: ConditionSchema.optional(),
})

export const FieldSchema = z.discriminatedUnion('type', [...nonTableFields, TableFieldSchema, InfoFieldSchema])
export type Field = z.infer<typeof FieldSchema>
export type FieldType = Field['type']
export type ValueField = Exclude<Field, { type: 'info' }>
export type TextField = z.infer<typeof TextFieldSchema>
export type TextareaField = z.infer<typeof TextareaFieldSchema>
export type NumberField = z.infer<typeof NumberFieldSchema>
export type MoneyField = z.infer<typeof MoneyFieldSchema>
export type DateField = z.infer<typeof DateFieldSchema>
export type DateRangeField = z.infer<typeof DateRangeFieldSchema>
export type TimeField = z.infer<typeof TimeFieldSchema>
export type SelectField = z.infer<typeof SelectFieldSchema>
export type MultiSelectField = z.infer<typeof MultiSelectFieldSchema>
export type SwitchField = z.infer<typeof SwitchFieldSchema>
export type PersonField = z.infer<typeof PersonFieldSchema>
export type DepartmentField = z.infer<typeof DepartmentFieldSchema>
export type AttachmentField = z.infer<typeof AttachmentFieldSchema>
export type TableField = z.infer<typeof TableFieldSchema>
export type InfoField = z.infer<typeof InfoFieldSchema>

// ---------------------------------------------------------------------------------------------
// Sections and the form

export const SectionSchema = z.strictObject({
  /** Optional, for anchors and for tests; unique when given. */
  key: FieldKeySchema.optional(),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  /** The whole section (and every field in it) shows only while this holds. */
  visibleWhen: ConditionSchema.optional(),
  fields: z.array(FieldSchema).min(1),
})
export type Section = z.infer<typeof SectionSchema>

export const FORM_FORMAT_VERSION = 1

export const FormDefinitionSchema = z.strictObject({
  /** The version of this format (not of the service), so stored definitions can be migrated. */
  formatVersion: z.literal(FORM_FORMAT_VERSION),
  sections: z.array(SectionSchema).min(1),
  /** Where labels go on wide screens; below 600 px they are always on top. */
  labelPosition: z.enum(['top', 'left']).optional(),
})
export type FormDefinition = z.infer<typeof FormDefinitionSchema>

/** An uploaded file as a form value refers to it. */
export const AttachmentRefSchema = z.strictObject({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(255),
  size: z.number().int().min(0),
  mime: z.string().min(1).max(200),
})
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>

/** The value of a date range field. */
export interface DateRangeValue {
  start: string
  end: string
}

/** Submitted data: field key → value (tables hold arrays of such records). */
export type FormValues = Record<string, unknown>

// ---------------------------------------------------------------------------------------------
// Definition checks beyond the schema

export interface DefinitionError {
  /** Where in the definition: `sections.1.fields.2.visibleWhen`. */
  path: string
  message: string
  /** The same in Chinese, where a service owner meets the problem in the form builder (patterns). */
  messageZh?: string
}

export type DefinitionResult = { ok: true; definition: FormDefinition } | { ok: false; errors: DefinitionError[] }

/** Every field of the form in order, with the section it belongs to. */
export function allFields(def: FormDefinition): Array<{ field: Field; section: Section; path: string }> {
  const out: Array<{ field: Field; section: Section; path: string }> = []
  def.sections.forEach((section, s) => section.fields.forEach((field, f) => out.push({ field, section, path: `sections.${s}.fields.${f}` })))
  return out
}

/** The references a condition reads. */
export function conditionRefs(cond: Condition): string[] {
  if ('all' in cond) return cond.all.flatMap(conditionRefs)
  if ('any' in cond) return cond.any.flatMap(conditionRefs)
  if ('not' in cond) return conditionRefs(cond.not)
  return [cond.field]
}

/** The references a computed value reads. */
export function computedRefs(computed: Computed): string[] {
  switch (computed.kind) {
    case 'daysBetween':
      return [computed.from, computed.to]
    case 'sum':
      return computed.fields
    case 'count':
      return [computed.field]
    case 'concat':
      return computed.parts.flatMap((p) => ('field' in p ? [p.field] : []))
  }
}

/** What a reference points at, or a reason it points at nothing. */
export type ResolvedRef =
  | { kind: 'field'; field: Field }
  | { kind: 'rangePart'; field: DateRangeField; part: 'start' | 'end' }
  | { kind: 'column'; table: TableField; column: ColumnField }
  | { kind: 'rowColumn'; column: ColumnField }

/**
 * Resolves a reference against the form, and inside a table row against its sibling columns
 * first (so a column condition can say `{ field: 'kind', … }` about its own row).
 */
export function resolveRef(fields: ReadonlyMap<string, Field>, ref: string, row?: ReadonlyMap<string, ColumnField>): ResolvedRef | string {
  const [head = '', part] = ref.split('.')
  if (row && !part) {
    const column = row.get(head)
    if (column) return { kind: 'rowColumn', column }
  }
  if (row && part) {
    const column = row.get(head)
    if (column?.type === 'dateRange') {
      if (part === 'start' || part === 'end') return { kind: 'rangePart', field: column, part }
      return `"${ref}": a date range has only .start and .end`
    }
  }
  const field = fields.get(head)
  if (!field) return `"${ref}" refers to no field`
  if (!part) return { kind: 'field', field }
  if (field.type === 'dateRange') {
    if (part === 'start' || part === 'end') return { kind: 'rangePart', field, part }
    return `"${ref}": a date range has only .start and .end`
  }
  if (field.type === 'table') {
    const column = field.columns.find((c) => c.key === part)
    if (!column) return `"${ref}": table "${head}" has no column "${part}"`
    return { kind: 'column', table: field, column }
  }
  return `"${ref}": only date ranges (.start/.end) and tables (.column) have parts`
}

/** What is wrong with a field's pattern, in both languages, naming the field. */
function patternProblemText(label: LocalizedText, p: PatternProblem): LocalizedText {
  const why = {
    en: 'patterns are matched by RE2, which takes time in proportion to the text whatever it is, so no applicant can stall the hall',
    zh: '大厅用 RE2 匹配格式规则，耗时只与输入长度成正比，任何输入都拖不垮大厅',
  }
  switch (p.kind) {
    case 'syntax':
      return { en: `"${label.en}": not a valid regular expression: ${p.detail}`, zh: `“${label.zh}”的格式规则不是有效的正则表达式：${p.detail}` }
    case 'backreference':
      return {
        en: `"${label.en}": the pattern refers back to a group (${p.detail}); ${why.en}, and RE2 has no backreferences: rewrite the pattern without them`,
        zh: `“${label.zh}”的格式规则使用了反向引用（${p.detail}）。${why.zh}；RE2 不支持反向引用，请改写规则`,
      }
    case 'lookaround':
      return {
        en: `"${label.en}": the pattern looks ahead or behind ((?=, (?!, (?<=, (?<!); ${why.en}, and RE2 has no lookaround: rewrite the pattern without it (${p.detail})`,
        zh: `“${label.zh}”的格式规则使用了前后断言（(?=、(?!、(?<=、(?<!）。${why.zh}；RE2 不支持断言，请改写规则（${p.detail}）`,
      }
    case 'unsupported':
      return {
        en: `"${label.en}": the pattern uses syntax RE2 does not have (${p.detail}); ${why.en}: rewrite that part`,
        zh: `“${label.zh}”的格式规则使用了 RE2 不支持的写法（${p.detail}）。${why.zh}；请改写这一部分`,
      }
  }
}

/** The value type a reference yields, for checking what a condition or computation can do with it. */
function refValueType(r: ResolvedRef): FieldType | 'date' | 'column' {
  if (r.kind === 'rangePart') return 'date'
  if (r.kind === 'column') return 'column'
  if (r.kind === 'rowColumn') return r.column.type
  return r.field.type
}

const ORDERED_TYPES = new Set<string>(['number', 'money', 'date', 'time', 'text'])
const NUMERIC_TYPES = new Set<string>(['number', 'money'])

/**
 * Checks a definition: its shape (the zod schema), then what a schema cannot say. Returns every
 * problem found, each with the path into the definition and a sentence a service owner can act on.
 */
export function validateDefinition(input: unknown): DefinitionResult {
  const parsed = FormDefinitionSchema.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    }
  }
  const def = parsed.data
  const errors: DefinitionError[] = []
  const err = (path: string, message: string, messageZh?: string) => errors.push({ path, message, ...(messageZh ? { messageZh } : {}) })

  // Unique keys: field keys share one namespace across sections (values are one flat record).
  const fields = new Map<string, Field>()
  const sectionKeys = new Set<string>()
  def.sections.forEach((section, s) => {
    if (section.key !== undefined) {
      if (sectionKeys.has(section.key)) err(`sections.${s}.key`, `duplicate section key "${section.key}"`)
      sectionKeys.add(section.key)
    }
  })
  for (const { field, path } of allFields(def)) {
    if (fields.has(field.key)) err(`${path}.key`, `duplicate field key "${field.key}"`)
    else fields.set(field.key, field)
    if (field.type === 'table') {
      const seen = new Set<string>()
      field.columns.forEach((column, c) => {
        if (seen.has(column.key)) err(`${path}.columns.${c}.key`, `duplicate column key "${column.key}" in table "${field.key}"`)
        seen.add(column.key)
      })
    }
  }

  const checkCondition = (cond: Condition, path: string, row?: ReadonlyMap<string, ColumnField>) => {
    const walk = (c: Condition, p: string) => {
      if ('all' in c) return c.all.forEach((x, i) => walk(x, `${p}.all.${i}`))
      if ('any' in c) return c.any.forEach((x, i) => walk(x, `${p}.any.${i}`))
      if ('not' in c) return walk(c.not, `${p}.not`)
      const r = resolveRef(fields, c.field, row)
      if (typeof r === 'string') return err(p, `condition: ${r}`)
      const type = refValueType(r)
      if (type === 'info') return err(p, `condition: "${c.field}" is an info text, which has no value`)
      const listLike = type === 'table' || type === 'attachment' || type === 'column'
      if (listLike && c.op !== 'empty' && c.op !== 'notEmpty') {
        err(p, `condition: "${c.field}" is a list; only empty/notEmpty apply to it`)
      }
      if ((c.op === 'gt' || c.op === 'gte' || c.op === 'lt' || c.op === 'lte') && !ORDERED_TYPES.has(type)) {
        err(p, `condition: "${c.op}" needs a number, money, date or time, but "${c.field}" is ${type}`)
      }
      if ((c.op === 'gt' || c.op === 'gte' || c.op === 'lt' || c.op === 'lte') && NUMERIC_TYPES.has(type) && typeof c.value !== 'number') {
        err(p, `condition: "${c.field}" is a number, so compare it with a number`)
      }
      const options = r.kind === 'field' || r.kind === 'rowColumn' ? optionValues(r.kind === 'field' ? r.field : r.column) : undefined
      if (options && 'value' in c) {
        const values = Array.isArray(c.value) ? c.value : [c.value]
        for (const v of values) {
          if (!options.has(String(v))) err(p, `condition: "${c.field}" has no option "${String(v)}"`)
        }
      }
    }
    walk(cond, path)
  }

  const checkComputed = (field: Field, path: string, row?: ReadonlyMap<string, ColumnField>) => {
    if (!('computed' in field) || !field.computed) return
    const computed = field.computed
    const p = `${path}.computed`
    const expect: Record<Computed['kind'], string[]> = {
      daysBetween: ['number'],
      count: ['number'],
      sum: ['number', 'money'],
      concat: ['text', 'textarea'],
    }
    if (!expect[computed.kind].includes(field.type)) {
      err(p, `a ${field.type} field cannot hold a "${computed.kind}" value (use ${expect[computed.kind].join(' or ')})`)
    }
    for (const ref of computedRefs(computed)) {
      const r = resolveRef(fields, ref, row)
      if (typeof r === 'string') {
        err(p, `computed: ${r}`)
        continue
      }
      const type = refValueType(r)
      if (computed.kind === 'daysBetween' && type !== 'date') {
        err(p, `computed: daysBetween needs dates or date-range parts, but "${ref}" is ${type}`)
      }
      if (computed.kind === 'sum') {
        const valueType = r.kind === 'column' ? r.column.type : type
        if (!NUMERIC_TYPES.has(valueType)) err(p, `computed: sum needs numbers or money, but "${ref}" is ${valueType}`)
      }
      if (computed.kind === 'count' && type !== 'table' && type !== 'attachment' && type !== 'multiSelect') {
        err(p, `computed: count needs a table, an attachment or a multiple choice, but "${ref}" is ${type}`)
      }
      if (computed.kind === 'concat' && (type === 'table' || type === 'info' || type === 'column')) {
        err(p, `computed: concat cannot join "${ref}" (${type})`)
      }
    }
    if (field.prefill) err(p, 'a computed field cannot also be pre-filled')
  }

  const checkDateBound = (bound: DateBound | undefined, path: string, row?: ReadonlyMap<string, ColumnField>) => {
    if (bound === undefined) return
    if (typeof bound === 'string') {
      if (!isValidIsoDate(bound)) err(path, `"${bound}" is not a calendar date`)
      return
    }
    if ('field' in bound) {
      const r = resolveRef(fields, bound.field, row)
      if (typeof r === 'string') err(path, `date limit: ${r}`)
      else if (refValueType(r) !== 'date') err(path, `date limit: "${bound.field}" is not a date`)
    }
  }

  const checkField = (field: Field, path: string, row?: ReadonlyMap<string, ColumnField>) => {
    if (field.visibleWhen) checkCondition(field.visibleWhen, `${path}.visibleWhen`, row)
    if (field.type === 'info') return
    if (field.required !== undefined && typeof field.required !== 'boolean') {
      checkCondition(field.required, `${path}.required`, row)
    }
    checkComputed(field, path, row)
    switch (field.type) {
      case 'text':
      case 'textarea':
        if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) {
          err(path, 'minLength is greater than maxLength')
        }
        if (field.type === 'text' && field.pattern) {
          const problem = patternProblem(field.pattern.regex)
          if (problem) {
            const { en, zh } = patternProblemText(field.label, problem)
            err(`${path}.pattern.regex`, en, zh)
          }
        }
        break
      case 'number':
      case 'money':
        if (field.min !== undefined && field.max !== undefined && field.min > field.max) err(path, 'min is greater than max')
        break
      case 'date':
      case 'dateRange':
        checkDateBound(field.min, `${path}.min`, row)
        checkDateBound(field.max, `${path}.max`, row)
        break
      case 'time':
        if (field.min !== undefined && field.max !== undefined && field.min > field.max) err(path, 'min is later than max')
        break
      case 'select':
      case 'multiSelect': {
        const seen = new Set<string>()
        field.options.forEach((o, i) => {
          if (seen.has(o.value)) err(`${path}.options.${i}.value`, `duplicate option value "${o.value}"`)
          seen.add(o.value)
        })
        if (field.type === 'multiSelect' && field.minItems !== undefined && field.maxItems !== undefined && field.minItems > field.maxItems) {
          err(path, 'minItems is greater than maxItems')
        }
        break
      }
      case 'table': {
        if (field.minRows !== undefined && field.maxRows !== undefined && field.minRows > field.maxRows) {
          err(path, 'minRows is greater than maxRows')
        }
        const columns = new Map(field.columns.map((c) => [c.key, c] as const))
        field.columns.forEach((column, c) => {
          if (column.prefill) err(`${path}.columns.${c}.prefill`, 'a table column cannot be pre-filled')
          checkField(column, `${path}.columns.${c}`, columns)
        })
        break
      }
    }
  }

  def.sections.forEach((section, s) => {
    if (section.visibleWhen) checkCondition(section.visibleWhen, `sections.${s}.visibleWhen`)
  })
  for (const { field, path } of allFields(def)) checkField(field, path)

  // Cycles: a field's value or visibility must not depend, through any chain, on itself.
  // (Visibility matters too: a value that hides the field it is computed from would flicker.)
  if (errors.length === 0) {
    const cycle = findCycle(def)
    if (cycle) err('sections', `circular dependency: ${cycle.join(' → ')}`)
    def.sections.forEach((section, s) =>
      section.fields.forEach((field, f) => {
        if (field.type !== 'table') return
        const rowCycle = findRowCycle(field)
        if (rowCycle) err(`sections.${s}.fields.${f}.columns`, `circular dependency: ${rowCycle.join(' → ')}`)
      }),
    )
  }

  return errors.length ? { ok: false, errors } : { ok: true, definition: def }
}

function optionValues(field: Field | ColumnField): Set<string> | undefined {
  if (field.type === 'select' || field.type === 'multiSelect') return new Set(field.options.map((o) => o.value))
  return undefined
}

/**
 * A string that `isValidIsoDate` accepted. Branded so that its guard narrows only one way: a
 * string it refuses is still a string (with `value is string`, TypeScript took it for `never`).
 */
export type IsoDate = string & { readonly __isoDate: true }

/** True for a real calendar date written `YYYY-MM-DD` (not 2026-02-30). */
export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * The top-level fields each field depends on: for its visibility (its own condition and its
 * section's), and for its computed value. Table columns count as their table.
 */
export function fieldDependencies(def: FormDefinition): Map<string, Set<string>> {
  const deps = new Map<string, Set<string>>()
  for (const { field, section } of allFields(def)) {
    const refs: string[] = []
    if (section.visibleWhen) refs.push(...conditionRefs(section.visibleWhen))
    if (field.visibleWhen) refs.push(...conditionRefs(field.visibleWhen))
    if ('computed' in field && field.computed) refs.push(...computedRefs(field.computed))
    if (field.type === 'table') {
      const own = new Set(field.columns.map((c) => c.key))
      for (const column of field.columns) {
        const columnRefs = [
          ...(column.visibleWhen ? conditionRefs(column.visibleWhen) : []),
          ...('computed' in column && column.computed ? computedRefs(column.computed) : []),
        ]
        // A bare key naming a sibling column stays inside the row; anything else is the form's.
        refs.push(...columnRefs.filter((r) => !own.has(r.split('.')[0] ?? '')))
      }
    }
    deps.set(field.key, new Set(refs.map((r) => r.split('.')[0] ?? r)))
  }
  return deps
}

function cycleIn(nodes: string[], deps: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node]
    state.set(node, 'visiting')
    stack.push(node)
    for (const next of deps.get(node) ?? []) {
      if (!deps.has(next)) continue
      const found = visit(next)
      if (found) return found
    }
    stack.pop()
    state.set(node, 'done')
    return undefined
  }
  for (const node of nodes) {
    const found = visit(node)
    if (found) return found
  }
  return undefined
}

function findCycle(def: FormDefinition): string[] | undefined {
  const deps = fieldDependencies(def)
  return cycleIn([...deps.keys()], deps)
}

/** Dependencies between the columns of one row. */
export function columnDependencies(table: TableField): Map<string, Set<string>> {
  const own = new Set(table.columns.map((c) => c.key))
  const deps = new Map<string, Set<string>>()
  for (const column of table.columns) {
    const refs = [
      ...(column.visibleWhen ? conditionRefs(column.visibleWhen) : []),
      ...('computed' in column && column.computed ? computedRefs(column.computed) : []),
    ]
    deps.set(column.key, new Set(refs.map((r) => r.split('.')[0] ?? r).filter((k) => own.has(k))))
  }
  return deps
}

function findRowCycle(table: TableField): string[] | undefined {
  const deps = columnDependencies(table)
  return cycleIn([...deps.keys()], deps)
}

/**
 * Keys in an order where each comes after what it depends on (declaration order otherwise).
 * A cycle, which `validateDefinition` rejects, is broken at declaration order rather than thrown.
 */
export function dependencyOrder(keys: readonly string[], deps: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const order: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (key: string) => {
    if (state.has(key)) return
    state.set(key, 'visiting')
    for (const dep of deps.get(key) ?? []) if (deps.has(dep) && dep !== key) visit(dep)
    state.set(key, 'done')
    order.push(key)
  }
  keys.forEach(visit)
  return order
}
