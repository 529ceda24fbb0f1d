// `@hall/forms/format`: the format for Node (the API, scripts, tests), without the renderer.
// A server checks every submission's patterns and has no first page to keep small, so the RE2
// engine is registered up front here; the browser loads it lazily (see pattern.ts).
import { RE2JS } from 're2js'
import { usePatternEngine } from './pattern.ts'

usePatternEngine(RE2JS)

export * from './format.ts'
