import type { NotificationKind } from '@hall/workflow'
import type { NotificationAction } from '../db/schema/index.ts'

// The wording of every progress message about an application (the bell, and e-mail and app push
// from the outbox), in both languages, in this one place. Which message goes to whom is decided by
// the engine (`notify` effects) or, for a copy or a deadline reminder, by the code that makes it;
// this file only words it. Each title names the service and what happened, so that a title alone
// is useful; the detail lines carry what the reader needs to act without opening the hall (the
// reason, the question, the deadline).

/** The engine's kinds, plus what the API adds itself: copies, and the deadline scan's reminders. */
export type MessageKind = NotificationKind | 'copied' | 'deadline_near'

export interface MessageFacts {
  serviceZh: string
  serviceEn: string
  applicantZh: string
  applicantEn: string
  /** The step the message is about (a task's step, or where the application now waits). */
  stepZh: string | null
  stepEn: string | null
  /** `step_decided`: the step that approved it. */
  passedZh?: string | null
  passedEn?: string | null
  /** `submitted`: a resubmission after a return. */
  resubmitted?: boolean
  /** The reviewer's reason (returned, rejected) or note. */
  opinion?: string | null
  /** `asked`: the question. */
  question?: string | null
  /** The task's deadline, if it has one. */
  dueAt?: Date | string | null
}

export interface LocalizedMessage {
  titleZh: string
  titleEn: string
  /** Lines under the title in e-mail and push (each a sentence; empty when the title says it all). */
  detailZh: string[]
  detailEn: string[]
  /** Further links besides the main one. */
  actions: NotificationAction[]
}

/** Where the message leads: the reviewer's task page, the escalation page, or the applicant's application page. */
export const links = {
  task: (taskRowId: number) => `/todo/${taskRowId}`,
  application: (applicationId: number) => `/my/${applicationId}`,
  /** The escalation contact's page of an overdue task (they cannot open the task itself). */
  overdue: (taskRowId: number) => `/todo/overdue/${taskRowId}`,
  rate: (applicationId: number) => `/feedback/rate/${applicationId}`,
}

/** Kinds addressed to the applicant (the others go to reviewers or people copied). */
export const toApplicant: ReadonlySet<MessageKind> = new Set(['submitted', 'step_decided', 'asked', 'returned', 'rejected', 'completed'])

/**
 * "宿舍调整申请" is already an application: "您的宿舍调整申请申请被退回" reads as a stutter. The
 * noun is added only to a service name that does not end in it (likewise "application" in English).
 */
export function applicationNoun(f: Pick<MessageFacts, 'serviceZh' | 'serviceEn'>): { zh: string; en: string } {
  return {
    zh: f.serviceZh.endsWith('申请') ? f.serviceZh : `${f.serviceZh}申请`,
    en: /\bapplication$/i.test(f.serviceEn.trim()) ? f.serviceEn : `${f.serviceEn} application`,
  }
}

/** A moment as the university reads it: Beijing time, to the minute, with the zone named. */
export function beijingTime(at: Date | string): { zh: string; en: string } {
  const shifted = new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString()
  const text = `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`
  return { zh: `${text}（北京时间）`, en: `${text} (Beijing time)` }
}

export function messageTitle(kind: MessageKind, f: MessageFacts): { zh: string; en: string } {
  const stepZh = f.stepZh ? `（${f.stepZh}）` : ''
  const stepEn = f.stepEn ? ` (${f.stepEn})` : ''
  const yours = applicationNoun(f)
  const nowAtZh = f.stepZh ? `，当前环节：${f.stepZh}` : ''
  const nowAtEn = f.stepEn ? `; now at: ${f.stepEn}` : ''
  switch (kind) {
    case 'submitted':
      return {
        zh: `您的${yours.zh}已${f.resubmitted ? '重新' : ''}提交${nowAtZh}`,
        en: `Your ${yours.en} was ${f.resubmitted ? 're' : ''}submitted${nowAtEn}`,
      }
    case 'step_decided':
      return { zh: `您的${yours.zh}已通过“${f.passedZh ?? ''}”${nowAtZh}`, en: `Your ${yours.en} passed "${f.passedEn ?? ''}"${nowAtEn}` }
    case 'task_assigned':
      return { zh: `新待办：${f.applicantZh}的${f.serviceZh}${stepZh}`, en: `New task: ${f.serviceEn} from ${f.applicantEn}${stepEn}` }
    case 'task_resumed':
      return { zh: `待办可以继续办理：${f.applicantZh}的${f.serviceZh}${stepZh}`, en: `Back to you: ${f.serviceEn} from ${f.applicantEn}${stepEn}` }
    case 'task_cancelled':
      return { zh: `待办已取消，无需办理：${f.applicantZh}的${f.serviceZh}`, en: `No longer needed: ${f.serviceEn} from ${f.applicantEn}` }
    case 'asked':
      return { zh: `审核人就您的${yours.zh}提出询问，请答复`, en: `A reviewer has a question about your ${yours.en}` }
    case 'answered':
      return { zh: `申请人已答复：${f.applicantZh}的${f.serviceZh}`, en: `${f.applicantEn} answered your question on ${f.serviceEn}` }
    case 'returned':
      return { zh: `您的${yours.zh}被退回，请修改后重新提交`, en: `Your ${yours.en} was returned for changes` }
    case 'rejected':
      return { zh: `您的${yours.zh}未获通过`, en: `Your ${yours.en} was not approved` }
    case 'completed':
      return { zh: `您的${yours.zh}已办结`, en: `Your ${yours.en} is completed` }
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

/** The lines under the title: what the reader needs to act on the message. */
export function messageDetail(kind: MessageKind, f: MessageFacts): { zh: string[]; en: string[] } {
  const zh: string[] = []
  const en: string[] = []
  const add = (z: string, e: string) => {
    zh.push(z)
    en.push(e)
  }
  const text = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null)
  const opinion = text(f.opinion)
  const question = text(f.question)
  const due = f.dueAt ? beijingTime(f.dueAt) : null
  switch (kind) {
    case 'returned':
      if (opinion) add(`退回原因：${opinion}`, `Reason for the return: ${opinion}`)
      add('请按退回原因修改后重新提交。', 'Please make the changes asked for and submit it again.')
      break
    case 'rejected':
      if (opinion) add(`审核意见：${opinion}`, `Review opinion: ${opinion}`)
      break
    case 'asked':
      if (question) add(`问题：${question}`, `Question: ${question}`)
      add('答复之前，此环节的办理时限暂停计算。', "The step's time limit is paused until you answer.")
      break
    case 'task_assigned':
    case 'deadline_near':
      if (due) add(`办理时限：${due.zh}`, `Due by: ${due.en}`)
      break
    case 'overdue':
    case 'escalated':
      if (due) add(`办理时限已于${due.zh}到期`, `The time limit passed at ${due.en}`)
      break
    default:
      break
  }
  return { zh, en }
}

/** The whole message of one kind: title, detail lines, and the links it always offers. */
export function composeMessage(kind: MessageKind, f: MessageFacts, applicationId: number): LocalizedMessage {
  const title = messageTitle(kind, f)
  const detail = messageDetail(kind, f)
  // A completed application invites a rating without the applicant having to look for it.
  const actions: NotificationAction[] = kind === 'completed' ? [{ labelZh: '评价本次服务', labelEn: 'Rate the service', link: links.rate(applicationId) }] : []
  return { titleZh: title.zh, titleEn: title.en, detailZh: detail.zh, detailEn: detail.en, actions }
}
