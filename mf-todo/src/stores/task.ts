import { api, type OkBody, unwrap } from '@hall/mf-kit'
import { defineStore } from 'pinia'
import { useShownTask } from './shown-task.ts'

type TaskRoute = (typeof api.api.tasks)[':id']
export type TaskDetail = OkBody<Awaited<ReturnType<TaskRoute['$get']>>>
export type Phrase = TaskDetail['phrases'][number]
/** What `POST /api/tasks/{id}/actions` takes, from the route (less the version, which the store adds). */
export type TaskActionInput = Omit<Parameters<TaskRoute['actions']['$post']>[0]['json'], 'stateVersion'>
export type TaskAction = TaskActionInput['action']

/**
 * The task shown: the application read-only, its history, what the task allows, common phrases;
 * its actions go with the version of the application as it was shown.
 */
export const useTaskStore = defineStore('todo/task', () =>
  useShownTask(
    (id) => unwrap(api.api.tasks[':id'].$get({ param: { id: String(id) } })),
    (shown: TaskDetail, input: TaskActionInput) =>
      unwrap(api.api.tasks[':id'].actions.$post({ param: { id: String(shown.task.id) }, json: { ...input, stateVersion: shown.application.stateVersion } })),
  ),
)
