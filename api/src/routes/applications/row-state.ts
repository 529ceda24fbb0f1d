import type { ApplicationState } from '@hall/workflow'

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

/**
 * The state of an application's row (`engineTaskId` unset) or of one of its task rows. A task
 * that is closed waits for nobody.
 */
export function rowStateOf(status: string, state: ApplicationState | null, engineTaskId?: string | null): RowState {
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
