import nodemailer from 'nodemailer'
import type { Env } from '../../env.ts'
import { PermanentFailure, type Channel, type OutgoingDelivery } from './types.ts'

/** Where e-mail goes: a real SMTP server, or the embedded catcher of development. */
export interface SmtpTarget {
  host: string
  port: number
  secure: boolean
  auth?: { user: string; pass: string }
  /** The development catcher speaks plain SMTP on localhost. */
  plain?: boolean
}

export function smtpTargetFrom(env: Env, catcherPort: number | null): SmtpTarget | null {
  if (env.smtp.host) {
    return {
      host: env.smtp.host,
      port: env.smtp.port,
      secure: env.smtp.secure,
      ...(env.smtp.user && env.smtp.pass ? { auth: { user: env.smtp.user, pass: env.smtp.pass } } : {}),
    }
  }
  return catcherPort ? { host: '127.0.0.1', port: catcherPort, secure: false, plain: true } : null
}

/**
 * E-mail over SMTP (nodemailer), an HTML and a text part in the recipient's language. The
 * Message-ID is derived from the delivery, so a message sent again after a crash is the same
 * message to the mail system (and the catcher shows it once).
 */
export function emailChannel(env: Env, target: SmtpTarget): Channel {
  const transport = nodemailer.createTransport({
    host: target.host,
    port: target.port,
    secure: target.secure,
    ...(target.auth ? { auth: target.auth } : {}),
    ...(target.plain ? { ignoreTLS: true } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  })
  const domain = new URL(env.publicUrl).hostname
  return {
    name: 'email',
    async send(d: OutgoingDelivery) {
      if (!d.email) throw new PermanentFailure(`no e-mail address is known for ${d.recipient}`)
      await transport.sendMail({
        from: env.smtp.from,
        to: d.email,
        subject: d.message.subject,
        text: d.message.text,
        html: d.message.html,
        messageId: `<hall-delivery-${d.id}@${domain}>`,
        headers: { 'X-Hall-Delivery': String(d.id), 'X-Hall-Kind': d.kind, 'Content-Language': d.message.language },
      })
    },
  }
}
