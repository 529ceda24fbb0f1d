import { count, eq, isNull } from 'drizzle-orm'
import { pinyin } from 'pinyin-pro'
import type { Db } from '../../db/client.ts'
import { classes, departments, people } from '../../db/schema/index.ts'
import { allFields, type FormDefinition } from '@hall/forms/format'
import { HallError } from '../../lib/errors.ts'
import type { SessionUser } from '../../lib/context.ts'
import { formOf } from '../../workflow/definitions.ts'
import { readableApplication } from '../applications/applications.service.ts'
import { requireForm } from '../forms/forms.service.ts'

// Person search for the pickers of transfer, add a signer and delegation: by name, full pinyin,
// pinyin initials or card number. Only what a colleague may see leaves here: name, card number,
// department and title; never phone, e-mail, gender or a student's records.
//
// The directory is matched in memory: pinyin of a name is computed once per person, not per
// request, and a university's few tens of thousands of people scan in a few milliseconds. The
// index is rebuilt when the number of people changes, or after INDEX_TTL_MS (a renamed person).

const INDEX_TTL_MS = 5 * 60_000
export const MAX_RESULTS = 20

interface Entry {
  cardNumber: string
  name: string
  nameEn: string
  kind: string
  department: { code: string; nameZh: string; nameEn: string } | null
  titleZh: string | null
  titleEn: string | null
  /** A student's administrative class (行政班), for the form pickers. */
  klass: { code: string; nameZh: string; nameEn: string } | null
  /** Lower case, no spaces: "limingxuan", "lmx", "li mingxuan" → "limingxuan". */
  pinyinFull: string
  initials: string
  nameEnKey: string
}

const indexes = new WeakMap<Db, { builtAt: number; size: number; entries: Entry[] }>()

function textOf(profile: Record<string, unknown>, key: 'titleZh' | 'titleEn'): string | null {
  const staff = profile.staff as Record<string, unknown> | undefined
  const v = staff?.[key]
  return typeof v === 'string' && v ? v : null
}

function klassCodeOf(profile: Record<string, unknown>): string | null {
  const student = profile.student as Record<string, unknown> | undefined
  return typeof student?.klassCode === 'string' ? student.klassCode : null
}

async function directory(db: Db, now: number): Promise<Entry[]> {
  // People who left are not offered: they can no longer be handed a task.
  const size = (await db.select({ n: count() }).from(people).where(isNull(people.leftAt)))[0]?.n ?? 0
  const known = indexes.get(db)
  if (known && known.size === size && now - known.builtAt < INDEX_TTL_MS) return known.entries
  const rows = await db
    .select({ person: people, department: departments })
    .from(people)
    .leftJoin(departments, eq(departments.code, people.departmentCode))
    .where(isNull(people.leftAt))
  const classNames = new Map((await db.select().from(classes)).map((k) => [k.code, { code: k.code, nameZh: k.nameZh, nameEn: k.nameEn }]))
  const entries = rows.map(({ person: p, department: d }) => ({
    cardNumber: p.cardNumber,
    name: p.name,
    nameEn: p.nameEn,
    kind: p.kind,
    department: d ? { code: d.code, nameZh: d.nameZh, nameEn: d.nameEn } : null,
    titleZh: textOf(p.profile, 'titleZh'),
    titleEn: textOf(p.profile, 'titleEn'),
    klass: classNames.get(klassCodeOf(p.profile) ?? '') ?? null,
    pinyinFull: pinyin(p.name, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase(),
    initials: pinyin(p.name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase(),
    nameEnKey: p.nameEn.toLowerCase().replace(/\s+/g, ''),
  }))
  indexes.set(db, { builtAt: now, size, entries })
  return entries
}

/** How well `e` matches `q` (lower is better), or null when it does not. */
function score(e: Entry, q: string, compact: string): number | null {
  if (e.cardNumber === q) return 0
  if (e.name === q) return 1
  if (e.cardNumber.startsWith(q)) return 2
  if (e.name.startsWith(q)) return 3
  if (e.name.includes(q)) return 4
  if (!compact) return null
  if (e.pinyinFull === compact || e.initials === compact) return 5
  if (e.initials.startsWith(compact)) return 6
  if (e.pinyinFull.startsWith(compact)) return 7
  if (e.nameEnKey.includes(compact)) return 8
  return null
}

export interface PersonQuery {
  q: string
  kind?: 'staff' | undefined
}

/** At most 20 people matching the query, best first, with only what a colleague may see. */
export async function searchPeople(db: Db, query: PersonQuery, now: Date) {
  const q = query.q.trim()
  const compact = /^[a-z\s]+$/i.test(q) ? q.toLowerCase().replace(/\s+/g, '') : ''
  const hits: Array<{ e: Entry; s: number }> = []
  for (const e of await directory(db, now.getTime())) {
    if (query.kind && e.kind !== query.kind) continue
    const s = score(e, q, compact)
    if (s !== null) hits.push({ e, s })
  }
  hits.sort((a, b) => a.s - b.s || a.e.name.localeCompare(b.e.name, 'zh-CN') || a.e.cardNumber.localeCompare(b.e.cardNumber))
  return {
    items: hits.slice(0, MAX_RESULTS).map(({ e }) => ({
      cardNumber: e.cardNumber,
      name: e.name,
      nameEn: e.nameEn,
      department: e.department,
      titleZh: e.titleZh,
      titleEn: e.titleEn,
    })),
    /** How many matched in all (more than the items when the search should be narrower). */
    total: hits.length,
  }
}

// ------------------------------------------------------------------------------ the form pickers

/** At most this many people answer a form picker's search. */
export const MAX_PICKS = 10
export const STUDENT_KINDS = ['undergraduate', 'graduate', 'international'] as const

export interface PickQuery {
  q: string
  /** The kinds the form field accepts; every kind when absent. */
  kinds?: readonly string[] | undefined
  /** Who searches: never offered to themself (nobody swaps beds with themself). */
  by: string
}

/**
 * The kinds of people a form's person field accepts, from the service's form itself: the client
 * names the field, never the kinds, so a student cannot widen the picker of 互换同学 to staff.
 * `field` is a field key, `table.column`, or a column key; undefined kinds means everyone.
 */
export async function pickKindsOf(db: Db, serviceCode: string, field: string): Promise<readonly string[] | undefined> {
  return personFieldKinds((await requireForm(db, serviceCode)).definition, serviceCode, field)
}

/**
 * The same for an application being changed (resubmitted after a return): the form of the
 * application's own version decides, as the resubmit's check does (checkPeopleNamed), not the
 * service's current form, whose field may accept other kinds or be gone. 404 unless the searcher
 * may read the application.
 */
export async function applicationPickKindsOf(
  db: Db,
  user: SessionUser,
  applicationId: number,
  field: string,
  now: Date,
): Promise<readonly string[] | undefined> {
  const row = await readableApplication(db, user, applicationId, now)
  const definition = formOf(row.version)
  if (!definition) throw notAPersonField(row.app.serviceCode, field)
  return personFieldKinds(definition, row.app.serviceCode, field)
}

function notAPersonField(serviceCode: string, field: string) {
  return new HallError(
    400,
    'not_a_person_field',
    `field: the form of "${serviceCode}" has no person field "${field}"`,
    `field：“${serviceCode}”的表单中没有人员字段“${field}”`,
    { fields: [{ path: 'field', message: `The form has no person field "${field}"` }] },
  )
}

/** `field` is a field key, `table.column`, or a column key; undefined kinds means everyone. */
function personFieldKinds(definition: FormDefinition, serviceCode: string, field: string): readonly string[] | undefined {
  const [key, column] = field.split('.')
  const found = allFields(definition).flatMap(({ field: f }) =>
    f.key === key && column === undefined
      ? [f]
      : f.type === 'table'
        ? f.columns.filter((c) => (column === undefined ? c.key === key : f.key === key && c.key === column))
        : [],
  )[0]
  if (found?.type !== 'person') throw notAPersonField(serviceCode, field)
  return found.kinds
}

/**
 * A form's person picker (互换同学, 指导老师), open to every logged-in user, students included.
 * So that it is not a directory of the university, it finds a person only by an exact card
 * number, or by a name (Chinese, full pinyin or English) the searcher already knows the start
 * of (two characters at least, three letters of pinyin); initials and card-number prefixes find nobody; at most 10 answer. What it shows is
 * what picking needs: name, card number, college, and a student's class or a staff member's title.
 */
export async function pickPeople(db: Db, query: PickQuery, now: Date) {
  const q = query.q.trim()
  const compact = /^[a-z\s]+$/i.test(q) ? q.toLowerCase().replace(/\s+/g, '') : ''
  const hits: Array<{ e: Entry; s: number }> = []
  for (const e of await directory(db, now.getTime())) {
    if (e.cardNumber === query.by) continue
    if (query.kinds && !query.kinds.includes(e.kind)) continue
    const s =
      e.cardNumber === q
        ? 0
        : e.name === q
          ? 1
          : q.length >= 2 && e.name.startsWith(q)
            ? 2
            : compact.length >= 3 && e.pinyinFull.startsWith(compact)
              ? 3
              : compact.length >= 3 && e.nameEnKey.startsWith(compact)
                ? 4
                : null
    if (s !== null) hits.push({ e, s })
  }
  hits.sort((a, b) => a.s - b.s || a.e.name.localeCompare(b.e.name, 'zh-CN') || a.e.cardNumber.localeCompare(b.e.cardNumber))
  return {
    items: hits.slice(0, MAX_PICKS).map(({ e }) => ({
      cardNumber: e.cardNumber,
      name: e.name,
      nameEn: e.nameEn,
      department: e.department,
      className: e.klass ? { zh: e.klass.nameZh, en: e.klass.nameEn } : null,
      title: e.titleZh ? { zh: e.titleZh, en: e.titleEn ?? e.titleZh } : null,
    })),
  }
}
