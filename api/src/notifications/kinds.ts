import type { DeliveryChannel } from '../db/schema/index.ts'

// The kinds of progress message a person can choose channels for. A message's `kind` is written
// by whoever causes it (the workflow, the deadline scan, data-error reports, the Q&A); a kind not
// listed here is still delivered, on the default channels, and rendered from its payload's titles.

export interface EventKind {
  kind: string
  nameZh: string
  nameEn: string
  /** Who receives it, to group the preferences page. */
  audience: 'applicant' | 'reviewer' | 'everyone'
}

export const eventKinds: readonly EventKind[] = [
  { kind: 'submitted', nameZh: '申请已提交', nameEn: 'Application submitted', audience: 'applicant' },
  { kind: 'step_decided', nameZh: '环节审核通过', nameEn: 'A step approved', audience: 'applicant' },
  { kind: 'asked', nameZh: '审核人询问', nameEn: 'A reviewer asks', audience: 'applicant' },
  { kind: 'returned', nameZh: '申请被退回', nameEn: 'Returned for changes', audience: 'applicant' },
  { kind: 'rejected', nameZh: '申请未通过', nameEn: 'Not approved', audience: 'applicant' },
  { kind: 'completed', nameZh: '申请已办结', nameEn: 'Completed', audience: 'applicant' },
  { kind: 'question_answered', nameZh: '问题已答复', nameEn: 'Question answered', audience: 'everyone' },
  { kind: 'task_assigned', nameZh: '新待办', nameEn: 'New task', audience: 'reviewer' },
  { kind: 'task_resumed', nameZh: '待办可继续办理', nameEn: 'Task back to you', audience: 'reviewer' },
  { kind: 'task_cancelled', nameZh: '待办已取消', nameEn: 'Task no longer needed', audience: 'reviewer' },
  { kind: 'answered', nameZh: '申请人已答复', nameEn: 'The applicant answered', audience: 'reviewer' },
  { kind: 'urged', nameZh: '催办', nameEn: 'Reminder from the applicant', audience: 'reviewer' },
  { kind: 'deadline_near', nameZh: '待办即将到期', nameEn: 'Task due soon', audience: 'reviewer' },
  { kind: 'overdue', nameZh: '待办已超时', nameEn: 'Task overdue', audience: 'reviewer' },
  { kind: 'escalated', nameZh: '超时上报', nameEn: 'Overdue task escalated', audience: 'reviewer' },
  { kind: 'copied', nameZh: '抄送我的', nameEn: 'Copied to me', audience: 'everyone' },
  { kind: 'data_error_reported', nameZh: '数据纠错报告', nameEn: 'Data error report', audience: 'reviewer' },
]

/** What a person gets on a kind they did not choose for: every channel. A message is only sent where someone wanted to hear. */
export const defaultChannels: Record<DeliveryChannel, boolean> = { email: true, push: true }
