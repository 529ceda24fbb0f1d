import type { AssigneeRule, Condition, FormFieldRef, LocalizedText, Next, ProcessDefinition } from './definition.ts'
import { validateProcess, type ValidationIssue, type ValidationIssueCode } from './validate.ts'

// What a department must hear before it publishes a process, beyond what the definition alone
// says (validateProcess): whether the people it names exist in the organisation, whether the form
// it reads has the fields it reads, and whether the flow enters a parallel group only through its
// split. The organisation and the form are given by the caller (the API reads them from its
// tables), so this stays pure. Every issue says where: a path into the definition, the step it is
// in, and a message in both languages that names the step.

export type DefinitionIssueCode =
  | ValidationIssueCode
  /** A role rule names a role that nobody holds (in that department, for a department scope). */
  | 'role_not_held'
  /** A `{ person }` rule names a card number the organisation does not know. */
  | 'unknown_person'
  /** A `{ department }` scope names a department the organisation does not have. */
  | 'unknown_department'
  /** A condition or rule reads a field that the form does not have. */
  | 'unknown_form_field'
  /** The form has the field, but of a type other than the process declares. */
  | 'form_field_type'
  /** A route leads into a step of a parallel branch: it would reach the group's join without its split. */
  | 'join_without_split'

export interface DefinitionIssue extends Omit<ValidationIssue, 'code'> {
  code: DefinitionIssueCode
}

/** What the organisation can answer about the people a process names. */
export interface OrganisationFacts {
  /** Whether anyone holds `role` in `department`, or anywhere when `department` is not given. */
  roleIsHeld(role: string, department?: string): boolean
  personExists?(cardNumber: string): boolean
  departmentExists?(code: string): boolean
}

/** The type of each field of the service's form, in the process's terms (`number`, `string`, …). */
export type FormFieldTypes = Readonly<Record<string, FormFieldRef['type'] | 'other'>>

export interface DefinitionContext {
  organisation?: OrganisationFacts
  /** The form of the same service version; without it the form is not checked. */
  formFields?: FormFieldTypes
}

export type DefinitionValidation = { ok: true; definition: ProcessDefinition; issues: [] } | { ok: false; issues: DefinitionIssue[] }

/**
 * Checks a process definition (any JSON) against itself (validateProcess), the organisation and
 * the form, and reports every problem with where it is.
 */
export function validateDefinition(input: unknown, context: DefinitionContext = {}): DefinitionValidation {
  const base = validateProcess(input)
  // A definition of the wrong shape cannot be walked; its schema issues say where already.
  if (!base.ok && base.issues.some((i) => i.code === 'schema')) return { ok: false, issues: base.issues }
  const def = (base.ok ? base.definition : input) as ProcessDefinition
  const walker = new Walker(def, context)
  const extra = walker.run()
  // A route into a branch is reported once, as the join without its split it is.
  const joins = new Set(extra.filter((i) => i.code === 'join_without_split').map((i) => i.path))
  const issues: DefinitionIssue[] = [...base.issues.filter((i) => !(i.code === 'dangling_reference' && joins.has(i.path))), ...extra]
  return issues.length === 0 ? { ok: true, definition: def, issues: [] } : { ok: false, issues }
}

/** How a step is named in a message: its name in that language and its id. */
function stepLabel(name: LocalizedText | undefined, id: string | null): LocalizedText {
  if (id === null) return { zh: '流程', en: 'The process' }
  return name ? { zh: `环节“${name.zh}”（${id}）`, en: `Step "${name.en}" (${id})` } : { zh: `环节 ${id}`, en: `Step ${id}` }
}

class Walker {
  private readonly issues: DefinitionIssue[] = []
  private readonly declared: Map<string, FormFieldRef>
  private readonly branchSteps = new Map<string, string>()

  constructor(
    private readonly def: ProcessDefinition,
    private readonly context: DefinitionContext,
  ) {
    this.declared = new Map(def.formFields.map((f) => [f.name, f]))
  }

  run(): DefinitionIssue[] {
    const { def } = this
    for (const node of def.steps) if (node.type === 'parallel') for (const b of node.branches) for (const s of b.steps) this.branchSteps.set(s.id, node.id)
    this.checkDeclaredFields()
    this.checkNext(def.start, 'start', null, undefined)
    def.steps.forEach((node, i) => {
      const path = `steps[${i}]`
      if (node.type === 'approval') {
        this.checkBody(node, path)
      } else {
        node.branches.forEach((branch, b) => {
          const bpath = `${path}.branches[${b}]`
          const where = stepLabel(node.name, node.id)
          if (branch.when)
            this.checkCondition(branch.when, `${bpath}.when`, node.id, {
              zh: `${where.zh}的分支“${branch.name?.zh ?? branch.id}”`,
              en: `${where.en}, branch "${branch.name?.en ?? branch.id}"`,
            })
          branch.steps.forEach((body, s) => this.checkBody(body, `${bpath}.steps[${s}]`))
        })
      }
      this.checkNext(node.next, `${path}.next`, node.id, node.name)
    })
    def.fallbackAssignees?.forEach((rule, i) => this.checkRule(rule, `fallbackAssignees[${i}]`, null, stepLabel(undefined, null)))
    def.onComplete?.forEach((action, i) => {
      if (action.kind === 'copyTo')
        action.to.forEach((rule, r) => this.checkRule(rule, `onComplete[${i}].to[${r}]`, null, { zh: '办结抄送', en: 'The completion copy' }))
    })
    return this.issues
  }

  private add(code: DefinitionIssueCode, path: string, stepId: string | null, zh: string, en: string): void {
    this.issues.push({ code, path, stepId, message: { zh, en } })
  }

  /** The form must have every field the process declares, of a matching type. */
  private checkDeclaredFields(): void {
    const form = this.context.formFields
    if (!form) return
    this.def.formFields.forEach((field, i) => {
      const actual = form[field.name]
      if (actual === undefined)
        this.add(
          'unknown_form_field',
          `formFields[${i}]`,
          null,
          `流程读取的字段“${field.label.zh}”（${field.name}）不在表单中`,
          `The process reads field "${field.label.en}" (${field.name}), which the form does not have`,
        )
      else if (!compatible(field.type, actual))
        this.add(
          'form_field_type',
          `formFields[${i}]`,
          null,
          `字段“${field.name}”在表单中的类型与流程声明的 ${field.type} 不符`,
          `Field "${field.name}" is not a ${field.type} in the form`,
        )
    })
  }

  private checkBody(
    body: { id: string; name: LocalizedText; assignees: AssigneeRule[]; copyTo?: AssigneeRule[]; escalateTo?: AssigneeRule[] },
    path: string,
  ): void {
    const where = stepLabel(body.name, body.id)
    body.assignees.forEach((rule, i) => this.checkRule(rule, `${path}.assignees[${i}]`, body.id, where))
    body.copyTo?.forEach((rule, i) => this.checkRule(rule, `${path}.copyTo[${i}]`, body.id, { zh: `${where.zh}的抄送`, en: `${where.en}, copy-to` }))
    body.escalateTo?.forEach((rule, i) =>
      this.checkRule(rule, `${path}.escalateTo[${i}]`, body.id, { zh: `${where.zh}的超时提醒`, en: `${where.en}, escalation` }),
    )
  }

  private checkRule(rule: AssigneeRule, path: string, stepId: string | null, where: LocalizedText): void {
    if (rule.when) this.checkCondition(rule.when, `${path}.when`, stepId, where)
    const org = this.context.organisation
    if ('role' in rule) {
      const scope = rule.scope
      if (typeof scope === 'object' && 'department' in scope) {
        if (org?.departmentExists && !org.departmentExists(scope.department))
          this.add(
            'unknown_department',
            `${path}.scope.department`,
            stepId,
            `${where.zh}：没有部门“${scope.department}”`,
            `${where.en}: there is no department "${scope.department}"`,
          )
        else if (org && !org.roleIsHeld(rule.role, scope.department))
          this.add(
            'role_not_held',
            `${path}.role`,
            stepId,
            `${where.zh}：部门“${scope.department}”中没有人担任角色“${rule.role}”，任务将无人办理`,
            `${where.en}: nobody holds role "${rule.role}" in department "${scope.department}", so its tasks would go to nobody`,
          )
      } else {
        if (typeof scope === 'object' && 'field' in scope) this.checkFormField(scope.field, `${path}.scope.field`, stepId, where)
        if (org && !org.roleIsHeld(rule.role))
          this.add(
            'role_not_held',
            `${path}.role`,
            stepId,
            `${where.zh}：组织中没有人担任角色“${rule.role}”，任务将无人办理`,
            `${where.en}: nobody in the organisation holds role "${rule.role}", so its tasks would go to nobody`,
          )
      }
    } else if ('person' in rule) {
      if (org?.personExists && !org.personExists(rule.person))
        this.add(
          'unknown_person',
          `${path}.person`,
          stepId,
          `${where.zh}：卡号 ${rule.person} 不是组织中的人员`,
          `${where.en}: card number ${rule.person} is nobody in the organisation`,
        )
    } else if ('field' in rule) {
      this.checkFormField(rule.field, `${path}.field`, stepId, where)
    } else if ('namedIn' in rule) {
      this.checkFormField(rule.namedIn, `${path}.namedIn`, stepId, where)
    }
  }

  private checkCondition(condition: Condition, path: string, stepId: string | null, where: LocalizedText): void {
    if ('all' in condition) return condition.all.forEach((c, i) => this.checkCondition(c, `${path}.all[${i}]`, stepId, where))
    if ('any' in condition) return condition.any.forEach((c, i) => this.checkCondition(c, `${path}.any[${i}]`, stepId, where))
    if ('not' in condition) return this.checkCondition(condition.not, `${path}.not`, stepId, where)
    if ('field' in condition) this.checkFormField(condition.field, `${path}.field`, stepId, where)
  }

  /** A field the process reads must be in the form (its declaration is validateProcess's to check). */
  private checkFormField(name: string, path: string, stepId: string | null, where: LocalizedText): void {
    const form = this.context.formFields
    if (!form || !this.declared.has(name) || form[name] !== undefined) return
    this.add(
      'unknown_form_field',
      path,
      stepId,
      `${where.zh}：条件读取的字段“${name}”不在表单中`,
      `${where.en}: the condition reads field "${name}", which the form does not have`,
    )
  }

  private checkNext(next: Next, path: string, stepId: string | null, name: LocalizedText | undefined): void {
    const where = stepLabel(name, stepId)
    const targets = typeof next === 'string' ? [{ to: next, path }] : next.map((r, i) => ({ to: r.to, path: `${path}[${i}].to` }))
    for (const t of targets) {
      const group = this.branchSteps.get(t.to)
      if (group === undefined) continue
      this.add(
        'join_without_split',
        t.path,
        stepId,
        `${where.zh}：直接转到并行环节“${group}”分支内的环节“${t.to}”，会绕过并行的开始而到达其汇合；请转到并行环节“${group}”`,
        `${where.en}: routes straight to "${t.to}" inside a branch of parallel group "${group}", reaching its join without its split; route to "${group}" instead`,
      )
    }
  }
}

/** Whether a form field of type `actual` can hold what the process declares as `declared`. */
function compatible(declared: FormFieldRef['type'], actual: FormFieldRef['type'] | 'other'): boolean {
  if (declared === actual) return true
  // A select's option values and a text are both strings to a condition.
  return declared === 'string' && actual !== 'other' && actual !== 'boolean' && actual !== 'number'
}
