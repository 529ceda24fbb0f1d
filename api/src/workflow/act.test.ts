import path from 'node:path'
import { generateIdpKeys, idpMetadata } from '@hall/dev-idp'
import { and, count, eq, ne } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { createSamlServiceProvider } from '../auth/saml.ts'
import { SESSION_COOKIE, createSession } from '../auth/sessions.ts'
import { resolveUser } from '../auth/user.ts'
import { openDb } from '../db/client.ts'
import { seedDemo } from '../demo/index.ts'
import { applications, auditEvents, documentSequences, notifications, outbox, serviceVersions, tasks } from '../db/schema/index.ts'
import { HallError } from '../lib/errors.ts'
import { hall, leaveValues, who } from '../routes/applications/test-support.ts'
import { testDeps } from '../test-support.ts'
import { act } from './act.ts'

// The engine's wiring: what one action stores, all of it or nothing.

const rowCounts = async (db: Awaited<ReturnType<typeof hall>>['deps']['db']) => ({
  applications: (await db.select({ n: count() }).from(applications))[0]!.n,
  tasks: (await db.select({ n: count() }).from(tasks))[0]!.n,
  audit: (await db.select({ n: count() }).from(auditEvents))[0]!.n,
  outbox: (await db.select({ n: count() }).from(outbox))[0]!.n,
  notifications: (await db.select({ n: count() }).from(notifications))[0]!.n,
})

describe('act', () => {
  it('stores nothing when the engine refuses, or the version is stale', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 5)
    const task = await h.taskOf(who.counsellor, id)
    const before = await rowCounts(h.deps.db)
    const refused = await h.act(who.counsellor, task.id, { action: 'reject', stateVersion: 1 })
    expect(refused.status).toBe(400)
    await expect(act(h.deps, { applicationId: id, expectedVersion: 0, actor: who.counsellor, action: { type: 'approve', taskId: 't2' } })).rejects.toThrow(
      HallError,
    )
    await expect(act(h.deps, { applicationId: id, expectedVersion: 1, actor: who.classmate, action: { type: 'approve', taskId: 't2' } })).rejects.toThrow(
      /not the current assignee/,
    )
    expect(await rowCounts(h.deps.db)).toEqual(before)
    expect((await h.deps.db.select({ v: applications.stateVersion }).from(applications).where(eq(applications.id, id)))[0]!.v).toBe(1)
  })

  it('writes one outbox row and one in-app notification per recipient of each message', async () => {
    const h = await hall()
    const id = await h.leave(who.student, 2)
    // The applicant's own "submitted" message is checked in api/src/notifications/flow.test.ts.
    const rows = await h.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.applicationId, id), ne(outbox.kind, 'submitted')))
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'task_assigned',
        recipient: who.counsellor,
        deliveredAt: null,
        payload: expect.objectContaining({
          titleZh: expect.stringContaining('李明轩的本科生请销假'),
          link: expect.stringMatching(/^\/todo\/\d+$/),
          serviceCode: 'undergrad-leave',
        }),
      }),
    ])
    const bell = await h.deps.db.select().from(notifications).where(eq(notifications.recipientCardNumber, who.counsellor))
    expect(bell).toEqual([expect.objectContaining({ kind: 'task_assigned', titleZh: rows[0]!.payload.titleZh, link: rows[0]!.payload.link, readAt: null })])
  })

  it('numbers a letter of introduction on completion, per sequence and year', async () => {
    const h = await hall()
    await h.setForm('intro-letter', null)
    const letters: string[] = []
    for (const applicant of [who.professor, who.colleague]) {
      const res = await h.submit(applicant, 'intro-letter', { purpose: '赴兄弟院校交流' })
      expect(res.status).toBe(201)
      // The head of a college is not on record: its party secretary reviews, then the President's Office.
      await h.approve(who.collegeSecretary, res.body.id)
      expect((await h.approve(who.presidentOffice, res.body.id)).status).toBe('completed')
      letters.push((await h.detail(applicant, res.body.id)).body.documentNumber)
    }
    expect(letters).toEqual(['明大介字〔2026〕1号', '明大介字〔2026〕2号'])
    // Submissions take reference numbers from a sequence of their own: the letters' is untouched by them.
    expect((await h.deps.db.select().from(documentSequences)).filter((s) => s.name !== 'reference-number')).toEqual([
      { name: 'intro-letter', year: 2026, next: 3 },
    ])
  })

  it('answers 422 with a message for the owners when a version has no process', async () => {
    const h = await hall()
    await h.deps.db.update(serviceVersions).set({ process: null }).where(eq(serviceVersions.serviceCode, 'undergrad-leave'))
    const res = await h.submit(who.student, 'undergrad-leave', leaveValues(2))
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('no_process')
    expect((await rowCounts(h.deps.db)).tasks).toBe(0)
  })
})

describe('durability', () => {
  // SQLite's, with synchronous=FULL: a submission the API acknowledged is in the file, whatever
  // happens to the process afterwards. Reopening the file (as a restarted server would) finds it.
  it('an acknowledged submit is committed to the database file', async () => {
    const t = await testDeps()
    const file = path.join(t.deps.env.dataDir, 'hall.sqlite')
    const db = openDb(file)
    const deps = { ...t.deps, db }
    await seedDemo(db, deps.now())
    await db.update(serviceVersions).set({ form: null }).where(eq(serviceVersions.serviceCode, 'undergrad-leave'))
    const { certPem } = await generateIdpKeys('Durability IdP')
    const metadataXml = idpMetadata({ entityId: 'https://idp.test/metadata', ssoUrl: 'https://idp.test/sso', sloUrl: 'https://idp.test/slo', certPem })
    const app = createApp(deps, createSamlServiceProvider(deps.env, db, { metadataXml }))
    const login = {
      requestId: 'test',
      assertionId: 'test',
      assertionExpiresAt: deps.now(),
      nameId: who.student,
      nameIdFormat: null,
      sessionIndex: null,
      attributes: {},
    }
    const sid = await createSession(
      db,
      { user: await resolveUser(db, deps.env, login), nameId: who.student, nameIdFormat: null, sessionIndex: null },
      deps.now(),
    )

    const res = await app.request('/api/applications', {
      method: 'POST',
      headers: { cookie: `${SESSION_COOKIE}=${sid}`, origin: deps.env.publicOrigin, 'content-type': 'application/json', 'idempotency-key': 'durable-0001' },
      body: JSON.stringify({ serviceCode: 'undergrad-leave', values: { days: 2 } }),
    })
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: number }
    // The process goes away without a checkpoint; the write-ahead log holds the commit.
    db.$client.close()

    const reopened = openDb(file)
    const stored = (await reopened.select().from(applications).where(eq(applications.id, id)))[0]
    expect(stored).toMatchObject({ id, status: 'in_review', stateVersion: 1, applicantCardNumber: who.student, formData: { days: 2 } })
    expect(await reopened.select().from(tasks).where(eq(tasks.applicationId, id))).toHaveLength(1)
    reopened.$client.close()
  })
})
