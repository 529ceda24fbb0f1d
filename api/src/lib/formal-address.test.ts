import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The hall addresses people as 您, never 你 (issue 14): the micro-frontends' zh message files are
// checked by their own messages tests; the API's Chinese texts (errors, eligibility checks,
// notification titles, the login pages) live in its source files, so those are read here.

const root = fileURLToPath(new URL('..', import.meta.url))

/** Lines that must quote 你 (none today): `file:line text`, each with its reason. */
const ALLOWED: ReadonlyArray<{ file: string; includes: string; why: string }> = []

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    // Tests may hold free text typed by people (a reviewer's reply), which is theirs to word.
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : []
  })
}

describe("the API's Chinese texts", () => {
  it('address people as 您, never 你', () => {
    const found: string[] = []
    for (const path of sources(root)) {
      const file = relative(root, path)
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.includes('你') && !ALLOWED.some((a) => a.file === file && line.includes(a.includes))) found.push(`${file}:${i + 1} ${line.trim()}`)
        })
    }
    expect(found).toEqual([])
  })

  it('are all read (the check sees the files that hold them)', () => {
    const files = sources(root).map((p) => relative(root, p))
    expect(files).toContain(join('routes', 'catalog', 'eligibility.ts'))
    expect(files).toContain(join('workflow', 'messages.ts'))
  })
})
