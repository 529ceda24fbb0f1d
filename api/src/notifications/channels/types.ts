import type { DeliveryChannel } from '../../db/schema/index.ts'
import type { RenderedMessage } from '../render.ts'

/** One delivery as a channel sees it: who, what, and the key that names it for good. */
export interface OutgoingDelivery {
  /** The delivery row's id: the same on every attempt, so a receiver can drop a repeat. */
  id: number
  outboxId: number
  kind: string
  recipient: string
  /** The recipient's e-mail address from the data platform, if known. */
  email: string | null
  applicationId: number | null
  createdAt: Date
  message: RenderedMessage
}

export interface Channel {
  readonly name: DeliveryChannel
  send(delivery: OutgoingDelivery): Promise<void>
}

/** A failure no retry can mend (no address to send to): the delivery is parked at once. */
export class PermanentFailure extends Error {}
