import type { Db } from '../db/client.ts'
import { recordAudit, updateAuditDetail, type AuditEntry } from './record.ts'

/** How long one aggregated row gathers the repeats of one event. */
export const AUDIT_WINDOW_MS = 60_000
/** Distinct keys gathered at once; past that, new keys share one overflow row per window. */
const MAX_KEYS = 5000
/** At most how many distinct targets an aggregated row names (the count says how many in all). */
const MAX_SAMPLES = 10

interface Gathered {
  id: number
  entry: AuditEntry
  count: number
  /** The count the stored row says. */
  stored: number
  storedAt: number
  lastAt: number
  from: number
  until: number
  targets: string[]
}

/**
 * Writes repetitive security events (denials, 429s, failed logins) as one audit row per key and
 * window, with a count, so that a flood of refusals cannot become a flood of rows: the first
 * event of a window is written at once (a single 403 is in the log immediately), the repeats
 * raise the row's count. The count is rewritten at most once a second and at 2, 4, 8… (so a
 * short burst is exact), and finally when the window is over (at the next event of any key, or
 * at `flush`). Memory is bounded too: past MAX_KEYS keys in a window, the rest share one row.
 *
 * Per node and in memory, like the rate limits: two nodes write one row each per window.
 */
export class AuditThrottle {
  private readonly gathered = new Map<string, Gathered>()
  private sweptAt = 0

  constructor(
    private readonly db: Db,
    private readonly windowMs = AUDIT_WINDOW_MS,
  ) {}

  /** Counts one event under `key` (what makes two events "the same": action, actor, address, route…). */
  async note(at: Date, key: string, entry: AuditEntry, target?: string): Promise<void> {
    const t = at.getTime()
    if (t - this.sweptAt >= this.windowMs) await this.sweep(t)
    let g = this.gathered.get(key)
    if (g && t >= g.until) {
      await this.store(g)
      this.gathered.delete(key)
      g = undefined
    }
    if (!g && this.gathered.size >= MAX_KEYS) {
      key = '\u0000overflow'
      g = this.gathered.get(key)
      entry = { ...entry, actor: 'various', ip: 'various', targetId: undefined, detail: { ...entry.detail, overflow: true } }
    }
    if (!g) {
      const detail = { ...entry.detail, count: 1, ...(target ? { targets: [target] } : {}) }
      const id = await recordAudit(this.db, at, { ...entry, detail })
      this.gathered.set(key, { id, entry, count: 1, stored: 1, storedAt: t, lastAt: t, from: t, until: t + this.windowMs, targets: target ? [target] : [] })
      return
    }
    g.count++
    g.lastAt = t
    if (target && g.targets.length < MAX_SAMPLES && !g.targets.includes(target)) g.targets.push(target)
    // Powers of two keep a burst's count exact in the row; the clock bounds the writes to one a second.
    if ((g.count & (g.count - 1)) === 0 || t - g.storedAt >= 1000) {
      g.storedAt = t
      await this.store(g)
    }
  }

  /** Writes every pending count (at shutdown, or before reading the log in a test). */
  async flush(): Promise<void> {
    for (const g of this.gathered.values()) await this.store(g)
  }

  /** Finishes the windows that are over: their final counts, and their memory. */
  private async sweep(t: number): Promise<void> {
    this.sweptAt = t
    for (const [key, g] of this.gathered) {
      if (t < g.until) continue
      await this.store(g)
      this.gathered.delete(key)
    }
  }

  private async store(g: Gathered): Promise<void> {
    if (g.stored === g.count) return
    g.stored = g.count
    await updateAuditDetail(this.db, g.id, {
      ...g.entry.detail,
      count: g.count,
      ...(g.targets.length ? { targets: g.targets } : {}),
      lastAt: new Date(g.lastAt).toISOString(),
    })
  }
}
