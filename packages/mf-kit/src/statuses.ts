// The application statuses as the API stores them (the `applications.status` column), and the
// colour of each, and of each event of an application's history: one list, so the forms, the
// to-do list, the timeline and the print record agree on what blue, orange, green and red mean.

/** element-plus tag and timeline types. */
export type Tone = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export const APPLICATION_STATUSES = ['draft', 'submitted', 'in_review', 'returned', 'completed', 'rejected', 'withdrawn'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value)
}

/** In progress blue, needs the applicant orange, good green, ended grey or red. */
const STATUS_TONE: Record<ApplicationStatus, Tone> = {
  draft: 'info',
  submitted: 'primary',
  in_review: 'primary',
  returned: 'warning',
  completed: 'success',
  rejected: 'danger',
  withdrawn: 'info',
}

/** The tone of an application status; grey for one this code does not know yet. */
export function statusTone(status: string): Tone {
  return isApplicationStatus(status) ? STATUS_TONE[status] : 'info'
}

/** The tone of an event of an application's history (`audit` actions as the timeline shows them). */
const EVENT_TONE: Record<string, Tone> = {
  submitted: 'primary',
  resubmitted: 'primary',
  approved: 'success',
  completed: 'success',
  rejected: 'danger',
  returned: 'warning',
  asked: 'warning',
  urged: 'warning',
  overdue: 'danger',
  withdrawn: 'info',
}

export function eventTone(action: string): Tone {
  return EVENT_TONE[action] ?? 'info'
}
