import { and, desc, eq, gt } from 'drizzle-orm'
import { z } from 'zod'
import { orgImports } from '../../db/schema/index.ts'
import type { Deps } from '../../lib/context.ts'
import { recordFailedImport, runImport } from './org.service.ts'
import { hostileText, SHEET_KINDS, type ReadRefusal, type SheetRow } from './org.sheets.ts'

// The organisation from the university's data platform (HALL_DATA_PLATFORM=http), every
// HALL_ORG_SYNC_MINUTES. The hall asks
//
//   GET {HALL_DATA_PLATFORM_URL}/organisation        (Accept: application/json, the same token)
//
// and expects the four sheets of the spreadsheet as arrays of objects with the same columns
// (README "Importing the organisation"). The whole organisation comes each time: a full import,
// whose report is kept like a file's. A platform that is down leaves the organisation as it is.

const MAX_BODY_BYTES = 64 * 1024 * 1024

const Item = z.record(z.string().max(40), z.union([z.string().max(2000), z.number(), z.null()]))
export const WireOrganisation = z.object(
  Object.fromEntries(SHEET_KINDS.map((k) => [k, z.array(Item).max(500_000).default([])])) as Record<
    (typeof SHEET_KINDS)[number],
    z.ZodDefault<z.ZodArray<typeof Item>>
  >,
)
export type WireOrganisation = z.input<typeof WireOrganisation>

/** The platform's answer as the rows of a spreadsheet; `row` is the item's position (1-based) in its array. */
export function rowsOfWire(wire: z.output<typeof WireOrganisation>): { rows: SheetRow[]; refused: ReadRefusal[] } {
  const rows: SheetRow[] = []
  const refused: ReadRefusal[] = []
  for (const sheet of SHEET_KINDS) {
    wire[sheet].forEach((item, i) => {
      const cells: Record<string, string> = {}
      const problems: string[] = []
      const problemsZh: string[] = []
      for (const [key, value] of Object.entries(item)) {
        const text = value === null ? '' : String(value).trim()
        const bad = text ? hostileText(text) : null
        if (bad) {
          problems.push(`${key}: ${bad.en}`)
          problemsZh.push(`${key}：${bad.zh}`)
        } else cells[key] = text
      }
      if (problems.length) refused.push({ sheet, row: i + 1, reason: problems.join('; '), reasonZh: problemsZh.join('；') })
      else rows.push({ sheet, row: i + 1, cells })
    })
  }
  return { rows, refused }
}

async function fetchOrganisation(deps: Deps): Promise<z.output<typeof WireOrganisation>> {
  const cfg = deps.env.dataPlatform
  const headers: Record<string, string> = { accept: 'application/json' }
  if (cfg.token) headers[cfg.tokenHeader] = cfg.tokenHeader.toLowerCase() === 'authorization' ? `Bearer ${cfg.token}` : cfg.token
  // The whole organisation is larger than one record: ten times the record's time limit.
  const res = await fetch(`${cfg.url}/organisation`, { headers, signal: AbortSignal.timeout(cfg.timeoutMs * 10), redirect: 'error' })
  if (!res.ok) {
    await res.body?.cancel()
    throw new Error(
      res.status === 401 || res.status === 403
        ? `the data platform refused the hall's token (HTTP ${res.status})`
        : `the data platform answered HTTP ${res.status}`,
    )
  }
  const text = await res.text()
  if (text.length > MAX_BODY_BYTES) throw new Error("the data platform's organisation is larger than the hall takes")
  const parsed = WireOrganisation.safeParse(JSON.parse(text))
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    throw new Error(`the organisation does not have the documented shape (${where.join('; ')})`)
  }
  return parsed.data
}

/** One synchronisation: fetch, then a full import (or a failed run with the reason). */
export async function syncOrganisation(deps: Deps) {
  const origin = `${deps.env.dataPlatform.url}/organisation`
  let wire
  try {
    wire = await fetchOrganisation(deps)
  } catch (err) {
    const reason = (err as Error).name === 'TimeoutError' ? 'the data platform did not answer in time' : (err as Error).message
    deps.log.warn({ err: reason }, 'organisation sync failed; the organisation is unchanged')
    const { id } = await recordFailedImport(deps, {
      source: 'platform',
      origin,
      mode: 'full',
      dryRun: false,
      actor: 'system',
      reason,
      reasonZh: `无法从数据中心获取组织信息（${reason}），组织未变`,
    })
    return { id, status: 'failed' as const }
  }
  const { rows, refused } = rowsOfWire(wire)
  const run = await runImport(deps, { rows, readRefused: refused, mode: 'full', dryRun: false, source: 'platform', origin, actor: 'system' })
  deps.log.info({ id: run.id, ...run.report.counts }, 'organisation synchronised from the data platform')
  return { id: run.id, status: run.status }
}

/**
 * Runs the sync every HALL_ORG_SYNC_MINUTES (0: never). With several API nodes each has the timer;
 * a node skips its turn when another ran a sync within half the interval.
 */
export function startOrgSync(deps: Deps): { stop: () => void; tick: () => Promise<void> } {
  const minutes = deps.env.orgSyncMinutes
  if (minutes <= 0 || deps.env.dataPlatform.kind !== 'http') return { stop: () => {}, tick: async () => {} }
  const everyMs = minutes * 60_000
  let running = false
  const tick = async () => {
    if (running) return
    const recent = (
      await deps.db
        .select({ id: orgImports.id })
        .from(orgImports)
        .where(and(eq(orgImports.source, 'platform'), gt(orgImports.at, new Date(deps.now().getTime() - everyMs / 2))))
        .orderBy(desc(orgImports.at))
    )[0]
    if (recent) return
    running = true
    try {
      await syncOrganisation(deps)
    } catch (err) {
      deps.log.error({ err }, 'organisation sync crashed')
    } finally {
      running = false
    }
  }
  const first = setTimeout(() => void tick(), 1000)
  const timer = setInterval(() => void tick(), everyMs)
  first.unref()
  timer.unref()
  return {
    stop: () => {
      clearTimeout(first)
      clearInterval(timer)
    },
    /** One turn of the timer, as the timer runs it (tests call it instead of waiting). */
    tick,
  }
}
