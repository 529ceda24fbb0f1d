// The application statuses as the API stores them (the `applications.status` column), and how
// each looks as a tag. One list, so the filter, the tags and the print record agree.

export const STATUSES = ['draft', 'submitted', 'in_review', 'returned', 'completed', 'rejected', 'withdrawn'] as const
export type ApplicationStatus = (typeof STATUSES)[number]

export function isStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value)
}

/** element-plus tag types: in progress blue, needs the applicant orange, good green, ended grey/red. */
export const STATUS_TAG: Record<ApplicationStatus, 'primary' | 'success' | 'warning' | 'danger' | 'info'> = {
  draft: 'info',
  submitted: 'primary',
  in_review: 'primary',
  returned: 'warning',
  completed: 'success',
  rejected: 'danger',
  withdrawn: 'info',
}
