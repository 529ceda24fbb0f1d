import {
  isConfirmationStep,
  processDefinitionSchema,
  reservedIds,
  userKindSchema,
  type AssigneeRule,
  type Condition,
  type FormFieldRef,
  type LocalizedText,
  type Next,
  type ProcessDefinition,
  type StepBody,
} from './definition.ts'

// What a schema cannot check: that every reference leads somewhere, every step can be reached,
// the flow cannot loop, a parallel group has something to run, and conditions read fields the
// definition declares. The API runs this before it publishes a service version, and the engine
// again when an application is submitted.

export type ValidationIssueCode =
  | 'schema'
  | 'duplicate_id'
  | 'reserved_id'
  | 'no_steps'
  | 'empty_parallel'
  | 'empty_branch'
  | 'no_assignees'
  | 'empty_rules'
  | 'dangling_reference'
  | 'unreachable_step'
  | 'cycle'
  | 'no_default_route'
  | 'unreachable_route'
  | 'duplicate_field'
  | 'undeclared_field'
  | 'field_type'
  | 'invalid_condition'
  | 'mixed_confirmation'

export interface ValidationIssue {
  code: ValidationIssueCode
  /** Where, as a path into the definition: `steps[2].branches[0].steps[1].assignees`. */
  path: string
  /** The step (or group) the issue is in, when there is one. */
  stepId: string | null
  message: LocalizedText
}

export type ValidationResult = { ok: true; definition: ProcessDefinition; issues: [] } | { ok: false; issues: ValidationIssue[] }

const applicantValues: Partial<Record<string, readonly string[]>> = {
  kind: userKindSchema.options,
  degree: ['bachelor', 'master', 'doctor'],
  cadreLevel: ['division', 'bureau'],
}

/** Checks a definition (any JSON) and reports every problem found, with where it is. */
export function validateProcess(input: unknown): ValidationResult {
  const parsed = processDefinitionSchema.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        code: 'schema',
        path: formatPath(issue.path),
        stepId: null,
        message: { zh: `格式不符：${issue.message}`, en: `Not the expected shape: ${issue.message}` },
      })),
    }
  }
  const def = parsed.data
  const issues = new Checker(def).run()
  return issues.length === 0 ? { ok: true, definition: def, issues: [] } : { ok: false, issues }
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '')
}

class Checker {
  private readonly issues: ValidationIssue[] = []
  private readonly fields = new Map<string, FormFieldRef>()
  private readonly topIds = new Set<string>()
  private readonly branchStepIds = new Set<string>()

  constructor(private readonly def: ProcessDefinition) {}

  run(): ValidationIssue[] {
    this.checkFields()
    this.checkIds()
    if (this.def.steps.length === 0) this.add('no_steps', 'steps', null, '流程没有任何环节，无人审核', 'The process has no steps: nobody would review it')
    this.checkNext(this.def.start, 'start', null)
    this.def.steps.forEach((node, i) => {
      const path = `steps[${i}]`
      if (node.type === 'approval') {
        this.checkStep(node, path)
      } else {
        if (node.branches.length === 0)
          this.add('empty_parallel', `${path}.branches`, node.id, `并行环节“${node.id}”没有分支`, `Parallel group "${node.id}" has no branches`)
        node.branches.forEach((branch, b) => {
          const bpath = `${path}.branches[${b}]`
          if (branch.steps.length === 0) this.add('empty_branch', `${bpath}.steps`, node.id, `分支“${branch.id}”没有环节`, `Branch "${branch.id}" has no steps`)
          if (branch.when) this.checkCondition(branch.when, `${bpath}.when`, node.id)
          branch.steps.forEach((body, s) => this.checkStep(body, `${bpath}.steps[${s}]`))
        })
      }
      this.checkNext(node.next, `${path}.next`, node.id)
    })
    this.def.fallbackAssignees?.forEach((rule, i) => this.checkRule(rule, `fallbackAssignees[${i}]`, null))
    this.def.onComplete?.forEach((action, i) => {
      if (action.kind !== 'copyTo') return
      if (action.to.length === 0) this.add('empty_rules', `onComplete[${i}].to`, null, '办结抄送没有指定任何人', 'The completion copy names nobody')
      action.to.forEach((rule, r) => this.checkRule(rule, `onComplete[${i}].to[${r}]`, null))
    })
    this.checkGraph()
    return this.issues
  }

  private add(code: ValidationIssueCode, path: string, stepId: string | null, zh: string, en: string): void {
    this.issues.push({ code, path, stepId, message: { zh, en } })
  }

  private checkFields(): void {
    this.def.formFields.forEach((field, i) => {
      if (this.fields.has(field.name))
        this.add('duplicate_field', `formFields[${i}]`, null, `表单字段“${field.name}”重复声明`, `Form field "${field.name}" is declared twice`)
      this.fields.set(field.name, field)
    })
  }

  private checkIds(): void {
    const seen = new Map<string, string>()
    const claim = (id: string, path: string) => {
      if ((reservedIds as readonly string[]).includes(id))
        this.add('reserved_id', path, id, `“${id}”是保留字，不能用作环节标识`, `"${id}" is reserved and cannot be a step id`)
      const first = seen.get(id)
      if (first !== undefined) this.add('duplicate_id', path, id, `环节标识“${id}”与 ${first} 重复`, `Step id "${id}" is already used at ${first}`)
      else seen.set(id, path)
    }
    this.def.steps.forEach((node, i) => {
      claim(node.id, `steps[${i}].id`)
      this.topIds.add(node.id)
      if (node.type !== 'parallel') return
      const branchIds = new Set<string>()
      node.branches.forEach((branch, b) => {
        if (branchIds.has(branch.id))
          this.add('duplicate_id', `steps[${i}].branches[${b}].id`, node.id, `分支标识“${branch.id}”重复`, `Branch id "${branch.id}" is used twice`)
        branchIds.add(branch.id)
        branch.steps.forEach((body, s) => {
          claim(body.id, `steps[${i}].branches[${b}].steps[${s}].id`)
          this.branchStepIds.add(body.id)
        })
      })
    })
  }

  private checkStep(body: StepBody, path: string): void {
    if (body.assignees.length === 0)
      this.add('no_assignees', `${path}.assignees`, body.id, `环节“${body.id}”没有办理人规则`, `Step "${body.id}" has no assignee rules`)
    body.assignees.forEach((rule, i) => this.checkRule(rule, `${path}.assignees[${i}]`, body.id))
    if (isConfirmationStep(body)) this.checkConfirmation(body, path)
    for (const key of ['copyTo', 'escalateTo'] as const) {
      const rules = body[key]
      if (rules === undefined) continue
      if (rules.length === 0) this.add('empty_rules', `${path}.${key}`, body.id, `环节“${body.id}”的 ${key} 为空`, `Step "${body.id}" has an empty ${key}`)
      rules.forEach((rule, i) => this.checkRule(rule, `${path}.${key}[${i}]`, body.id))
    }
  }

  /**
   * A confirmation asks the person named in the form and nobody else: no reviewer rules beside
   * theirs, and no one to escalate to (who would then take the task over).
   */
  private checkConfirmation(body: StepBody, path: string): void {
    body.assignees.forEach((rule, i) => {
      if (!('namedIn' in rule))
        this.add(
          'mixed_confirmation',
          `${path}.assignees[${i}]`,
          body.id,
          `环节“${body.id}”请表单中指定的人本人确认，不能同时配置其他办理人`,
          `Step "${body.id}" asks the person named in the form to confirm: it cannot have other assignee rules`,
        )
    })
    if (body.escalateTo !== undefined)
      this.add(
        'mixed_confirmation',
        `${path}.escalateTo`,
        body.id,
        `环节“${body.id}”是本人确认，不能由超时提醒人接办`,
        `Step "${body.id}" is a confirmation in person: nobody can be escalated to take it over`,
      )
  }

  private checkRule(rule: AssigneeRule, path: string, stepId: string | null): void {
    if (rule.when) this.checkCondition(rule.when, `${path}.when`, stepId)
    if ('field' in rule) this.checkFieldRef(rule.field, 'cardNumber', `${path}.field`, stepId)
    if ('namedIn' in rule) this.checkFieldRef(rule.namedIn, 'cardNumber', `${path}.namedIn`, stepId)
    if ('role' in rule && typeof rule.scope === 'object' && 'field' in rule.scope)
      this.checkFieldRef(rule.scope.field, 'department', `${path}.scope.field`, stepId)
  }

  private checkFieldRef(name: string, type: FormFieldRef['type'], path: string, stepId: string | null): void {
    const field = this.fields.get(name)
    if (!field) {
      this.add('undeclared_field', path, stepId, `表单字段“${name}”未在 formFields 中声明`, `Form field "${name}" is not declared in formFields`)
      return
    }
    if (field.type !== type)
      this.add(
        'field_type',
        path,
        stepId,
        `表单字段“${name}”应为 ${type} 类型，声明为 ${field.type}`,
        `Form field "${name}" should be a ${type}, it is declared as ${field.type}`,
      )
  }

  private checkCondition(condition: Condition, path: string, stepId: string | null): void {
    const bad = (zh: string, en: string) => this.add('invalid_condition', path, stepId, zh, en)
    if ('all' in condition || 'any' in condition) {
      const [key, list] = 'all' in condition ? ['all', condition.all] : ['any', condition.any]
      if (list.length === 0) bad(`${key} 条件列表为空`, `An empty "${key}" list: write the condition out or remove it`)
      list.forEach((c, i) => this.checkCondition(c, `${path}.${key}[${i}]`, stepId))
      return
    }
    if ('not' in condition) {
      this.checkCondition(condition.not, `${path}.not`, stepId)
      return
    }
    const { op, value } = condition
    if (op === 'exists' || op === 'notExists') {
      if (value !== undefined) bad(`${op} 不需要 value`, `"${op}" takes no value`)
    } else if (op === 'in' || op === 'notIn') {
      if (!Array.isArray(value)) bad(`${op} 的 value 应为数组`, `"${op}" needs an array value`)
    } else if (value === undefined || Array.isArray(value)) {
      bad(`${op} 需要一个值`, `"${op}" needs a single value`)
    } else if ((op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') && typeof value !== 'number' && typeof value !== 'string') {
      bad(`${op} 只能比较数字或字符串`, `"${op}" compares numbers or strings only`)
    }
    const values = value === undefined ? [] : Array.isArray(value) ? value : [value]
    if ('field' in condition) {
      const field = this.fields.get(condition.field)
      if (!field) {
        this.add(
          'undeclared_field',
          `${path}.field`,
          stepId,
          `条件读取的表单字段“${condition.field}”未声明`,
          `The condition reads form field "${condition.field}", which is not declared in formFields`,
        )
        return
      }
      if (field.type === 'number' && values.some((v) => typeof v !== 'number'))
        bad(`数字字段“${field.name}”应与数字比较`, `Number field "${field.name}" must be compared with numbers`)
      if (field.type === 'boolean' && (values.some((v) => typeof v !== 'boolean') || ['gt', 'gte', 'lt', 'lte'].includes(op)))
        bad(`布尔字段“${field.name}”只能用 eq/ne 与 true/false 比较`, `Boolean field "${field.name}" compares with true/false by eq/ne only`)
      return
    }
    const allowed = applicantValues[condition.applicant]
    if (allowed) {
      const unknown = values.filter((v) => typeof v !== 'string' || !allowed.includes(v))
      if (unknown.length > 0)
        bad(
          `申请人 ${condition.applicant} 没有取值 ${unknown.join(', ')}`,
          `Applicant ${condition.applicant} is never ${unknown.join(', ')} (one of ${allowed.join(', ')})`,
        )
    }
  }

  private checkNext(next: Next, path: string, stepId: string | null): void {
    const check = (to: string, p: string) => {
      if (to === 'end' || this.topIds.has(to)) return
      if (this.branchStepIds.has(to))
        this.add(
          'dangling_reference',
          p,
          stepId,
          `不能直接转到并行分支内的环节“${to}”，请转到其并行环节`,
          `"${to}" is inside a parallel branch: route to its group instead`,
        )
      else this.add('dangling_reference', p, stepId, `转到不存在的环节“${to}”`, `Routes to "${to}", which is not a step`)
    }
    if (typeof next === 'string') {
      check(next, path)
      return
    }
    if (next.length === 0 || next[next.length - 1]?.when !== undefined)
      this.add(
        'no_default_route',
        path,
        stepId,
        '最后一条去向必须没有条件（否则可能无路可走）',
        'The last route must have no condition, so that some route always applies',
      )
    let open = true
    next.forEach((route, i) => {
      if (!open)
        this.add(
          'unreachable_route',
          `${path}[${i}]`,
          stepId,
          '此去向前已有无条件去向，永远不会用到',
          'An unconditional route comes before this one: it is never taken',
        )
      if (route.when === undefined) open = false
      else this.checkCondition(route.when, `${path}[${i}].when`, stepId)
      check(route.to, `${path}[${i}].to`)
    })
  }

  private targets(next: Next): string[] {
    return (typeof next === 'string' ? [next] : next.map((r) => r.to)).filter((to) => this.topIds.has(to))
  }

  private checkGraph(): void {
    const byId = new Map(this.def.steps.map((node, i) => [node.id, { node, i }]))
    // Reachability from the start.
    const reached = new Set<string>()
    const queue = this.targets(this.def.start)
    while (queue.length > 0) {
      const id = queue.shift() as string
      if (reached.has(id)) continue
      reached.add(id)
      const entry = byId.get(id)
      if (entry) queue.push(...this.targets(entry.node.next))
    }
    for (const [id, { i }] of byId)
      if (!reached.has(id)) this.add('unreachable_step', `steps[${i}]`, id, `环节“${id}”从开始无法到达`, `Step "${id}" cannot be reached from the start`)
    // Cycles: the flow only goes forward; going back is what `return` is for.
    const state = new Map<string, 'visiting' | 'done'>()
    const reported = new Set<string>()
    const visit = (id: string, trail: string[]) => {
      if (state.get(id) === 'done') return
      if (state.get(id) === 'visiting') {
        const loop = [...trail.slice(trail.indexOf(id)), id]
        const key = [...loop].sort().join(',')
        if (!reported.has(key)) {
          reported.add(key)
          const entry = byId.get(id)
          this.add(
            'cycle',
            entry ? `steps[${entry.i}].next` : 'steps',
            id,
            `流程存在循环：${loop.join(' → ')}（退回请用“退回”操作）`,
            `The flow loops: ${loop.join(' → ')} (going back is what "return" is for)`,
          )
        }
        return
      }
      state.set(id, 'visiting')
      const entry = byId.get(id)
      if (entry) for (const to of this.targets(entry.node.next)) visit(to, [...trail, id])
      state.set(id, 'done')
    }
    for (const id of byId.keys()) visit(id, [])
  }
}
