import type { NotificationKind } from '@hall/workflow'

// The titles of progress messages (the bell, and later e-mail and app push from the outbox), in
// both languages. Each names the service and what happened, so that a title alone is useful.

/** The engine's kinds, plus what the API adds itself: copies, and the deadline scan's reminders. */
export type MessageKind = NotificationKind | 'copied' | 'deadline_near'

export interface MessageFacts {
  serviceZh: string
  serviceEn: string
  applicantZh: string
  applicantEn: string
  stepZh: string | null
  stepEn: string | null
}

/** Where the message leads: the reviewer's task page, the escalation page, or the applicant's application page. */
export const links = {
  task: (taskRowId: number) => `/todo/${taskRowId}`,
  application: (applicationId: number) => `/my/${applicationId}`,
  /** The escalation contact's page of an overdue task (they cannot open the task itself). */
  overdue: (taskRowId: number) => `/todo/overdue/${taskRowId}`,
}

/** Kinds addressed to the applicant (the others go to reviewers or people copied). */
export const toApplicant: ReadonlySet<MessageKind> = new Set(['asked', 'returned', 'rejected', 'completed'])

export function messageTitle(kind: MessageKind, f: MessageFacts): { zh: string; en: string } {
  const stepZh = f.stepZh ? `（${f.stepZh}）` : ''
  const stepEn = f.stepEn ? ` (${f.stepEn})` : ''
  switch (kind) {
    case 'task_assigned':
      return { zh: `新待办：${f.applicantZh}的${f.serviceZh}${stepZh}`, en: `New task: ${f.serviceEn} from ${f.applicantEn}${stepEn}` }
    case 'task_resumed':
      return { zh: `待办可以继续办理：${f.applicantZh}的${f.serviceZh}${stepZh}`, en: `Back to you: ${f.serviceEn} from ${f.applicantEn}${stepEn}` }
    case 'task_cancelled':
      return { zh: `待办已取消，无需办理：${f.applicantZh}的${f.serviceZh}`, en: `No longer needed: ${f.serviceEn} from ${f.applicantEn}` }
    case 'asked':
      return { zh: `审核人就你的${f.serviceZh}申请提出询问，请答复`, en: `A reviewer has a question about your ${f.serviceEn} application` }
    case 'answered':
      return { zh: `申请人已答复：${f.applicantZh}的${f.serviceZh}`, en: `${f.applicantEn} answered your question on ${f.serviceEn}` }
    case 'returned':
      return { zh: `你的${f.serviceZh}申请被退回，请修改后重新提交`, en: `Your ${f.serviceEn} application was returned for changes` }
    case 'rejected':
      return { zh: `你的${f.serviceZh}申请未获通过`, en: `Your ${f.serviceEn} application was not approved` }
    case 'completed':
      return { zh: `你的${f.serviceZh}申请已办结`, en: `Your ${f.serviceEn} application is completed` }
    case 'urged':
      return { zh: `催办：${f.applicantZh}的${f.serviceZh}已超过办理时限`, en: `Reminder: ${f.serviceEn} from ${f.applicantEn} is past its time limit` }
    case 'overdue':
      return { zh: `待办已超时：${f.applicantZh}的${f.serviceZh}${stepZh}`, en: `Overdue: ${f.serviceEn} from ${f.applicantEn}${stepEn}` }
    case 'escalated':
      return { zh: `超时提醒：${f.applicantZh}的${f.serviceZh}${stepZh}尚未办理`, en: `Past its time limit: ${f.serviceEn} from ${f.applicantEn}${stepEn}` }
    case 'deadline_near':
      return { zh: `待办即将到期：${f.applicantZh}的${f.serviceZh}${stepZh}`, en: `Due soon: ${f.serviceEn} from ${f.applicantEn}${stepEn}` }
    case 'copied':
      return { zh: `抄送：${f.applicantZh}的${f.serviceZh}${stepZh}`, en: `For your information: ${f.serviceEn} from ${f.applicantEn}${stepEn}` }
  }
}
