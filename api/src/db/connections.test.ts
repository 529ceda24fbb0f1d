import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDb, openDb, transaction, type Db } from './client.ts'
import { WriteOutsideTransaction } from './connections.ts'
import { departments } from './schema/index.ts'

// A transaction's body awaits its queries, and another request's code runs at those awaits. These
// tests make two "requests" meet exactly there, on a database file as the hall runs it, and check
// that neither sees nor changes what the other has not committed (decision 016).

const opened: Db[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => closeDb(db)))
})

function fileDb(): Db {
  const db = openDb(path.join(mkdtempSync(path.join(tmpdir(), 'hall-connections-')), 'hall.sqlite'))
  opened.push(db)
  return db
}

const office = (code: string, nameZh = '教务处') => ({ code, nameZh, nameEn: 'Academic Affairs', kind: 'office' as const, phone: '0', location: 'A' })

/** A transaction that writes, then waits (awaiting, as a body does) until `release` is called, then fails or commits. */
function heldTransaction(db: Db, outcome: 'commit' | 'rollback', code = 'T1') {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let written!: () => void
  const hasWritten = new Promise<void>((resolve) => (written = resolve))
  const done = transaction(db, async (tx) => {
    await tx.insert(departments).values(office(code))
    written()
    await released
    // Inside, the body reads its own write, whichever handle it reads through.
    expect((await db.select().from(departments).where(eq(departments.code, code))).length).toBe(1)
    if (outcome === 'rollback') throw new Error('the body fails')
  })
  return { hasWritten, release, done }
}

describe('two requests meeting inside a transaction', () => {
  it('a read outside an open transaction sees nothing of it until it commits, then sees it', async () => {
    const db = fileDb()
    const held = heldTransaction(db, 'commit')
    await held.hasWritten
    expect(await db.select().from(departments).where(eq(departments.code, 'T1'))).toEqual([])
    held.release()
    await held.done
    expect((await db.select().from(departments).where(eq(departments.code, 'T1'))).map((d) => d.code)).toEqual(['T1'])
  })

  it('a read outside a transaction that then rolls back never saw its write', async () => {
    const db = fileDb()
    const held = heldTransaction(db, 'rollback')
    await held.hasWritten
    const seen = await db.select().from(departments)
    held.release()
    await expect(held.done).rejects.toThrow('the body fails')
    expect(seen).toEqual([])
    expect(await db.select().from(departments)).toEqual([])
  })

  it('a write outside a transaction, made while another is open, is refused rather than joined to it and undone with it', async () => {
    const db = fileDb()
    const held = heldTransaction(db, 'rollback')
    await held.hasWritten
    await expect(db.insert(departments).values(office('OUT'))).rejects.toBeInstanceOf(WriteOutsideTransaction)
    held.release()
    await expect(held.done).rejects.toThrow('the body fails')
    // Made in a transaction of its own, the same write waits its turn and stays.
    await transaction(db, async (tx) => tx.insert(departments).values(office('OUT')))
    expect((await db.select().from(departments)).map((d) => d.code)).toEqual(['OUT'])
  })

  it('a write outside any transaction runs by itself when none is open', async () => {
    const db = fileDb()
    await db.insert(departments).values(office('ALONE'))
    expect((await db.select().from(departments)).map((d) => d.code)).toEqual(['ALONE'])
  })

  it('work a body leaves running after it commits goes by the rules for outside, not into the next transaction', async () => {
    const db = fileDb()
    let later!: Promise<unknown>
    let go!: () => void
    const gate = new Promise<void>((resolve) => (go = resolve))
    await transaction(db, async (tx) => {
      await tx.insert(departments).values(office('T1'))
      // Started inside, it carries the body's context, and runs after the commit.
      later = gate.then(() => db.insert(departments).values(office('LATER')))
    })
    const next = heldTransaction(db, 'rollback', 'T2')
    await next.hasWritten
    go()
    await expect(later).rejects.toBeInstanceOf(WriteOutsideTransaction)
    next.release()
    await expect(next.done).rejects.toThrow('the body fails')
    expect((await db.select().from(departments)).map((d) => d.code)).toEqual(['T1'])
  })

  it('transactions on one handle take turns: a second waits for the first to end', async () => {
    const db = fileDb()
    const order: string[] = []
    const held = heldTransaction(db, 'commit')
    await held.hasWritten
    const second = transaction(db, async (tx) => {
      order.push('second begins')
      return (await tx.select().from(departments)).map((d) => d.code)
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    order.push('first ends')
    held.release()
    await held.done
    expect(await second).toEqual(['T1'])
    expect(order).toEqual(['first ends', 'second begins'])
  })
})
