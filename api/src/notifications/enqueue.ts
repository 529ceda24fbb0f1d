import type { Db } from '../db/client.ts'
import { bellChanged } from './feed.ts'
import { notifications, outbox } from '../db/schema/index.ts'
import type { NotificationAction } from '../db/schema/index.ts'

/** One progress message to one person, worded (see `workflow/messages.ts`) by the code that causes it. */
export interface NewNotification {
  recipient: string
  /** What happened: an engine `NotificationKind`, `copied`, `data_error_reported`, `question_answered`… */
  kind: string
  titleZh: string
  titleEn: string
  /** Lines under the title for e-mail and push: the reason, the question, the deadline… */
  detailZh?: string[]
  detailEn?: string[]
  /** Where the message leads in the hall (a path such as `/todo/7`), if anywhere. */
  link: string | null
  applicationId?: number | null
  /**
   * The application's reference number (受理编号), the one a person reads out to the office on the
   * phone: the title ends with it (the bell, the e-mail's subject and the app push all carry the
   * title). Passed by the caller, which holds the application's row: no query per message.
   */
  referenceNumber?: string | null
  /** The task row the message is about, if any. */
  taskId?: number | null
  /** More facts the channels may use (service and step names, a report id…). */
  payload?: Record<string, unknown>
  /** Further links besides `link` (a completed application's "rate the service"). */
  actions?: NotificationAction[]
}

/**
 * Writes a progress message where it must be: the in-app row (the bell) and the outbox row that the
 * delivery worker sends over the other channels. Call it inside the transaction of the change that
 * causes the message (DESIGN rule 5), so that the message exists exactly when the change does.
 * It stores what it is given: what a kind of message says and offers is decided by its writer.
 */
export async function enqueueNotification(tx: Db, n: NewNotification, now: Date) {
  const actions = n.actions ?? []
  const detail = n.detailZh?.length || n.detailEn?.length ? { detailZh: n.detailZh ?? [], detailEn: n.detailEn ?? [] } : {}
  const ref = n.referenceNumber
  if (ref) n = { ...n, titleZh: `${n.titleZh}（${ref}）`, titleEn: `${n.titleEn} (${ref})`, payload: { ...n.payload, referenceNumber: ref } }
  await tx.insert(notifications).values({
    recipientCardNumber: n.recipient,
    kind: n.kind,
    titleZh: n.titleZh,
    titleEn: n.titleEn,
    link: n.link,
    actions: actions.length ? actions : null,
    createdAt: now,
  })
  await tx.insert(outbox).values({
    kind: n.kind,
    recipient: n.recipient,
    applicationId: n.applicationId ?? null,
    taskId: n.taskId ?? null,
    payload: { ...n.payload, titleZh: n.titleZh, titleEn: n.titleEn, ...detail, link: n.link, ...(actions.length ? { actions } : {}) },
    createdAt: now,
  })
  // Every node's bell, when this transaction commits (PostgreSQL; SQLite's poller sees the row).
  await bellChanged(tx, { unread: [n.recipient] })
}
