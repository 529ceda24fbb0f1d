import { describe, expect, it } from 'vitest'
import { seedDemo } from '../../demo/index.ts'
import { sharedDatabase } from '../../test-support.ts'
import { hall, who, type Hall } from '../applications/test-support.ts'
import { csv, upload } from '../org/test-support.ts'
import { readCatalogRevision } from './catalog.service.ts'
import { dialect } from '../../db/dialect.ts'
import { heardReady } from '../../db/heard.ts'

// The catalog is kept in memory per process and rebuilt when the catalog revision changes
// (issue 15.5). Two apps here share one database as two API nodes would: `writer` acts through
// the API, `reader` has already built its catalog and search index (a warm cache) and must see each
// change at once. A writer that forgets `bumpCatalogRevision` leaves the reader's catalog as it
// was, and its case here fails. The reader reads the revision on every request
// (HALL_MEMORY_SECONDS=0): what a node may take from memory for a moment instead, and how it hears
// of a change, is tested at the end (decision 024).

type Item = { code: string; nameZh: string; status: string; mode: string; department: { nameEn: string } }

/** Two apps on one database; the writer seeds the demo unless `demo: false`. */
async function twoNodes(opts: { demo?: boolean; readerMemorySeconds?: number } = {}) {
  const demo = opts.demo ?? true
  const shared = await sharedDatabase({ seeded: demo })
  const writer = await hall({ db: await shared.open(), demo })
  const reader = await hall({ db: await shared.open(), demo: false, env: { HALL_MEMORY_SECONDS: String(opts.readerMemorySeconds ?? 0) } })
  return { writer, reader }
}

/** Everything the reader's catalog lists (anonymous, one page of all). */
const listed = async (h: Hall): Promise<Item[]> => {
  const res = await h.get(null, '/api/services?pageSize=100')
  expect(res.status).toBe(200)
  return res.body.items
}
/** What a search finds, anonymous or (`card`) logged in: the revision is then read with the person's own rows. */
const found = async (h: Hall, q: string, card: string | null = null): Promise<string[]> => {
  const res = await h.get(card, `/api/services?q=${encodeURIComponent(q)}`)
  expect(res.status).toBe(200)
  return res.body.items.map((i: Item) => i.code)
}
const one = async (h: Hall, code: string) => (await listed(h)).find((i) => i.code === code)

describe('the catalog revision: another node with a warm cache sees every change of the catalog', () => {
  it('publishing a new version of a listed service (its name, searched)', async () => {
    const { writer, reader } = await twoNodes()
    const owner = who.studentAffairsOwner
    expect(await found(reader, '晨读打卡')).toEqual([])
    expect(await found(reader, '晨读打卡', who.student)).toEqual([])
    expect((await one(reader, 'undergrad-leave'))?.nameZh).not.toContain('晨读打卡')

    expect((await writer.post(owner, '/api/admin/services/undergrad-leave/draft', {})).status).toBe(201)
    const baseRevision = (await writer.get(owner, '/api/admin/services/undergrad-leave')).body.revision as number
    const edited = await writer.call(owner, 'PATCH', '/api/admin/services/undergrad-leave/draft', { nameZh: '本科生请假与晨读打卡', baseRevision })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    // A draft is in no catalog: editing it changes nothing the reader shows.
    expect(await found(reader, '晨读打卡')).toEqual([])
    const published = await writer.post(owner, '/api/admin/services/undergrad-leave/publish', {})
    expect(published.status, JSON.stringify(published.body)).toBe(200)

    expect(await found(reader, '晨读打卡', who.student)).toEqual(['undergrad-leave'])
    expect(await found(reader, '晨读打卡')).toEqual(['undergrad-leave'])
    expect((await one(reader, 'undergrad-leave'))?.nameZh).toBe('本科生请假与晨读打卡')
  })

  it('switching availability (mode and status) and retiring', async () => {
    const { writer, reader } = await twoNodes()
    const owner = who.studentAffairsOwner
    expect(await one(reader, 'undergrad-leave')).toMatchObject({ status: 'online', mode: 'online' })

    expect((await writer.post(owner, '/api/admin/services/undergrad-leave/availability', { availability: 'hybrid' })).status).toBe(200)
    expect(await one(reader, 'undergrad-leave')).toMatchObject({ status: 'online', mode: 'hybrid' })
    expect((await writer.post(owner, '/api/admin/services/undergrad-leave/availability', { availability: 'offline' })).status).toBe(200)
    expect(await one(reader, 'undergrad-leave')).toMatchObject({ status: 'offline' })

    expect(await found(reader, '请假')).toContain('undergrad-leave')
    expect((await writer.post(who.admin, '/api/admin/services/undergrad-leave/retire', {})).status).toBe(200)
    expect(await one(reader, 'undergrad-leave')).toBeUndefined()
    expect(await found(reader, '请假')).not.toContain('undergrad-leave')
    expect((await reader.get(null, '/api/services/undergrad-leave')).status).toBe(404)
  })

  it('publishing a FAQ and taking it down (the search covers FAQs)', async () => {
    const { writer, reader } = await twoNodes()
    const asked = await writer.post(who.student, '/api/questions', {
      title: '请假期间能参加晨跑吗？',
      body: '请假期间需要晨跑签到吗？',
      serviceCode: 'undergrad-leave',
    })
    expect(asked.status).toBe(201)
    const id = asked.body.id as number
    expect((await writer.post(who.studentAffairsOwner, `/api/questions/${id}/messages`, { body: '请假期间免于晨跑签到。' })).status).toBe(201)
    expect(await found(reader, '晨跑签到')).toEqual([])

    const published = await writer.call(who.studentAffairsOwner, 'PUT', `/api/questions/${id}/faq`, { published: true })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    expect(await found(reader, '晨跑签到')).toEqual(['undergrad-leave'])

    expect((await writer.call(who.studentAffairsOwner, 'PUT', `/api/questions/${id}/faq`, { published: false })).status).toBe(200)
    expect(await found(reader, '晨跑签到')).toEqual([])
  })

  it("the organisation import (a department's name, shown with its services)", async () => {
    const { writer, reader } = await twoNodes()
    expect((await one(reader, 'undergrad-leave'))?.department.nameEn).toBe('Student Affairs Office')
    const bytes = csv({ departments: [{ code: 'student-affairs', nameZh: '学生工作部', nameEn: 'Student Affairs Department', kind: 'office' }] })
    const run = await upload(writer, who.admin, bytes, 'org.csv', { dryRun: false })
    expect(run.status, JSON.stringify(run.body)).toBe(200)
    expect(run.body.status).toBe('imported')
    expect((await one(reader, 'undergrad-leave'))?.department.nameEn).toBe('Student Affairs Department')
    expect(await found(reader, '学生工作部')).toContain('undergrad-leave')
  })

  it('seeding the demo university into an empty hall', async () => {
    const { writer, reader } = await twoNodes({ demo: false })
    expect(await listed(reader)).toEqual([])
    expect(await found(reader, '请假')).toEqual([])
    await seedDemo(writer.deps.db, writer.deps.now())
    expect((await listed(reader)).length).toBeGreaterThan(10)
    expect(await found(reader, '请假')).toContain('undergrad-leave')
  })

  it('a request that changes nothing leaves the revision as it was', async () => {
    const { writer, reader } = await twoNodes()
    const before = await readCatalogRevision(reader.deps.db)
    expect(before).toBeGreaterThan(0)
    await listed(reader)
    await found(reader, 'sstz')
    await writer.get(who.student, '/api/services/undergrad-leave')
    expect((await writer.call(who.student, 'PUT', '/api/me/favorites/undergrad-leave')).status).toBe(200)
    expect(await readCatalogRevision(reader.deps.db)).toBe(before)
  })
})

describe('the catalog revision a node remembers for a moment (decision 024)', () => {
  it('a visitor’s search on the node that published sees the new version at once', async () => {
    const h = await hall({ env: { HALL_MEMORY_SECONDS: '60' } })
    const owner = who.studentAffairsOwner
    expect(await found(h, '晨读打卡')).toEqual([])
    expect((await h.post(owner, '/api/admin/services/undergrad-leave/draft', {})).status).toBe(201)
    const baseRevision = (await h.get(owner, '/api/admin/services/undergrad-leave')).body.revision as number
    expect((await h.call(owner, 'PATCH', '/api/admin/services/undergrad-leave/draft', { nameZh: '本科生请假与晨读打卡', baseRevision })).status).toBe(200)
    expect((await h.post(owner, '/api/admin/services/undergrad-leave/publish', {})).status).toBe(200)
    expect(await found(h, '晨读打卡')).toEqual(['undergrad-leave'])
  })

  it('another node answers a visitor from the revision it read until the window passes (a node it cannot hear: SQLite) or it hears the change (PostgreSQL)', async () => {
    const { writer, reader } = await twoNodes({ readerMemorySeconds: 60 })
    await heardReady(reader.deps.db, reader.deps.log)
    expect(await found(reader, '请假')).toContain('undergrad-leave')
    expect((await writer.post(who.admin, '/api/admin/services/undergrad-leave/retire', {})).status).toBe(200)
    if (dialect === 'sqlite') {
      // Another process on the file says nothing to this one: the window bounds what it answers.
      expect(await found(reader, '请假')).toContain('undergrad-leave')
      reader.advance(60_000)
    } else {
      // The trigger of catalog_revision tells every node; a 60 s window cannot be what ends it.
      const deadline = Date.now() + 10_000
      while ((await found(reader, '请假')).includes('undergrad-leave') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    }
    expect(await found(reader, '请假')).not.toContain('undergrad-leave')
  })
})
