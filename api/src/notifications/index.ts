import type { Deps } from '../lib/context.ts'
import { emailChannel, smtpTargetFrom } from './channels/email.ts'
import type { Channel } from './channels/types.ts'
import { webhookChannel } from './channels/webhook.ts'
import { startSmtpCatcher, type SmtpCatcher } from './smtp-catcher.ts'
import { createDeliveryWorker, type DeliveryWorker } from './worker.ts'

export { enqueueNotification, type NewNotification } from './enqueue.ts'
export { createDeliveryWorker } from './worker.ts'

/** The channels this node is configured for (e-mail: a real server, or the catcher on `catcherPort`). */
export function configuredChannels(deps: Deps, catcherPort: number | null): Channel[] {
  const channels: Channel[] = []
  const smtp = smtpTargetFrom(deps.env, catcherPort)
  if (smtp) channels.push(emailChannel(deps.env, smtp))
  if (deps.env.pushWebhook) channels.push(webhookChannel(deps.env.pushWebhook, deps.now))
  return channels
}

/** What server.ts starts: the development SMTP catcher (when configured so) and the delivery worker. */
export async function startNotifications(deps: Deps): Promise<{ worker: DeliveryWorker; catcher: SmtpCatcher | null; stop(): Promise<void> }> {
  const catcher = deps.env.smtp.catcher ? await startSmtpCatcher({ dataDir: deps.env.dataDir, port: deps.env.smtp.catcherPort, log: deps.log }) : null
  if (catcher) deps.log.info({ port: catcher.port, mailbox: `${deps.env.publicUrl}/dev/mail` }, 'development SMTP catcher listening')
  const channels = configuredChannels(deps, catcher?.port ?? null)
  const worker = createDeliveryWorker(deps, channels)
  worker.start()
  deps.log.info({ channels: ['in-app', ...channels.map((c) => c.name)], worker: worker.id }, 'progress messages: delivery worker started')
  return {
    worker,
    catcher,
    async stop() {
      await worker.stop()
      await catcher?.close()
    },
  }
}
