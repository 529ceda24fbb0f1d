import {
  WORKING_HOURS_PER_DAY,
  addWorkingHours,
  allowedActions,
  isOverdue,
  stepName,
  upcomingSteps,
  type ApplicationState,
  type ProcessDefinition,
} from '@hall/workflow'
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { applications, attachments, auditEvents, departments, people, ratings, serviceVersions, services, tasks } from '../../db/schema/index.ts'
import type { SessionUser } from '../../lib/context.ts'
import { HallError } from '../../lib/errors.ts'
import { escalationContactsOf, policy } from '../../policy/index.ts'
import { formOf, processOf, stateOf } from '../../workflow/definitions.ts'
import { allFields, type FormDefinition } from '@hall/forms/format'
import { namesOf, OrganisationAnswers, withAnswers } from '../../workflow/organisation.ts'
import type { ApplicationDetailBody, StatusFilter } from './applications.schemas.ts'
import { rowStateOf, rowStateSourcesOf } from './row-state.ts'
import { applicationsStatements, countMine, MINE_ORDER, mineWhere, selectMine } from './applications.statements.ts'
import { likeIgnoringCase } from '../../db/portable-sql.ts'

// What the application pages read: my list, and one application with everything its page shows.

export const notFound = (id: number) => new HallError(404, 'not_found', `There is no application ${id} that you can see`, `没有您可以查看的申请 ${id}`)

/** An application with its version, or a 404 when the user may not read it (or it does not exist). */
export async function readableApplication(db: Db, user: SessionUser | null, id: number, now: Date) {
  const row = await applicationRow(db, id)
  if (!row) throw notFound(id)
  const facts = {
    id: row.app.id,
    applicantCardNumber: row.app.applicantCardNumber,
    serviceCode: row.app.serviceCode,
    copied: row.state?.copied ?? [],
    escalationContacts: escalationContactsOf(row.state),
  }
  if (!(await policy.canReadApplication(db, user, facts, now))) throw notFound(id)
  return row
}

/**
 * An application with its version, service and engine state, for a caller that has decided
 * itself who may see it (the escalation page: `policy.escalationAuthority`); undefined if none.
 */
export async function applicationRow(db: Db, id: number) {
  const row = (
    await db
      .select({ app: applications, version: serviceVersions, service: services })
      .from(applications)
      .innerJoin(serviceVersions, eq(serviceVersions.id, applications.serviceVersionId))
      .innerJoin(services, eq(services.code, applications.serviceCode))
      .where(eq(applications.id, id))
  )[0]
  return row ? { ...row, state: stateOf(row.app.state) } : undefined
}

export type ReadableApplication = Awaited<ReturnType<typeof readableApplication>>

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

// ------------------------------------------------------------------------------------ my list

export interface ListQuery {
  status?: StatusFilter | undefined
  q?: string | undefined
  page: number
  pageSize: number
}

export async function listMine(db: Db, cardNumber: string, query: ListQuery) {
  const [totals, rows] = query.q
    ? await searchedMine(db, cardNumber, query)
    : await Promise.all([
        // A list as it opens (all, or one status filter): prepared statements (applications.statements.ts).
        applicationsStatements(db).mineTotal(query.status).execute({ me: cardNumber }),
        applicationsStatements(db)
          .minePage(query.status)
          .execute({ me: cardNumber, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
      ])
  const total = totals[0]?.n ?? 0
  const holders = await liveAssignees(
    db,
    rows.map((r) => r.app.id),
  )
  const sources = await rowStateSourcesOf(
    db,
    rows.map(({ app }) => ({ applicationId: app.id, stateVersion: app.stateVersion })),
  )
  const states = new Map(rows.map(({ app }) => [app.id, rowStateOf(app.status, sources.get(app.id) ?? null)]))
  const names = await namesOf(
    db,
    [...states.values()].flatMap((r) => r.signers),
  )
  const person = personRefOf(names)
  const items = rows.map(({ app, nameZh, nameEn }) => ({
    id: app.id,
    serviceCode: app.serviceCode,
    serviceNameZh: nameZh,
    serviceNameEn: nameEn,
    status: app.status,
    stateVersion: app.stateVersion,
    referenceNumber: app.referenceNumber,
    documentNumber: app.documentNumber,
    createdAt: app.createdAt.toISOString(),
    submittedAt: iso(app.submittedAt),
    finishedAt: iso(app.finishedAt),
    rowState: { ...states.get(app.id)!, signers: states.get(app.id)!.signers.map(person) },
    currentStep:
      app.status === 'in_review' && app.currentStepNameZh
        ? { nameZh: app.currentStepNameZh, nameEn: app.currentStepNameEn ?? app.currentStepNameZh, assignees: holders.get(app.id) ?? [] }
        : null,
    waitingSince: iso(app.waitingSince),
  }))
  return { items, total, page: query.page, pageSize: query.pageSize }
}

/** My list searched (`q`): its query built for the request, on the same rows and order as the prepared ones. */
async function searchedMine(db: Db, cardNumber: string, query: ListQuery) {
  const pattern = `%${query.q!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const asId = /^\d+$/.test(query.q!) ? [eq(applications.id, Number(query.q))] : []
  const where = and(
    mineWhere(cardNumber, query.status),
    or(
      likeIgnoringCase(serviceVersions.nameZh, pattern),
      likeIgnoringCase(serviceVersions.nameEn, pattern),
      likeIgnoringCase(applications.serviceCode, pattern),
      likeIgnoringCase(applications.documentNumber, pattern),
      likeIgnoringCase(applications.referenceNumber, pattern),
      ...asId,
    ),
  )
  return Promise.all([
    countMine(db).where(where),
    selectMine(db)
      .where(where)
      .orderBy(...MINE_ORDER)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
  ])
}

/** A person by card number with their names, from `namesOf`: the card number when unknown. */
/** A person as the lists name them: their names, falling back to the Chinese name and then the card number. */
export const personRef = (cardNumber: string, name?: string | null, nameEn?: string | null) => ({
  cardNumber,
  name: name ?? cardNumber,
  nameEn: nameEn ?? name ?? cardNumber,
})

export const personRefOf = (names: Map<string, { name: string; nameEn: string }>) => (cardNumber: string) =>
  personRef(cardNumber, names.get(cardNumber)?.name, names.get(cardNumber)?.nameEn)

type Holder = { cardNumber: string; name: string; nameEn: string; onBehalfOf: { cardNumber: string; name: string; nameEn: string } | null }

/** Who holds each application's live tasks, and for whom when as a delegate, by application id. */
export async function liveAssignees(db: Db, applicationIds: number[]): Promise<Map<number, Holder[]>> {
  if (applicationIds.length === 0) return new Map()
  const rows = await applicationsStatements(db).liveHolders.execute({ ids: JSON.stringify(applicationIds) })
  const out = new Map<number, Holder[]>()
  for (const r of rows) {
    const list = out.get(r.applicationId) ?? []
    if (!list.some((p) => p.cardNumber === r.cardNumber)) {
      list.push({
        ...personRef(r.cardNumber, r.name, r.nameEn),
        onBehalfOf: r.onBehalfOf ? personRef(r.onBehalfOf, r.onBehalfOfName, r.onBehalfOfNameEn) : null,
      })
    }
    out.set(r.applicationId, list)
  }
  return out
}

/**
 * Whether `cardNumber` rated the application. Asked only about the viewer: the applicant learns
 * of their own rating, anyone else gets false whether or not a rating exists (decision 007).
 */
export async function ratedBy(db: Db, applicationId: number, cardNumber: string): Promise<boolean> {
  return !!(
    await db
      .select({ id: ratings.id })
      .from(ratings)
      .where(and(eq(ratings.applicationId, applicationId), eq(ratings.raterCardNumber, cardNumber)))
  )[0]
}

// ------------------------------------------------------------------------------------ durations

/** How many past decisions a step's usual duration is taken from (the most recent). */
const HISTORY = 200

/** The median time tasks of this step of this service took to be decided, or null without history. */
export async function usualDurationMs(db: Db, serviceCode: string, stepKey: string): Promise<number | null> {
  const rows = await db
    .select({ createdAt: tasks.createdAt, decidedAt: tasks.decidedAt })
    .from(tasks)
    .where(
      and(eq(tasks.serviceCode, serviceCode), eq(tasks.stepKey, stepKey), eq(tasks.box, 'done'), inArray(tasks.outcome, ['approved', 'rejected', 'returned'])),
    )
    .orderBy(desc(tasks.decidedAt))
    .limit(HISTORY)
  const durations = rows.flatMap((r) => (r.decidedAt ? [r.decidedAt.getTime() - r.createdAt.getTime()] : [])).sort((a, b) => a - b)
  if (durations.length === 0) return null
  const mid = Math.floor(durations.length / 2)
  return Math.round(durations.length % 2 ? durations[mid]! : (durations[mid - 1]! + durations[mid]!) / 2)
}

/** The usual duration of a top-level node: a step's median, or a parallel group's slowest branch. */
async function usualForNode(db: Db, serviceCode: string, definition: ProcessDefinition, nodeId: string): Promise<number | null> {
  const node = definition.steps.find((n) => n.id === nodeId)
  if (!node) return null
  if (node.type === 'approval') return await usualDurationMs(db, serviceCode, node.id)
  let slowest = 0
  for (const branch of node.branches) {
    let sum = 0
    for (const step of branch.steps) {
      const ms = await usualDurationMs(db, serviceCode, step.id)
      if (ms === null) return null
      sum += ms
    }
    slowest = Math.max(slowest, sum)
  }
  return slowest
}

// ------------------------------------------------------------------------------------ detail

/** Everything the application's page shows, for this viewer. */
/**
 * The people the form's person fields name (互换同学, 指导老师), by card number: a page that reads
 * the application back shows "赵子豪（2024010002）", not a bare card number.
 */
export async function namedInForm(
  db: Db,
  form: FormDefinition | null,
  values: Record<string, unknown>,
): Promise<Record<string, { name: string; nameEn: string }>> {
  if (!form) return {}
  const cards: string[] = []
  const add = (v: unknown) => typeof v === 'string' && v && cards.push(v)
  for (const { field } of allFields(form)) {
    if (field.type === 'person') add(values[field.key])
    if (field.type === 'table') {
      const columns = field.columns.filter((c) => c.type === 'person').map((c) => c.key)
      const rows = Array.isArray(values[field.key]) ? (values[field.key] as unknown[]) : []
      for (const row of rows) if (row && typeof row === 'object') for (const key of columns) add((row as Record<string, unknown>)[key])
    }
  }
  return Object.fromEntries(await namesOf(db, cards))
}

export async function applicationDetail(db: Db, viewer: SessionUser, row: ReadableApplication, now: Date): Promise<ApplicationDetailBody> {
  const { app, version, service, state } = row
  const definition = state ? processOf(version) : null
  const taskRows = await db.select().from(tasks).where(eq(tasks.applicationId, app.id)).orderBy(asc(tasks.id))
  const events = await db.select().from(auditEvents).where(eq(auditEvents.applicationId, app.id)).orderBy(asc(auditEvents.id))
  const applicantRow = (
    await db
      .select({ person: people, department: departments })
      .from(people)
      .leftJoin(departments, eq(departments.code, people.departmentCode))
      .where(eq(people.cardNumber, app.applicantCardNumber))
  )[0]
  const owner = (await db.select().from(departments).where(eq(departments.code, service.ownerDepartmentCode)))[0]

  const names = await namesOf(db, [
    app.applicantCardNumber,
    ...taskRows.flatMap((t) => [t.assigneeCardNumber, t.onBehalfOf ?? '', t.closedBy ?? '']),
    ...events.flatMap((e) => [e.actor, e.onBehalfOf ?? '']),
  ])
  const person = (cardNumber: string | null) => {
    if (!cardNumber) return null
    const n = names.get(cardNumber)
    return { cardNumber, name: n?.name ?? cardNumber, nameEn: n?.nameEn ?? cardNumber }
  }
  const named = (stepId: string | null) => {
    if (!stepId) return null
    const n = definition ? stepName(definition, stepId) : null
    return { id: stepId, nameZh: n?.zh ?? stepId, nameEn: n?.en ?? stepId }
  }

  const engineTasks = new Map((state?.tasks ?? []).map((t) => [t.id, t]))
  const rowOf = new Map(taskRows.filter((t) => t.engineTaskId).map((t) => [t.engineTaskId!, t]))
  const assignee = (t: (typeof taskRows)[number]) => {
    const engine = t.engineTaskId ? engineTasks.get(t.engineTaskId) : undefined
    return {
      taskId: t.id,
      person: person(t.assigneeCardNumber)!,
      onBehalfOf: person(t.onBehalfOf),
      status: t.status,
      outcome: t.outcome,
      createdAt: t.createdAt.toISOString(),
      dueAt: iso(t.dueAt),
      overdue: isOverdue({ status: t.status, dueAt: iso(t.dueAt) }, now),
      closedAt: iso(t.decidedAt),
      closedBy: person(t.closedBy),
      question: engine?.question ?? null,
    }
  }

  const steps = (state?.runs ?? []).map((run) => {
    const group = run.parent ? state!.runs.find((r) => r.id === run.parent!.runId) : null
    const n = named(run.nodeId)!
    return {
      runId: run.id,
      stepId: run.nodeId,
      nameZh: n.nameZh,
      nameEn: n.nameEn,
      kind: run.kind,
      groupId: group?.nodeId ?? null,
      round: run.round,
      status: run.status,
      startedAt: run.startedAt,
      endedAt: run.endedAt,
      tasks: (state?.tasks ?? []).filter((t) => t.runId === run.id && rowOf.has(t.id)).map((t) => assignee(rowOf.get(t.id)!)),
    }
  })

  // Files that came with an event (an answer's 补充材料): named, so a reader can download them.
  const filesOf = (detail: unknown): string[] => {
    const ids = (detail as { attachments?: unknown } | null)?.attachments
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
  }
  const eventFileIds = [...new Set(events.flatMap((e) => filesOf(e.detail)))]
  const eventFiles = new Map(
    (eventFileIds.length
      ? await db
          .select({ id: attachments.id, name: attachments.name, size: attachments.size, mime: attachments.mime })
          .from(attachments)
          .where(inArray(attachments.id, eventFileIds))
      : []
    ).map((f) => [f.id, f]),
  )
  const timeline = events.map((e) => ({
    id: e.id,
    files: filesOf(e.detail).flatMap((id) => eventFiles.get(id) ?? []),
    at: e.at.toISOString(),
    action: e.action,
    actor: e.actor === 'system' ? null : person(e.actor),
    onBehalfOf: person(e.onBehalfOf),
    opinion: e.opinion,
    step: named(e.stepId),
    detail: e.detail ?? null,
  }))

  // Where it is now, with whom, for how long, and how long that usually takes.
  let current: ApplicationDetailBody['current'] = null
  let expectedByHistory: string | null = null
  if (state && definition && state.status === 'in_review') {
    const run = state.runs.find((r) => r.id === state.currentRunId)
    if (run) {
      const live = taskRows.filter((t) => t.box === 'todo')
      const since = new Date(run.startedAt)
      const usualMs = await usualForNode(db, app.serviceCode, definition, run.nodeId)
      const dues = live.flatMap((t) => (t.dueAt ? [t.dueAt.getTime()] : []))
      current = {
        step: named(run.nodeId)!,
        assignees: live.map(assignee),
        since: since.toISOString(),
        waitedMs: Math.max(0, now.getTime() - since.getTime()),
        usualMs,
        dueAt: dues.length ? new Date(Math.max(...dues)).toISOString() : null,
      }
      const rest: Array<number | null> = []
      for (const s of upcomingSteps(definition, state)) rest.push(await usualForNode(db, app.serviceCode, definition, s.id))
      if (usualMs !== null && rest.every((ms) => ms !== null)) {
        const currentEnds = Math.max(now.getTime(), since.getTime() + usualMs)
        expectedByHistory = new Date(currentEnds + rest.reduce<number>((a, b) => a + (b ?? 0), 0)).toISOString()
      }
    }
  }

  const submittedAt = app.submittedAt
  const expectedBy = submittedAt ? addWorkingHours(submittedAt, version.timeLimitDays * WORKING_HOURS_PER_DAY).toISOString() : null

  return {
    id: app.id,
    status: app.status,
    stateVersion: app.stateVersion,
    referenceNumber: app.referenceNumber,
    documentNumber: app.documentNumber,
    ratedByMe: await ratedBy(db, app.id, viewer.cardNumber),
    service: {
      code: service.code,
      version: version.version,
      nameZh: version.nameZh,
      nameEn: version.nameEn,
      timeLimitDays: version.timeLimitDays,
      department: {
        code: service.ownerDepartmentCode,
        nameZh: owner?.nameZh ?? service.ownerDepartmentCode,
        nameEn: owner?.nameEn ?? service.ownerDepartmentCode,
      },
    },
    applicant: {
      ...person(app.applicantCardNumber)!,
      kind: applicantRow?.person.kind ?? null,
      department: applicantRow?.department
        ? { code: applicantRow.department.code, nameZh: applicantRow.department.nameZh, nameEn: applicantRow.department.nameEn }
        : null,
    },
    form: (version.form as Record<string, unknown> | null) ?? null,
    values: app.formData,
    people: await namedInForm(db, formOf(version), app.formData),
    createdAt: app.createdAt.toISOString(),
    submittedAt: iso(submittedAt),
    finishedAt: iso(app.finishedAt),
    current,
    expectedBy,
    expectedByHistory,
    steps,
    timeline,
    upcoming: state && definition ? upcomingSteps(definition, state).map((s) => ({ id: s.id, type: s.type, nameZh: s.name.zh, nameEn: s.name.en })) : [],
    allowed: await allowedFor(db, viewer, definition, state, rowOf, now, named),
  }
}

/** The engine's `allowedActions`, with task row ids and step names for the page. */
async function allowedFor(
  db: Db,
  viewer: SessionUser,
  definition: ProcessDefinition | null,
  state: ApplicationState | null,
  rowOf: Map<string, { id: number }>,
  now: Date,
  named: (stepId: string | null) => { id: string; nameZh: string; nameEn: string } | null,
): Promise<ApplicationDetailBody['allowed']> {
  if (!definition || !state) return { applicant: [], answer: [], tasks: [], comment: false }
  const answers = new OrganisationAnswers(db)
  const allowed = await withAnswers(answers, () =>
    allowedActions(definition, state, viewer.cardNumber, { now, delegateOf: (p, at) => answers.delegateOf(p, at) }),
  )
  const byId = new Map(state.tasks.map((t) => [t.id, t]))
  return {
    applicant: allowed.applicant,
    answer: allowed.answer.flatMap((taskId) => {
      const task = byId.get(taskId)
      const row = rowOf.get(taskId)
      if (!task?.question || !row) return []
      return [{ taskId: row.id, question: task.question.text, materials: task.question.materials, askedAt: task.question.askedAt }]
    }),
    tasks: allowed.tasks.flatMap((t) => {
      const row = rowOf.get(t.taskId)
      if (!row) return []
      return [
        {
          taskId: row.id,
          stepId: t.stepId,
          actions: t.actions,
          returnTargets: t.returnTargets.map((id) => (id === 'applicant' ? { id, nameZh: '申请人', nameEn: 'The applicant' } : named(id)!)),
          confirmation: t.confirmation,
        },
      ]
    }),
    comment: allowed.comment,
  }
}
