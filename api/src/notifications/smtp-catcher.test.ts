import { mkdtempSync } from 'node:fs'
import { createConnection, createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../lib/logger.ts'
import { startSmtpCatcher } from './smtp-catcher.ts'

// `npm start` while another program holds the catcher's port (another hall, a MailHog on 1025):
// the README promises a free port instead. smtp-server re-emits the listen error on itself, so
// without a listener there the busy port crashed the whole API process with an uncaught error.

const closers: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (closers.length) await closers.pop()!()
})

const hold = () =>
  new Promise<{ server: Server; port: number }>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }))
  })

/** The first line an SMTP server says to a client. */
const greeting = (port: number) =>
  new Promise<string>((resolve, reject) => {
    const socket = createConnection({ port, host: '127.0.0.1' })
    socket.once('data', (d) => {
      resolve(d.toString('utf8'))
      socket.end()
    })
    socket.once('error', reject)
  })

describe('startSmtpCatcher', () => {
  it('listens on another port when the wanted one is taken, and answers SMTP there', async () => {
    const held = await hold()
    closers.push(() => void held.server.close())
    const catcher = await startSmtpCatcher({ dataDir: mkdtempSync(path.join(tmpdir(), 'hall-smtp-')), port: held.port, log: createLogger('silent') })
    closers.push(() => catcher.close())
    expect(catcher.port).not.toBe(held.port)
    expect(catcher.port).toBeGreaterThan(0)
    expect(await greeting(catcher.port)).toMatch(/^220 /)
  })
})
