import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { transaction } from '../db/client.ts'
import { dialect } from '../db/dialect.ts'
import { departments, sessions } from '../db/schema/index.ts'
import { chooseLanguage } from '../notifications/preferences.ts'
import { createLogger } from '../lib/logger.ts'
import { sharedDatabase, testApp } from '../test-support.ts'
import { upload, workbook } from '../routes/org/test-support.ts'
import { heardReady } from '../db/heard.ts'
import { forgetSessions, meFactsMemoryOf, sessionMemoryOf } from './session-memory.ts'
import { endSession, readSession, SESSION_COOKIE } from './sessions.ts'

// A node answers a GET from a session it read a moment ago (decision 024): never a write, never
// past HALL_MEMORY_SECONDS, never after it heard the session end or change.

const STUDENT = '2023010101'
const idHashOf = (cookie: string) =>
  createHash('sha256')
    .update(cookie.slice(SESSION_COOKIE.length + 1))
    .digest('hex')
const limits = { idleMs: 30 * 60_000, maxMs: 12 * 3600_000 }

async function remembered(env: Record<string, string> = {}, opts: { onFile?: boolean } = {}) {
  // On a file (or a PostgreSQL database), where reads outside a transaction do not see inside it (`:memory:` has one connection).
  const h = await testApp(env, opts.onFile ? { db: await (await sharedDatabase({ seeded: true })).open() } : {})
  const cookie = await h.loginAs(STUDENT)
  const me = async () => (await h.app.request('/api/me', { headers: { cookie } })).status
  expect(await me()).toBe(200)
  return { ...h, cookie, me }
}

describe('sessions a node remembers', () => {
  it('a write always reads the database, and a GET does once the window has passed', async () => {
    const h = await remembered()
    // Gone from the database behind the node's back (on SQLite, as another process on the file would).
    await h.deps.db.delete(sessions).where(eq(sessions.idHash, idHashOf(h.cookie)))
    // Within the window a GET is answered from memory. (On PostgreSQL the trigger's notice may
    // already have arrived: the next test file's case.)
    if (dialect === 'sqlite') expect(await h.me()).toBe(200)
    const write = await h.app.request('/api/me/language', {
      method: 'PUT',
      headers: { cookie: h.cookie, origin: h.deps.env.publicOrigin, 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'en' }),
    })
    expect(write.status).toBe(401)
    h.advance(h.deps.env.memorySeconds * 1000)
    expect(await h.me()).toBe(401)
  })

  it('with HALL_MEMORY_SECONDS=0 a GET reads the database too', async () => {
    const h = await remembered({ HALL_MEMORY_SECONDS: '0' })
    await h.deps.db.delete(sessions).where(eq(sessions.idHash, idHashOf(h.cookie)))
    expect(await h.me()).toBe(401)
  })

  it('a logout through this node counts at the very next GET with the same cookie', async () => {
    const h = await remembered({ HALL_MEMORY_SECONDS: '60' })
    const out = await h.app.request('/auth/logout', {
      method: 'POST',
      headers: { cookie: h.cookie, origin: h.deps.env.publicOrigin, accept: 'application/json' },
    })
    expect(out.status).toBe(200)
    expect(await h.me()).toBe(401)
  })

  it('a role granted through this node counts at the very next GET', async () => {
    const h = await remembered({ HALL_MEMORY_SECONDS: '60' })
    const admin = await h.loginAs('0019007')
    const granted = await h.app.request(`/api/admin/people/${STUDENT}/roles`, {
      method: 'POST',
      headers: { cookie: admin, origin: h.deps.env.publicOrigin, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'reviewer', scope: 'housing' }),
    })
    expect(granted.status).toBe(200)
    const me = await h.app.request('/api/me', { headers: { cookie: h.cookie } })
    expect(JSON.stringify(await me.json())).toContain('housing')
  })

  it('a language chosen through this node counts at the very next /api/me', async () => {
    const h = await remembered({ HALL_MEMORY_SECONDS: '60' })
    const me = async () => (await (await h.app.request('/api/me', { headers: { cookie: h.cookie } })).json()) as { language: string | null }
    expect((await me()).language).toBeNull()
    const chosen = await h.app.request('/api/me/language', {
      method: 'PUT',
      headers: { cookie: h.cookie, origin: h.deps.env.publicOrigin, 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'en' }),
    })
    expect(chosen.status).toBe(200)
    expect((await me()).language).toBe('en')
  })

  it('a department renamed by an organisation import through this node counts at the very next /api/me', async () => {
    const h = await remembered({ HALL_MEMORY_SECONDS: '60' })
    type Me = { department: { code: string; nameZh: string; nameEn: string } }
    const me = async () => (await (await h.app.request('/api/me', { headers: { cookie: h.cookie } })).json()) as Me
    const before = (await me()).department
    const sheet = await workbook({ departments: [{ code: before.code, nameZh: '计算机与智能学院', nameEn: 'School of Computing and AI', kind: 'college' }] })
    const imported = await upload(h, '0019007', sheet, 'rename.xlsx', { dryRun: false, mode: 'partial' })
    expect(imported.status).toBe(200)
    expect((await me()).department).toEqual({ code: before.code, nameZh: '计算机与智能学院', nameEn: 'School of Computing and AI' })
  })

  it('a read that began before a logout committed is not kept after it', async () => {
    const h = await remembered({ HALL_MEMORY_SECONDS: '60' }, { onFile: true })
    const { db } = h.deps
    const memory = sessionMemoryOf(db, createLogger('silent'))
    const id = h.cookie.slice(SESSION_COOKIE.length + 1)
    const recall = { memory, maxAgeMs: 60_000 }
    let commit!: () => void
    const held = new Promise<void>((resolve) => (commit = resolve))
    let deleted!: () => void
    const deleting = new Promise<void>((resolve) => (deleted = resolve))
    // A logout's transaction: it says what it ends and deletes it, then waits before its commit.
    const logout = transaction(db, async (tx) => {
      forgetSessions(tx, [idHashOf(h.cookie)])
      await tx.delete(sessions).where(eq(sessions.idHash, idHashOf(h.cookie)))
      deleted()
      await held
    })
    await deleting
    // Meanwhile a GET on this node reads what is committed (the session, still there) and keeps it.
    expect(await readSession(db, id, limits, h.deps.now(), recall)).not.toBeNull()
    commit()
    await logout
    // Once the logout has committed the node has forgotten it again: the next GET reads the database.
    expect(await readSession(db, id, limits, h.deps.now(), recall)).toBeNull()
  })

  it('a read still on its way when the node hears of a change is not kept', async () => {
    const h = await remembered({ HALL_MEMORY_SECONDS: '60' })
    const memory = sessionMemoryOf(h.deps.db, createLogger('silent'))
    const idHash = idHashOf(h.cookie)
    memory.forget([idHash])
    // The read has begun (its statement is on its way) when a notice about its session arrives.
    const reading = readSession(h.deps.db, h.cookie.slice(SESSION_COOKIE.length + 1), limits, h.deps.now(), { memory, maxAgeMs: 60_000 })
    memory.forget([idHash])
    expect(await reading).not.toBeNull()
    expect(memory.recall(idHash, h.deps.now().getTime(), 60_000)).toBeUndefined()
  })
})

if (dialect === 'postgres') {
  describe('sessions remembered by two nodes on one PostgreSQL', () => {
    it('a node forgets a session ended through another node as soon as it hears it, within its window', async () => {
      const shared = await sharedDatabase({ seeded: true })
      const a = await testApp({ HALL_MEMORY_SECONDS: '60' }, { db: await shared.open() })
      const b = await testApp({ HALL_MEMORY_SECONDS: '60' }, { db: await shared.open() })
      const cookie = await a.loginAs(STUDENT)
      const id = cookie.slice(SESSION_COOKIE.length + 1)
      const memoryB = sessionMemoryOf(b.deps.db, b.deps.log)
      await heardReady(b.deps.db, b.deps.log)
      const recall = { memory: memoryB, maxAgeMs: 60_000 }
      expect(await readSession(b.deps.db, id, limits, b.deps.now(), recall)).not.toBeNull()
      expect(memoryB.recall(idHashOf(cookie), b.deps.now().getTime(), 60_000)).toBeDefined()
      // Ended through node A: node B is not told in its own process, only through the database.
      await endSession(a.deps.db, id)
      const deadline = Date.now() + 10_000
      while (memoryB.recall(idHashOf(cookie), b.deps.now().getTime(), 60_000) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      expect(memoryB.recall(idHashOf(cookie), b.deps.now().getTime(), 60_000)).toBeUndefined()
      expect((await b.app.request('/api/me', { headers: { cookie } })).status).toBe(401)
    })

    it('a node forgets the language and the department names changed through another node', async () => {
      const shared = await sharedDatabase({ seeded: true })
      const a = await testApp({ HALL_MEMORY_SECONDS: '60' }, { db: await shared.open() })
      const b = await testApp({ HALL_MEMORY_SECONDS: '60' }, { db: await shared.open() })
      const cookie = await a.loginAs(STUDENT)
      await heardReady(b.deps.db, b.deps.log)
      type Me = { language: string | null; department: { code: string; nameZh: string } }
      const meOnB = async () => (await (await b.app.request('/api/me', { headers: { cookie } })).json()) as Me
      const factsOnB = () => meFactsMemoryOf(b.deps.db, b.deps.log).recall(STUDENT, b.deps.now().getTime(), 60_000)
      const until = async (done: () => boolean) => {
        const deadline = Date.now() + 10_000
        while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      }
      const first = await meOnB()
      expect(factsOnB()).toBeDefined()
      await chooseLanguage(a.deps.db, STUDENT, 'en', a.deps.now())
      await until(() => factsOnB() === undefined)
      expect((await meOnB()).language).toBe('en')
      expect(factsOnB()).toBeDefined()
      // A department renamed by hand-written SQL through node A: the trigger tells B all the same.
      await a.deps.db.update(departments).set({ nameZh: '改名学院' }).where(eq(departments.code, first.department.code))
      await until(() => factsOnB() === undefined)
      expect((await meOnB()).department.nameZh).toBe('改名学院')
    })
  })
}
