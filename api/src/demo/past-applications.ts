import { createHash } from 'node:crypto'
import { departments as demoDepartments, people as demoPeople } from '@hall/demo-university'
import { chinaCalendar, initialState, transition, upcomingSteps, type Action, type ApplicationState, type Effect, type ProcessDefinition } from '@hall/workflow'
import { eq } from 'drizzle-orm'
import { embeddedRecord, lockedValues, resolvePrefill } from '../data-platform/index.ts'
import type { FormDefinition } from '@hall/forms/format'
import { uploadKey, type BlobStore } from '../blobs/index.ts'
import { auditEventRow } from '../workflow/act.ts'
import { applicantFacts, OrganisationAnswers, withAnswers } from '../workflow/organisation.ts'
import type { Db } from '../db/client.ts'
import { sampleValues, type Random, type SampleDirectory } from './sample-values.ts'
import { applicationAttachments, applications, attachments, auditEvents } from '../db/schema/index.ts'

// The demo history made whole: each finished past application gets form values its applicant
// could have submitted (their own pre-filled data, plausible answers, files) and the path it
// took, computed by the workflow engine from its service's process: its engine state (the steps
// it went through) and the audit events of every decision, who and when, with the opinion. So
// "my applications" shows old applications with their form, steps and timeline.
//
// Deliberately not written: task rows, notifications and document numbers. These applications
// were handled before the hall went online, so they are in no reviewer's lists, took no number
// from the live document sequences, and give no handling-time statistics (which start with the
// hall). The engine's task effects are followed only to keep the state consistent.

const APPROVE_OPINIONS = ['同意。', '情况属实，同意。', '材料齐全，同意办理。', '同意，请按规定执行。', '']
const REJECT_OPINIONS = ['不符合办理条件，不予同意。', '理由不充分，不予批准。', '材料与规定不符，不予办理。']

/** The bytes every seeded file has: a one-line PDF (the rows point at them by their SHA-256). */
const SAMPLE_PDF = '%PDF-1.4\n% Minghu University demo material\n%%EOF\n'
const SAMPLE_SHA256 = createHash('sha256').update(SAMPLE_PDF).digest('hex')

/**
 * Writes the bytes the seeded file rows point at into the blob store, where the attachment
 * routes look for them (the seed itself writes rows only, and knows no store). Idempotent.
 */
export async function storeSeededFiles(blobs: BlobStore): Promise<void> {
  const key = uploadKey(SAMPLE_SHA256)
  if (!(await blobs.has(key))) await blobs.put(key, Buffer.from(SAMPLE_PDF))
}

/** The types a seeded file may be, preferred in this order, with their extensions. */
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
}

export interface PastApplication {
  id: number
  serviceCode: string
  applicantCardNumber: string
  status: 'completed' | 'rejected'
  submittedAt: Date
  finishedAt: Date
  version: { form: unknown; process: unknown }
}

const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!

const directory = (): Omit<SampleDirectory, 'file'> => ({
  staff: demoPeople.filter((p) => p.kind === 'staff' && !p.unknownToDataPlatform).map((p) => p.cardNumber),
  students: demoPeople.filter((p) => p.kind !== 'staff' && !p.unknownToDataPlatform).map((p) => p.cardNumber),
  departments: demoDepartments.map((d) => ({ code: d.code, kind: d.kind })),
})

type AuditRow = typeof auditEvents.$inferInsert

/** What one past application becomes: rows to write, computed once (see `writePastApplications`). */
export interface PastPlan {
  id: number
  values: Record<string, unknown>
  files: Array<typeof attachments.$inferInsert & { fieldKey: string }>
  audit: AuditRow[]
  state: ApplicationState | null
  status: 'completed' | 'rejected'
  finishedAt: Date
}

/**
 * The values, files and engine history of one seeded past application. Its status, submission
 * and finishing times stay as the seed drew them (other seed data, such as ratings, follow them).
 * Null when its service has no form or process to go by.
 */
export async function planPastApplication(tx: Db, app: PastApplication, random: Random, cache: PlanCache = newPlanCache(tx)): Promise<PastPlan | null> {
  const form = app.version.form as FormDefinition | null
  const definition = app.version.process as ProcessDefinition | null
  const facts = await cache.facts(app.applicantCardNumber)
  if (!form || !definition || !facts) return null

  const made: Array<{ id: string; fieldKey: string }> = []
  const prefill = resolvePrefill(form, await cache.record(app.applicantCardNumber))
  const values = sampleValues(form, {
    prefilled: prefill.values,
    locked: lockedValues(prefill),
    random,
    now: app.submittedAt,
    directory: {
      ...cache.directory,
      file: (field) => {
        const mime =
          Object.keys(EXTENSIONS).find((m) => field.accept.some((a) => a === m || (a.endsWith('/*') && m.startsWith(a.slice(0, -1))))) ?? 'application/pdf'
        const id = `att_seed_${String(app.id).padStart(5, '0')}_${made.length + 1}`
        const name = `${field.materialKind ?? field.key}.${EXTENSIONS[mime]}`
        made.push({ id, fieldKey: field.key })
        return { id, name, size: SAMPLE_PDF.length, mime }
      },
    },
  })
  if (!values) return null

  // Only the files the stored values kept (a hidden field's files are dropped with it).
  const kept = new Set(JSON.stringify(values).match(/att_seed_\d+_\d+/g) ?? [])
  const files = made
    .filter((f) => kept.has(f.id))
    .map((f) => {
      const ref = findRef(values, f.id)
      return {
        id: f.id,
        ownerCardNumber: app.applicantCardNumber,
        name: ref?.name ?? `${f.fieldKey}.pdf`,
        size: SAMPLE_PDF.length,
        mime: ref?.mime ?? 'application/pdf',
        sha256: SAMPLE_SHA256,
        materialKind: null,
        serviceCode: app.serviceCode,
        fieldKey: f.fieldKey,
        createdAt: new Date(app.submittedAt.getTime() - 3_600_000),
      }
    })

  // The path: submitted, then each open task decided in turn, spread over the time it took; the
  // last decision of a rejected application is the rejection.
  const plan: PastPlan = { id: app.id, values, files, audit: [], state: null, status: app.status, finishedAt: app.finishedAt }
  const span = app.finishedAt.getTime() - app.submittedAt.getTime()
  const stepsAhead = Math.max(1, definition.steps.length)
  let state: ApplicationState = initialState(String(app.id))
  let at = app.submittedAt
  const run = async (action: Action, now: Date) => {
    const result = await withAnswers(cache.answers, () =>
      transition(definition, state, action, { now, resolver: cache.answers.resolver, calendar: chinaCalendar }),
    )
    state = result.state
    record(plan, app, result.effects)
  }
  try {
    await run({ type: 'submit', by: app.applicantCardNumber, applicant: facts, form: values }, at)
    for (let decisions = 0; state.status === 'in_review' && decisions < 40; decisions++) {
      const task = state.tasks.find((t) => t.status === 'open')
      if (!task) break
      const remaining = state.runs.filter((r) => r.status === 'active').length + stepsAhead - Math.min(stepsAhead, decisions)
      const next = new Date(Math.min(app.finishedAt.getTime(), at.getTime() + Math.max(span / (remaining + 1), 10 * 60_000) * (0.5 + random())))
      const last = state.tasks.filter((t) => t.status === 'open').length === 1 && isLastStep(definition, state, task.stepId)
      at = last ? app.finishedAt : next
      if (app.status === 'rejected' && last) await run({ type: 'reject', by: task.assignee, taskId: task.id, opinion: pick(random, REJECT_OPINIONS) }, at)
      else await run({ type: 'approve', by: task.assignee, taskId: task.id, opinion: pick(random, APPROVE_OPINIONS) || undefined }, at)
    }
  } catch {
    // A process the engine cannot finish with these values: the application keeps its values only.
    return { ...plan, audit: [] }
  }
  if (state.status === 'completed' || state.status === 'rejected') {
    plan.state = state
    plan.status = state.status
    plan.finishedAt = state.finishedAt ? new Date(state.finishedAt) : app.finishedAt
  } else {
    return { ...plan, audit: [] }
  }
  return plan
}

/** What planning many applications looks up again and again, looked up once. */
export interface PlanCache {
  directory: Omit<SampleDirectory, 'file'>
  answers: OrganisationAnswers
  facts: (cardNumber: string) => ReturnType<typeof applicantFacts>
  record: (cardNumber: string) => ReturnType<typeof embeddedRecord>
}

export function newPlanCache(tx: Db): PlanCache {
  const memo = <T>(f: (k: string) => T) => {
    const m = new Map<string, T>()
    return (k: string) => (m.has(k) ? m.get(k)! : (m.set(k, f(k)), m.get(k)!))
  }
  return { directory: directory(), answers: new OrganisationAnswers(tx), facts: memo((c) => applicantFacts(tx, c)), record: memo((c) => embeddedRecord(tx, c)) }
}

/** Writes the plans: files and audit events in a few statements, then each application's values and state. */
export async function writePastApplications(tx: Db, plans: readonly PastPlan[]) {
  const files = plans.flatMap((p) => p.files)
  const chunks = <T>(xs: T[], n = 200) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n))
  for (const c of chunks(files)) await tx.insert(attachments).values(c)
  for (const c of chunks(plans.flatMap((p) => p.files.map((f) => ({ applicationId: p.id, attachmentId: f.id, fieldKey: f.fieldKey })))))
    await tx.insert(applicationAttachments).values(c)
  for (const c of chunks(plans.flatMap((p) => p.audit))) await tx.insert(auditEvents).values(c)
  for (const p of plans) {
    await tx
      .update(applications)
      .set({ formData: p.values, ...(p.state ? { state: p.state, stateVersion: p.state.version, status: p.status, finishedAt: p.finishedAt } : {}) })
      .where(eq(applications.id, p.id))
  }
}

/** Whether deciding the task's step finishes the process (no step after it will run). */
function isLastStep(definition: ProcessDefinition, state: ApplicationState, stepId: string): boolean {
  const run = state.runs.find((r) => r.id === state.currentRunId)
  // A step inside a parallel group is not the group: the group ends when its last task is decided.
  return upcomingSteps(definition, state).length === 0 && (!run || run.nodeId === stepId || run.kind === 'group')
}

function findRef(values: unknown, id: string): { name: string; mime: string } | null {
  if (Array.isArray(values)) {
    for (const v of values) {
      const found = findRef(v, id)
      if (found) return found
    }
  } else if (values && typeof values === 'object') {
    const o = values as Record<string, unknown>
    if (o.id === id && typeof o.name === 'string' && typeof o.mime === 'string') return { name: o.name, mime: o.mime }
    for (const v of Object.values(o)) {
      const found = findRef(v, id)
      if (found) return found
    }
  }
  return null
}

/** The audit events among the engine's effects, stored as api/src/workflow/act.ts stores them. */
function record(plan: PastPlan, app: PastApplication, effects: Effect[]) {
  for (const effect of effects) {
    if (effect.type !== 'audit') continue
    plan.audit.push(auditEventRow(app.id, effect))
  }
}
