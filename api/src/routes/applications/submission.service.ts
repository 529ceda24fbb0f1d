import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { transaction, type Db } from '../../db/client.ts'
import { isUniqueViolationOf } from '../../db/constraints.ts'
import { formDrafts, idempotencyKeys, serviceVersions, tasks } from '../../db/schema/index.ts'
import { lockedValues, platformRecordForEligibility, prefillFor } from '../../data-platform/index.ts'
import type { Deps, SessionUser } from '../../lib/context.ts'
import { badInput, HallError } from '../../lib/errors.ts'
import { act, actIn, submitIn, type EngineAction } from '../../workflow/act.ts'
import { formOf } from '../../workflow/definitions.ts'
import { staleVersion } from '../../workflow/errors.ts'
import { applicantFacts } from '../../workflow/organisation.ts'
import { checkPeopleNamed, checkValues } from '../../workflow/values.ts'
import { eligibilityFor, listedServices } from '../catalog/catalog.service.ts'
import type { EligibilityRule } from '../catalog/eligibility.ts'
import type { AnswerInput, ApplicationRefBody, SubmitInput } from './applications.schemas.ts'
import { readableApplication } from './applications.service.ts'
import { checkAnswerFiles, linkAnswerFiles, linkFiles, resolveFiles } from './files.service.ts'

// What an applicant changes: submit (idempotent), resubmit after a return, answer a question, and
// the plain engine actions (withdraw, urge, comment). Every change goes through the engine
// (api/src/workflow/act.ts); the routes in applications.routes.ts only validate and call these.

/** The same JSON for the same value whatever the order of keys: what an idempotency key is compared by. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

const keyReused = () =>
  new HallError(
    409,
    'idempotency_key_reused',
    'This Idempotency-Key was already used for a different submission; use a new key for a new submission',
    '此幂等键已用于另一份不同的提交，新的提交请使用新的键',
  )

/** The stored answer to an earlier request with this key, or null; 409 when the body differs. */
async function replay(db: Db, cardNumber: string, key: string, hash: string) {
  const row = (
    await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.cardNumber, cardNumber), eq(idempotencyKeys.key, key)))
  )[0]
  if (!row) return null
  if (row.requestHash !== hash) throw keyReused()
  return row.response as ApplicationRefBody
}

export async function submit(deps: Deps, user: SessionUser, key: string, input: SubmitInput) {
  const { db } = deps
  const now = deps.now()
  const hash = createHash('sha256').update(canonical(input)).digest('hex')
  const earlier = await replay(db, user.cardNumber, key, hash)
  if (earlier) return earlier

  const row = (await listedServices(db)).find((r) => r.service.code === input.serviceCode)
  if (!row) {
    throw new HallError(404, 'not_found', `There is no service "${input.serviceCode}" in the catalog`, `服务目录中没有“${input.serviceCode}”这项服务`)
  }
  const record = await platformRecordForEligibility(deps, user.cardNumber)
  const requireEligible = async (from: Db) => {
    const eligibility = await eligibilityFor(from, user, row, now, record)
    if (eligibility.canApply) return
    const failed = eligibility.checks.filter((c) => !c.ok)
    throw new HallError(
      422,
      'not_eligible',
      `You cannot apply for ${row.version.nameEn}: ${failed.map((c) => c.labelEn).join('; ')}`,
      `您暂不能申请“${row.version.nameZh}”：${failed.map((c) => c.labelZh).join('；')}`,
    )
  }
  await requireEligible(db)
  const applicant = await applicantFacts(db, user.cardNumber)
  if (!applicant) {
    throw new HallError(422, 'not_eligible', 'The data platform has no record of you yet', '学校数据中心尚无您的信息')
  }
  const version = (await db.select().from(serviceVersions).where(eq(serviceVersions.id, row.version.id)))[0]!
  // Authoritative pre-filled values (一表通) are the platform's, whatever the browser sent.
  const form = formOf(version)
  const prefilled = form ? lockedValues(await prefillFor(deps, form, user.cardNumber)) : undefined
  const values = checkValues(version, await resolveFiles(db, user.cardNumber, form, input.values), now, prefilled)
  await checkPeopleNamed(db, form, values, user.cardNumber)

  // One in progress at a time, where the version says so: checked above and again below, and held
  // by the database's unique index, which no interleaving of nodes gets past (decision 016).
  const oneInProgress = (version.eligibility as EligibilityRule[]).some((r) => r.type === 'noneInProgress')
  return await transaction(
    db,
    async (tx) => {
      // Again inside the write lock: two requests with one key on two nodes make one application.
      const raced = await replay(tx, user.cardNumber, key, hash)
      if (raced) return raced
      // And eligibility again: another submission may have been committed meanwhile (one in progress at a time).
      await requireEligible(tx)
      const result = await submitIn(tx, deps, { serviceVersionId: row.version.id, serviceCode: row.service.code, applicant, values, oneInProgress }).catch(
        (err: unknown) => {
          if (isOneInProgressViolation(err)) throw alreadyInProgress(row.version)
          throw err
        },
      )
      await linkFiles(tx, result.id, form, values)
      // The draft became this application: gone with it, or neither (a failed submit keeps the draft).
      await tx.delete(formDrafts).where(and(eq(formDrafts.cardNumber, user.cardNumber), eq(formDrafts.serviceCode, row.service.code)))
      await tx.insert(idempotencyKeys).values({ cardNumber: user.cardNumber, key, requestHash: hash, status: 201, response: result, createdAt: now })
      return result
    },
    { takesNumber: true },
  )
}

/** Whether `err` is the database refusing a second application in progress (its unique index), on either dialect. */
export function isOneInProgressViolation(err: unknown): boolean {
  return isUniqueViolationOf(err, { name: 'applications_one_in_progress', table: 'applications', columns: ['applicant_card_number', 'service_code'] })
}

function alreadyInProgress(version: { nameEn: string; nameZh: string }): HallError {
  return new HallError(
    409,
    'already_in_progress',
    `You already have an application for ${version.nameEn} in progress: follow it in My applications, or withdraw it first`,
    `您已有一份“${version.nameZh}”申请正在办理：请在“我的申请”中查看，或先撤回`,
  )
}

/**
 * Resubmits after a return: the values are checked as on submit — files must be the applicant's
 * own, authoritative pre-filled values are read again from the data platform and put back — and
 * stored with the transition and the links to their files, in one transaction.
 */
export async function resubmit(deps: Deps, user: SessionUser, id: number, stateVersion: number, input: Record<string, unknown>) {
  const row = await readableApplication(deps.db, user, id, deps.now())
  if (row.app.applicantCardNumber !== user.cardNumber) {
    throw new HallError(403, 'not_applicant', 'Only the applicant can do this', '只有申请人本人可以执行此操作')
  }
  // Stale: say so before complaining about the values of an old page.
  if (row.app.stateVersion !== stateVersion) throw staleVersion()
  const form = formOf(row.version)
  const prefilled = form ? lockedValues(await prefillFor(deps, form, user.cardNumber)) : undefined
  const values = checkValues(row.version, await resolveFiles(deps.db, user.cardNumber, form, input), deps.now(), prefilled)
  await checkPeopleNamed(deps.db, form, values, user.cardNumber)
  const application = await transaction(deps.db, async (tx) => {
    const result = await actIn(tx, deps, {
      applicationId: id,
      expectedVersion: stateVersion,
      actor: user.cardNumber,
      action: { type: 'resubmit', form: values },
      formValues: values,
    })
    await linkFiles(tx, id, form, values)
    return result
  })
  return { application }
}

/** Runs an applicant's action after checking that they may see the application at all (404 otherwise). */
export async function applicantAction(deps: Deps, user: SessionUser, id: number, stateVersion: number, action: EngineAction) {
  await readableApplication(deps.db, user, id, deps.now())
  const application = await act(deps, { applicationId: id, expectedVersion: stateVersion, actor: user.cardNumber, action })
  return { application }
}

/**
 * Answers a reviewer's question (补充材料). The files must be the applicant's own; they are linked
 * to the application with the answer, in one transaction, so a reviewer can open every file an
 * answer names (and no other).
 */
export async function answer(deps: Deps, user: SessionUser, id: number, input: AnswerInput) {
  const { stateVersion, taskId, answer, attachments } = input
  await readableApplication(deps.db, user, id, deps.now())
  const task = (
    await deps.db
      .select({ engineTaskId: tasks.engineTaskId })
      .from(tasks)
      .where(and(eq(tasks.id, taskId), eq(tasks.applicationId, id)))
  )[0]
  if (!task?.engineTaskId) {
    throw badInput('taskId', `taskId: application ${id} has no task ${taskId} to answer`, `taskId：申请 ${id} 中没有待答复的事项 ${taskId}`)
  }
  const files = [...new Set(attachments ?? [])]
  await checkAnswerFiles(deps.db, user.cardNumber, files)
  const engineTaskId = task.engineTaskId
  const application = await transaction(deps.db, async (tx) => {
    const result = await actIn(tx, deps, {
      applicationId: id,
      expectedVersion: stateVersion,
      actor: user.cardNumber,
      action: { type: 'answer', taskId: engineTaskId, answer, ...(files.length ? { attachments: files } : {}) },
    })
    await linkAnswerFiles(tx, id, files)
    return result
  })
  return { application }
}
