import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// Two hall processes starting together on one fresh database file (two nodes after a deploy, or
// systemd restarting one while another starts): both must come up, with one migration history.
// drizzle's own migrator reads the history before it takes the write lock, so the second process
// failed on "table already exists"; the hall migrates inside one exclusive transaction.

const here = import.meta.dirname
const journal = JSON.parse(readFileSync(path.join(here, '../../api/drizzle/meta/_journal.json'), 'utf8')) as { entries: unknown[] }
const dir = mkdtempSync(path.join(tmpdir(), 'hall-migrate-together-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function child(file: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures/migrate-child.ts'), file], { stdio: ['pipe', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()))
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', () => out.includes('ready') && resolve())
    proc.once('exit', (code) => reject(new Error(`exited with ${code} before it was ready: ${err}`)))
  })
  const exited = new Promise<{ code: number | null; out: string; err: string }>((resolve) => proc.once('exit', (code) => resolve({ code, out, err })))
  return { proc, ready, exited }
}

describe('two hall processes migrating one fresh file at once', () => {
  it.each([1, 2, 3, 4, 5])('both come up with one migration history (round %i)', async (round) => {
    const file = path.join(dir, `hall-${round}.sqlite`)
    const a = child(file)
    const b = child(file)
    await Promise.all([a.ready, b.ready])
    const at = Date.now() + 300
    a.proc.stdin.write(`${at}\n`)
    b.proc.stdin.write(`${at}\n`)
    const results = await Promise.all([a.exited, b.exited])
    for (const r of results) expect(r, r.err).toMatchObject({ code: 0 })
    const inspected = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures/migrate-child.ts'), file, 'inspect'], { encoding: 'utf8' })
    const history = JSON.parse(inspected) as { hash: string }[]
    expect(history).toHaveLength(journal.entries.length)
    expect(new Set(history.map((h) => h.hash)).size).toBe(journal.entries.length)
  })
})
