import { inArray } from 'drizzle-orm'
import { describe, expect, it, onTestFinished } from 'vitest'
import { closeDb } from '../../db/client.ts'
import { dialect } from '../../db/dialect.ts'
import { createDatabase, SEEDED_TEMPLATE } from '../../db/pg-server.ts'
import { testPostgresAdminUrl } from '../../db/pg-test-support.ts'
import { openPostgresHandle } from '../../db/postgres.ts'
import { applications } from '../../db/schema/index.ts'
import { hall } from './test-support.ts'

// Every submission takes the next reference number of one hall-wide sequence, and a completion of
// a certificate the next document number: one row each, which every such transaction updates. On
// PostgreSQL at SERIALIZABLE, transactions that overlap on that row abort one another; with eight
// clients on two API nodes, 16 of 190 submissions used up their retries and answered 500
// (test/integration/many-nodes.test.ts found it). They now queue for the sequences before their
// snapshot, as every writer queues on SQLite. Here: one node with a node's pool (10 connections),
// where the retries still succeed in time, so what is checked is that none was needed.

const STUDENT = '2023010101'
const RECORDS = '0010718' // a reviewer of Academic Affairs, which issues certificates of enrolment
const certificate = { purpose: 'visa', language: 'zh', copies: 1, pledge: true, phone: '13800002101' }
const CONCURRENT = 30

async function busyHall() {
  const env = { HALL_RATE_LIMITS: 'submit.person=100000/60,submit.address=100000/60' }
  const retried: unknown[] = []
  if (dialect !== 'postgres') return { h: await hall({ env }), retried }
  const db = await openPostgresHandle(await createDatabase(testPostgresAdminUrl(), SEEDED_TEMPLATE), {
    migrate: false,
    max: 10,
    onRetry: (_attempt, err) => retried.push(err),
  })
  onTestFinished(() => closeDb(db))
  return { h: await hall({ db, env }), retried }
}

/** The numbers' counters, in order: they must be consecutive (a number is taken only by a transaction that commits). */
const counters = (numbers: (string | null)[]) =>
  numbers
    .map((n) => Number(/(\d+)\D*$/.exec(n ?? '')?.[1]))
    .sort((a, b) => a - b)
    .map((n, i, all) => n - all[0]! - i)

describe('numbered transactions at once', () => {
  it(`${CONCURRENT} submissions at once each get a reference number, none a 500`, async () => {
    const { h, retried } = await busyHall()
    const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => h.submit(STUDENT, 'enrolment-certificate', certificate)))
    expect(answers.map((a) => a.status)).toEqual(Array(CONCURRENT).fill(201))
    const rows = await h.deps.db
      .select({ ref: applications.referenceNumber })
      .from(applications)
      .where(
        inArray(
          applications.id,
          answers.map((a) => a.body.id as number),
        ),
      )
    expect(counters(rows.map((r) => r.ref))).toEqual(Array(CONCURRENT).fill(0))
    // Queued, not aborted: none ran again (without the queue, 150-170 retries of these 30).
    expect(retried).toHaveLength(0)
  })

  it(`${CONCURRENT} approvals at once that complete a certificate each get a document number, none a 500`, async () => {
    const { h, retried } = await busyHall()
    const ids: number[] = []
    for (let i = 0; i < CONCURRENT; i++) ids.push((await h.submit(STUDENT, 'enrolment-certificate', certificate)).body.id as number)
    const tasks = await Promise.all(ids.map((id) => h.taskOf(RECORDS, id)))
    const answers = await Promise.all(tasks.map((t) => h.act(RECORDS, t.id, { action: 'approve', stateVersion: t.stateVersion })))
    expect(answers.map((a) => a.status)).toEqual(Array(CONCURRENT).fill(200))
    const rows = await h.deps.db
      .select({ status: applications.status, number: applications.documentNumber })
      .from(applications)
      .where(inArray(applications.id, ids))
    expect(rows.every((r) => r.status === 'completed')).toBe(true)
    expect(counters(rows.map((r) => r.number))).toEqual(Array(CONCURRENT).fill(0))
    // Queued, not aborted: none ran again (without the queue, 150-170 retries of these 30).
    expect(retried).toHaveLength(0)
  })
})
