import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'
import type { Logger } from '../lib/logger.ts'

// The development SMTP catcher (DESIGN rule 9): `npm start` sends real e-mail over SMTP to this
// server inside the API process, which keeps each message as an .eml file under the data folder;
// /dev/mail shows them. Never started when NODE_ENV=production or when HALL_SMTP_HOST is set.
//
// A message is kept once per Message-ID: the delivery worker may send a message again after a
// crash (with the same Message-ID), and a mailbox shows it once, as real mail systems tend to.

export const devMailDir = (dataDir: string) => path.join(dataDir, 'dev-mail')

export interface SmtpCatcher {
  port: number
  close(): Promise<void>
}

const MAX_BYTES = 5 * 1024 * 1024

function messageIdOf(raw: string): string | null {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? ''
  return /^message-id:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? null
}

/** Starts the catcher on `port` (0: any free port; a busy port falls back to a free one). */
export async function startSmtpCatcher(options: { dataDir: string; port: number; log: Logger }): Promise<SmtpCatcher> {
  const dir = devMailDir(options.dataDir)
  mkdirSync(dir, { recursive: true })
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: MAX_BYTES,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(new Error('message too large for the development catcher'))
        const raw = Buffer.concat(chunks)
        const id = messageIdOf(raw.toString('utf8')) ?? `${Date.now()}-${Math.random()}`
        const key = createHash('sha256').update(id).digest('hex').slice(0, 16)
        try {
          if (!readdirSync(dir).some((f) => f.endsWith(`-${key}.eml`))) writeFileSync(path.join(dir, `${Date.now()}-${key}.eml`), raw)
          callback()
        } catch (err) {
          callback(err as Error)
        }
      })
    },
  })
  // smtp-server re-emits its socket's errors on itself: without a listener there, a busy port is
  // an uncaught EADDRINUSE that ends the API process (it did, before this listener was here).
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const onError = (err: Error) => reject(err)
      server.once('error', onError)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', onError)
        const address = server.server.address()
        resolve(typeof address === 'object' && address ? address.port : port)
      })
    })
  let port: number
  try {
    port = await listen(options.port)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err
    port = await listen(0)
    options.log.warn({ wanted: options.port, port }, 'the SMTP catcher port was busy; it listens on another')
  }
  // Errors after start (a client that drops the connection) are a client's problem, not the hall's.
  server.on('error', (err) => options.log.debug({ err }, 'SMTP catcher'))
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
