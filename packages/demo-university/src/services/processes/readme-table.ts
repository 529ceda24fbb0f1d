import type { Condition, Next, ProcessDefinition } from '@hall/workflow'

// Renders the table of processes/README.md from the definitions themselves, so that the names
// the forms engineer reads there are the names the engine reads (a test compares the two).
// When they differ, the failing test prints the table to paste.

export const ops: Record<string, string> = {
  eq: '=',
  ne: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  in: 'in',
  notIn: 'not in',
  exists: 'exists',
  notExists: 'is empty',
}

export function renderCondition(c: Condition): string {
  if ('all' in c) return c.all.map(renderCondition).join(' and ')
  if ('any' in c) return `(${c.any.map(renderCondition).join(' or ')})`
  if ('not' in c) return `not (${renderCondition(c.not)})`
  const subject = 'field' in c ? `\`${c.field}\`` : `applicant.${c.applicant}`
  const value = c.value === undefined ? '' : ` ${Array.isArray(c.value) ? c.value.join('/') : String(c.value)}`
  return `${subject} ${ops[c.op]}${value}`
}

function renderRoutes(from: string, next: Next): string[] {
  if (typeof next === 'string') return []
  return next.filter((r) => r.when !== undefined).map((r) => `${from} → ${r.to} when ${renderCondition(r.when as Condition)}`)
}

export function renderSteps(def: ProcessDefinition): string {
  return def.steps
    .map((node) =>
      node.type === 'approval'
        ? node.id
        : `${node.id} (${node.mode === 'all' ? '会签' : '或签'}: ${node.branches.map((b) => b.steps.map((s) => s.id).join(' → ')).join(' ‖ ')})`,
    )
    .join(' → ')
}

export function renderRow(def: ProcessDefinition): string {
  const routes = [...renderRoutes('start', def.start), ...def.steps.flatMap((n) => renderRoutes(n.id, n.next))]
  const fields = def.formFields.map((f) => `\`${f.name}\` (${f.type})`)
  const completion = (def.onComplete ?? []).map((a) => (a.kind === 'documentNumber' ? `document number ${a.prefix} (\`${a.sequence}\`)` : 'copy'))
  const cell = (items: string[]) => (items.length === 0 ? '—' : items.join('; '))
  return `| \`${def.service}\` | ${renderSteps(def)} | ${cell(routes)} | ${cell(fields)} | ${cell(completion)} |`
}

export function renderTable(definitions: readonly ProcessDefinition[]): string {
  return [
    '| service | steps (in definition order) | conditional routes | form fields read | on completion |',
    '|---|---|---|---|---|',
    ...definitions.map(renderRow),
  ].join('\n')
}
