import type { api, OkBody } from '../api.ts'

// What the application timeline shows, from the API's answer about an application (the same shape
// in GET /api/applications/{id} and in a task's or an escalation's `application`): the events, and
// where there is one, the step it is at now and the steps still to come.

type ApplicationDetail = OkBody<Awaited<ReturnType<(typeof api.api.applications)[':id']['$get']>>>

/** The parts of an application the timeline reads. */
export type TimelineApplication = Pick<ApplicationDetail, 'timeline' | 'current' | 'steps' | 'upcoming'>
export type TimelineEvent = ApplicationDetail['timeline'][number]

/** vue-i18n's `t`: the third argument picks the plural form (`{n} day | {n} days`). */
type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string
type Bilingual = (zh: string, en: string) => string

/** A length of time as a person says it: `3 小时`, `2 天 5 小时`, `12 分钟`. */
export function durationText(ms: number, t: Translate): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000)
  if (minutes < 1) return t('hall.duration.lessThanMinute')
  if (minutes < 60) return t('hall.duration.minutes', { n: minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return t('hall.duration.hours', { n: hours })
  const days = Math.floor(hours / 24)
  const rest = hours % 24
  return rest && days < 7 ? t('hall.duration.daysHours', { d: days, h: rest }) : t('hall.duration.days', { n: days }, days)
}

/** One holder of a live step: their name (and whom they stand in for), the deadline, whether it passed. */
export interface Holder {
  key: number
  name: string
  dueAt: string | null
  overdue: boolean
}

/** A step live now, with who holds it. */
export interface LiveStep {
  runId: string
  name: string
  holders: Holder[]
}

type Task = NonNullable<TimelineApplication['current']>['assignees'][number]

/**
 * The steps live now (one, or each branch of a parallel group), each with who holds it and by when:
 * whoever reads it sees whom the application waits for and until when, step by step. Without step
 * runs (an application from before them), the current step and its assignees.
 */
export function liveSteps(application: TimelineApplication, l: Bilingual, t: Translate): LiveStep[] {
  const current = application.current
  if (!current) return []
  const holderOf = (task: Task): Holder => ({
    key: task.taskId,
    name: `${l(task.person.name, task.person.nameEn)}${task.onBehalfOf ? ` (${t('hall.timeline.onBehalfOf', { name: l(task.onBehalfOf.name, task.onBehalfOf.nameEn) })})` : ''}`,
    dueAt: task.dueAt,
    overdue: task.overdue,
  })
  const steps = application.steps
    .filter((s) => s.kind === 'step' && s.status === 'active')
    .map((s) => ({ runId: s.runId, name: l(s.nameZh, s.nameEn), holders: s.tasks.filter((task) => task.status !== 'closed').map(holderOf) }))
    .filter((s) => s.holders.length > 0)
  if (steps.length) return steps
  return [{ runId: 'current', name: l(current.step.nameZh, current.step.nameEn), holders: current.assignees.map(holderOf) }]
}
