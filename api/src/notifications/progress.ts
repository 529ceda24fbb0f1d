import type { Db } from '../db/client.ts'
import { enqueueNotification } from './enqueue.ts'

// Messages to the applicant about their own action and about progress between steps, which the
// engine does not send itself: "submitted" (after a submission or resubmission) and "step
// decided" (a step approved, the application moved on to the next). The engine's own messages
// (returned, rejected, completed, asked…) already tell the applicant about every other change.

export interface ProgressFacts {
  applicationId: number
  applicant: string
  /** The engine action that caused the change. */
  action: string
  /** Where the application was and is (the current step id and names; null outside review). */
  before: { status: string; stepId: string | null; stepZh: string | null; stepEn: string | null }
  after: { status: string; stepId: string | null; stepZh: string | null; stepEn: string | null }
  serviceCode: string
  serviceZh: string
  serviceEn: string
}

export function notifyApplicantProgress(tx: Db, f: ProgressFacts, now: Date) {
  const link = `/my/${f.applicationId}`
  const payload = { serviceCode: f.serviceCode, serviceNameZh: f.serviceZh, serviceNameEn: f.serviceEn, stepNameZh: f.after.stepZh, stepNameEn: f.after.stepEn }
  const base = { recipient: f.applicant, link, applicationId: f.applicationId, payload }
  const nowAt = (zh: string | null, en: string | null) => ({ zh: zh ? `，当前环节：${zh}` : '', en: en ? `; now at: ${en}` : '' })

  if ((f.action === 'submit' || f.action === 'resubmit') && (f.after.status === 'in_review' || f.after.status === 'completed')) {
    const at = nowAt(f.after.stepZh, f.after.stepEn)
    enqueueNotification(
      tx,
      {
        ...base,
        kind: 'submitted',
        titleZh: `你的${f.serviceZh}申请已${f.action === 'resubmit' ? '重新' : ''}提交${at.zh}`,
        titleEn: `Your ${f.serviceEn} application was ${f.action === 'resubmit' ? 're' : ''}submitted${at.en}`,
      },
      now,
    )
    return
  }
  // A step approved and the application moved on: completion, rejection and returns have their own messages.
  if (f.action === 'approve' && f.after.status === 'in_review' && f.before.stepId && f.after.stepId && f.before.stepId !== f.after.stepId) {
    const at = nowAt(f.after.stepZh, f.after.stepEn)
    enqueueNotification(
      tx,
      {
        ...base,
        kind: 'step_decided',
        titleZh: `你的${f.serviceZh}申请已通过“${f.before.stepZh ?? f.before.stepId}”${at.zh}`,
        titleEn: `Your ${f.serviceEn} application passed "${f.before.stepEn ?? f.before.stepId}"${at.en}`,
      },
      now,
    )
  }
}
