import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

// For the unit tests of each micro-frontend (and the shell): do its Chinese and English messages
// have the same keys, does every key its code asks for exist, and does every English message that
// counts things have its singular? A missing key shows on screen as the raw key
// (`todo.outcomes.closed` in 抄送), which no type check sees, since `t()` takes any string.
// Node only: it reads the source files, so it is kept out of the browser's `index.ts`.

type Messages = { [key: string]: string | Messages }

/** mf-kit's own words (`hall.*`), which every micro-frontend's messages get. */
export { kitMessages } from '../messages.ts'

/** Every leaf key of a message tree, dotted: `todo.outcomes.closed`. */
export function leafKeys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`)))
}

/** The message at a dotted key, or undefined. */
export function messageAt(messages: Messages, key: string): string | Messages | undefined {
  let node: string | Messages | undefined = messages
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string') return undefined
    node = node[part]
  }
  return node
}

/** A key the code asks for: fixed (`t('a.b')`) or a family filled at run time (`t(\`a.${x}\`)`, prefix `a.`). */
export interface KeyUse {
  file: string
  key: string
  dynamic: boolean
}

// t('…'), te('…'), tm('…'), $t('…'), i18n.global.t('…'); and <i18n-t keypath="…">. A call's first
// argument only: a dotted word, so `split('.')` or `t(x)` do not count.
const FIXED = /(?<![\w$.])(?:\$t|t|te|tm)\(\s*(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g
const KEYPATH = /\bkeypath="([A-Za-z][\w-]*(?:\.[\w-]+)+)"/g
const FAMILY = /(?<![\w$.])(?:\$t|t|te)\(\s*`([A-Za-z][\w-]*(?:\.[\w-]+)*\.)\$\{/g

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'i18n' ? [] : sourceFiles(path)
    return /\.(vue|ts)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : []
  })
}

/** The keys the code under `srcDir` asks for (its i18n folder and tests left out). */
export function keyUses(srcDir: string): KeyUse[] {
  const uses: KeyUse[] = []
  for (const path of sourceFiles(srcDir)) {
    const text = readFileSync(path, 'utf8')
    const file = relative(srcDir, path)
    for (const m of text.matchAll(FIXED)) uses.push({ file, key: m[2]!, dynamic: false })
    for (const m of text.matchAll(KEYPATH)) uses.push({ file, key: m[1]!, dynamic: false })
    for (const m of text.matchAll(FAMILY)) uses.push({ file, key: m[1]!, dynamic: true })
  }
  return uses
}

/** Keys of one tree that the other lacks. */
export function missingKeys(from: Messages, into: Messages): string[] {
  const have = new Set(leafKeys(into))
  return leafKeys(from).filter((k) => !have.has(k))
}

/**
 * Fixed keys the code uses that a language lacks (`file: key`), and families (`t(\`x.${y}\`)`)
 * whose prefix is not a group of messages.
 */
export function unknownUses(uses: readonly KeyUse[], messages: Messages): string[] {
  return uses
    .filter((u) => {
      const found = messageAt(messages, u.dynamic ? u.key.slice(0, -1) : u.key)
      return u.dynamic ? !found || typeof found === 'string' : typeof found !== 'string'
    })
    .map((u) => `${u.file}: ${u.key}${u.dynamic ? '${…}' : ''}`)
}

/**
 * English messages that count with `{n}` (or `{count}`) before a plural noun and have no singular
 * form (`'{n} service | {n} services'`): "1 services".
 */
export function pluralsWithoutSingular(en: Messages): string[] {
  return leafKeys(en).filter((k) => {
    const text = messageAt(en, k) as string
    return /\{(?:n|count)\}\s+(?:[a-z]+\s+)?[a-z]*[a-rt-z]s\b|\(s\)/.test(text) && !text.includes('|')
  })
}

/** English messages that use Chinese punctuation (a full-width colon, comma, parenthesis...). */
export function fullWidthInEnglish(en: Messages): string[] {
  return leafKeys(en).filter((k) => /[：，。；（）、！？]/.test(messageAt(en, k) as string))
}

/** Chinese messages that address the user as 你: the hall speaks to its users as 您, everywhere. */
export function informalYou(zh: Messages): string[] {
  return leafKeys(zh).filter((k) => (messageAt(zh, k) as string).includes('你'))
}
export { describeMessages } from './messages-suite.ts'
