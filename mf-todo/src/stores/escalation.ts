import { api, type OkBody, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { useShownTask } from './shown-task.ts'

type EscalationRoute = (typeof api.api.escalations)[':id']
export type EscalationDetail = OkBody<Awaited<ReturnType<EscalationRoute['$get']>>>
/** What `POST /api/escalations/{id}/actions` takes, less the version, which the store adds. */
export type EscalationInput = Omit<Parameters<EscalationRoute['actions']['$post']>[0]['json'], 'stateVersion'>

/** The overdue task shown to its escalation contact: the application read-only and what they may do (take over, reassign, urge). */
export const useEscalationStore = defineStore('todo/escalation', () =>
  useShownTask(
    (id) => unwrap(api.api.escalations[':id'].$get({ param: { id: String(id) } })),
    (shown: EscalationDetail, input: EscalationInput) =>
      unwrap(
        api.api.escalations[':id'].actions.$post({ param: { id: String(shown.task.id) }, json: { ...input, stateVersion: shown.application.stateVersion } }),
      ),
  ),
)
