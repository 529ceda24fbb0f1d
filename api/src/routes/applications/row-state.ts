import type { Task } from '@hall/workflow'
import { inArray } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { preparedPerDb } from '../../db/prepared.ts'
import { applications } from '../../db/schema/index.ts'
import { stateOf } from '../../workflow/definitions.ts'

// What a row of a list is waiting for (issue 14): the applicant (returned, or a question asked of
// them), a signer a reviewer added before themselves (加签), and whether it was urged (催办). Read
// from the engine's state, which already holds all of it, so the lists need no column of their own.

export interface RowState {
  waitingFor: 'applicant' | 'signer' | null
  /** Card numbers of the added signers it waits for (with `waitingFor: 'signer'`). */
  signers: string[]
  /** The latest time a live task of it was urged, as ISO; null when not urged. */
  urgedAt: string | null
}

const LIVE = new Set(['open', 'asked', 'waiting'])

/** What of the engine's state a row's state is read from: its tasks, with the fields read below. */
export interface RowStateSource {
  tasks: ReadonlyArray<Pick<Task, 'id' | 'status' | 'assignee' | 'blockedBy' | 'urgedAt'>>
}

/**
 * The state of an application's row (`engineTaskId` unset) or of one of its task rows. A task
 * that is closed waits for nobody.
 */
export function rowStateOf(status: string, state: RowStateSource | null, engineTaskId?: string | null): RowState {
  const none: RowState = { waitingFor: null, signers: [], urgedAt: null }
  if (engineTaskId === undefined && status === 'returned') return { ...none, waitingFor: 'applicant' }
  if (!state) return none
  const live = state.tasks.filter((t) => LIVE.has(t.status) && (engineTaskId === undefined || t.id === engineTaskId))
  if (live.length === 0) return none
  const byId = new Map(state.tasks.map((t) => [t.id, t]))
  const urged = live.flatMap((t) => (t.urgedAt ? [t.urgedAt] : [])).sort()
  const urgedAt = urged.at(-1) ?? null
  if (live.some((t) => t.status === 'asked')) return { waitingFor: 'applicant', signers: [], urgedAt }
  const waiting = live.filter((t) => t.status === 'waiting')
  if (waiting.length) {
    const signers = [...new Set(waiting.flatMap((t) => t.blockedBy.flatMap((id) => byId.get(id)?.assignee ?? [])))]
    return { waitingFor: 'signer', signers, urgedAt }
  }
  return { ...none, urgedAt }
}

/** The most applications whose row-state sources a process keeps per database handle (about 200 bytes each). */
const REMEMBERED = 5_000

/** Per database handle: application id → its state version and what of its state the row states read. */
const remembered = preparedPerDb(() => new Map<number, { version: number; source: RowStateSource | null }>())

/**
 * The row-state sources of `apps` (an application id and the state version its row was read at),
 * by application id. Reading and validating a whole engine state per row (a few kilobytes of JSON:
 * about 70 µs) was most of a 待办 page's time, so each node remembers the tasks of the states it
 * read, keyed by the application's `state_version`. That version changes in the very UPDATE that
 * changes the state (act.ts, guarded by the version read), on whichever node, so a remembered source
 * whose version matches the row just read is that row's state: never stale, and only ever used for
 * a row the caller's own query returned. Applications not remembered at their version are read in
 * one query; if one changed between the two reads, the newer state is the one shown and remembered.
 */
export async function rowStateSourcesOf(
  db: Db,
  apps: ReadonlyArray<{ applicationId: number; stateVersion: number }>,
): Promise<Map<number, RowStateSource | null>> {
  const memo = remembered(db)
  const found = new Map<number, RowStateSource | null>()
  const missing: number[] = []
  for (const { applicationId, stateVersion } of apps) {
    const known = memo.get(applicationId)
    if (known && known.version === stateVersion) found.set(applicationId, known.source)
    else missing.push(applicationId)
  }
  if (missing.length === 0) return found
  const rows = await db
    .select({ id: applications.id, version: applications.stateVersion, state: applications.state })
    .from(applications)
    .where(inArray(applications.id, [...new Set(missing)]))
  for (const row of rows) {
    const state = stateOf(row.state)
    // Only the fields the row states read: the rest of a state is most of its memory.
    const source = state ? { tasks: state.tasks.map(({ id, status, assignee, blockedBy, urgedAt }) => ({ id, status, assignee, blockedBy, urgedAt })) } : null
    memo.delete(row.id)
    memo.set(row.id, { version: row.version, source })
    found.set(row.id, source)
  }
  // A Map keeps insertion order: the first keys are the ones read longest ago.
  for (const id of memo.keys()) {
    if (memo.size <= REMEMBERED) break
    memo.delete(id)
  }
  return found
}
