// A service owner's text pattern, matched by an RE2 engine (re2js) instead of the JavaScript
// RegExp: a backtracking engine runs `(a+)+b` in exponential time, so one owner's pattern and one
// applicant's 40 characters could stop the event loop for an hour. RE2 matches in time linear in
// the input, and refuses what it cannot match that way (backreferences, lookaround).
//
// The engine is ~50 kB gzipped, most of it Unicode tables. The browser loads it only when a form
// with a pattern is shown (`loadPatternEngine`), so the hall's first page does not pay for it;
// Node registers it up front (`@hall/forms/format`), and there a missing engine is a bug, so
// matching without one throws rather than letting a value through unchecked.
import type { RE2JS } from 're2js'

type Engine = typeof RE2JS
type Compiled = InstanceType<Engine>

let engine: Engine | undefined
let loading: Promise<void> | undefined

/** Registers the engine (Node: `@hall/forms/format` does it with a static import). */
export function usePatternEngine(e: Engine): void {
  engine = e
}

/** True once the engine is there; until then the browser skips pattern checks (the server does them). */
export function patternEngineLoaded(): boolean {
  return engine !== undefined
}

/** Loads the engine on demand (a separate chunk in the browser); resolves at once when loaded. */
export function loadPatternEngine(): Promise<void> {
  if (engine) return Promise.resolve()
  loading ??= import('re2js').then(
    (m) => usePatternEngine(m.RE2JS),
    (e: unknown) => {
      loading = undefined // a later form may try again
      throw e
    },
  )
  return loading
}

/** Why an owner's pattern cannot be used. */
export type PatternProblem =
  /** Not a JavaScript regular expression at all (with the `u` flag, as the format has always said). */
  | { kind: 'syntax'; detail: string }
  /** `\1`, `\k<name>`: needs backtracking. */
  | { kind: 'backreference'; detail: string }
  /** `(?=`, `(?!`, `(?<=`, `(?<!`: needs backtracking. */
  | { kind: 'lookaround'; detail: string }
  /** Valid JavaScript, but something else RE2 does not have (`[\b]`, `\p{Script=Han}`). */
  | { kind: 'unsupported'; detail: string }

const compiled = new Map<string, Compiled | PatternProblem>()
// A few hundred forms' patterns at most; the bound only stops a stream of distinct patterns
// (the form builder's preview, a hostile publisher) from growing the cache without end.
const CACHE_LIMIT = 500

function requireEngine(): Engine {
  if (!engine) throw new Error('The pattern engine is not loaded: call loadPatternEngine() first (Node: import @hall/forms/format)')
  return engine
}

/**
 * An escape `\k` (a named backreference) outside a character class. re2js's translation of
 * JavaScript syntax would quietly turn it into the letter k, so it is refused before that.
 */
function hasNamedBackreference(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '\\') continue
    if (source[i + 1] === 'k') return true
    i++ // the escaped character, whatever it is, is not the start of another escape
  }
  return false
}

function compile(source: string): Compiled | PatternProblem {
  const hit = compiled.get(source)
  if (hit) return hit
  const re2 = requireEngine()
  let result: Compiled | PatternProblem
  try {
    // Compiling (not running) a JavaScript RegExp only checks the syntax the format promises;
    // with `u`, unknown escapes are errors instead of letters.
    new RegExp(source, 'u')
  } catch (e) {
    result = { kind: 'syntax', detail: (e as Error).message }
  }
  result ??= hasNamedBackreference(source)
    ? { kind: 'backreference', detail: '\\k<…>' }
    : (() => {
        try {
          // translateRegExp turns JavaScript's \uXXXX, \u{…}, \cX and (?<name>…) into RE2's spelling.
          return re2.compile(re2.translateRegExp(source))
        } catch (e) {
          const detail = (e as Error).message.replace(/^error parsing regexp: /, '')
          if (/`\(\?<?[=!]/.test(detail)) return { kind: 'lookaround', detail } as const
          if (/invalid escape sequence: `\\[1-9]/.test(detail)) return { kind: 'backreference', detail } as const
          return { kind: 'unsupported', detail } as const
        }
      })()
  if (compiled.size >= CACHE_LIMIT) compiled.delete(compiled.keys().next().value!)
  compiled.set(source, result)
  return result
}

function isProblem(x: Compiled | PatternProblem): x is PatternProblem {
  return 'kind' in x
}

/** Why the pattern cannot be used, or undefined when it can. Needs the engine. */
export function patternProblem(source: string): PatternProblem | undefined {
  const c = compile(source)
  return isProblem(c) ? c : undefined
}

/**
 * Whether the whole text matches the pattern, in time linear in the text. Needs the engine.
 * Publishing refuses a pattern that cannot be used; one published before that check is not
 * applied (true) rather than turning every applicant away with a rule nobody can meet.
 */
export function matchesPattern(source: string, text: string): boolean {
  const c = compile(source)
  return isProblem(c) ? true : c.testExact(text)
}
