import { createHmac } from 'node:crypto'
import type { Channel, OutgoingDelivery } from './types.ts'

// The campus app's push gateway. The scheme (README, "Progress messages"):
//   POST <HALL_PUSH_WEBHOOK_URL>, Content-Type: application/json
//   X-Hall-Timestamp: <unix seconds>
//   X-Hall-Signature: sha256=<hex HMAC-SHA256 over `${timestamp}.${raw body}` with HALL_PUSH_WEBHOOK_SECRET>
//   X-Hall-Delivery: <delivery id>  (also `id` in the body; the same on every retry: drop repeats)
// Any 2xx is delivered; anything else, or no answer within the timeout, is retried with backoff.

export interface PushBody {
  id: string
  kind: string
  recipient: string
  language: string
  title: string
  url: string | null
  actions: { label: string; url: string }[]
  applicationId: number | null
  createdAt: string
}

export function signPush(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

export function pushBody(d: OutgoingDelivery): PushBody {
  return {
    id: String(d.id),
    kind: d.kind,
    recipient: d.recipient,
    language: d.message.language,
    title: d.message.title,
    url: d.message.url,
    actions: d.message.actions,
    applicationId: d.applicationId,
    createdAt: d.createdAt.toISOString(),
  }
}

export function webhookChannel(config: { url: string; secret: string; timeoutMs: number }, now: () => Date): Channel {
  return {
    name: 'push',
    async send(d: OutgoingDelivery) {
      const body = JSON.stringify(pushBody(d))
      const timestamp = String(Math.floor(now().getTime() / 1000))
      const res = await fetch(config.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hall-timestamp': timestamp,
          'x-hall-signature': signPush(config.secret, timestamp, body),
          'x-hall-delivery': String(d.id),
        },
        body,
        signal: AbortSignal.timeout(config.timeoutMs),
      })
      // Drain the answer so the connection can be reused.
      const text = await res.text().catch(() => '')
      if (!res.ok) throw new Error(`the push gateway answered ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`)
    },
  }
}
