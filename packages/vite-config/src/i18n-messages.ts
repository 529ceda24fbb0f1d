import { baseCompile } from '@intlify/message-compiler'
import type { Plugin } from 'vite'

// vue-i18n's messages compiled at build time (issue 14.1; docs/decisions/020). The full build of
// vue-i18n compiles every message in the browser the first time it is shown (the compiler is part
// of the shared vue-i18n, and its work lands in the first render); the vendor drops the compiler
// (`__INTLIFY_DROP_MESSAGE_COMPILER__`) and every build turns the messages of its message modules
// into the ASTs the compiler would have made, which vue-i18n's runtime formats as they are. This is
// what @intlify/unplugin-vue-i18n does for JSON and YAML resources; the hall's messages are
// TypeScript modules (objects of strings, merged per part), so this plugin works on those.

/** The hall's message modules: every `i18n/` folder under a part's `src/` (the header's too) and mf-kit's shared words. */
export const MESSAGE_MODULE = /\/src\/(?:.+\/)?i18n\/(?:.+\/)?[^/]+(?<!\.test)\.ts$|\/packages\/mf-kit\/src\/messages\.ts$/

interface Node {
  type: string
  start: number
  end: number
  [key: string]: unknown
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string'

/** The compiled form of one message, as a JavaScript expression; a message the compiler refuses fails the build. */
export function compileMessage(message: string, where: string): string {
  const { ast } = baseCompile(message, {
    jit: true,
    location: false,
    // Short property names (the runtime reads both forms): about half the size.
    minify: true,
    onError(err) {
      throw new Error(`${where}: the message ${JSON.stringify(message)} does not compile: ${err.message}`)
    },
  })
  return JSON.stringify(ast)
}

/**
 * Every string that is a message in a module of messages: a property's value in an object literal
 * (and an array element inside one, vue-i18n's lists), plain or a template without expressions.
 * Keys, import sources and anything outside object literals are left alone.
 */
export function messageLiterals(program: Node): { start: number; end: number; value: string }[] {
  const found: { start: number; end: number; value: string }[] = []
  const literal = (n: Node) => {
    if (n.type === 'Literal' && typeof n.value === 'string') found.push({ start: n.start, end: n.end, value: n.value })
    else if (n.type === 'TemplateLiteral' && (n.expressions as unknown[]).length === 0) {
      const [quasi] = n.quasis as { value: { cooked: string } }[]
      found.push({ start: n.start, end: n.end, value: quasi!.value.cooked })
    }
  }
  const visit = (n: Node, inMessages: boolean) => {
    if (n.type === 'ObjectExpression') {
      for (const p of n.properties as Node[]) {
        if (p.type !== 'Property') continue
        const value = p.value as Node
        if (value.type === 'Literal' || value.type === 'TemplateLiteral') literal(value)
        else visit(value, true)
      }
      return
    }
    if (n.type === 'ArrayExpression' && inMessages) {
      for (const e of n.elements as (Node | null)[]) {
        if (!e) continue
        if (e.type === 'Literal' || e.type === 'TemplateLiteral') literal(e)
        else visit(e, true)
      }
      return
    }
    for (const [key, v] of Object.entries(n)) {
      if (key === 'source') continue
      if (Array.isArray(v)) {
        for (const c of v) if (isNode(c)) visit(c, false)
      } else if (isNode(v)) visit(v, false)
    }
  }
  visit(program, false)
  return found
}

/** Compiles the messages of the hall's message modules at build time (see above). */
export function precompileMessages(): Plugin {
  return {
    name: 'hall:precompile-messages',
    apply: 'build',
    // After TypeScript is stripped: the module is plain JavaScript here.
    enforce: 'post',
    transform(code, id) {
      const file = id.split('?')[0]!
      if (!MESSAGE_MODULE.test(file)) return null
      const literals = messageLiterals(this.parse(code) as unknown as Node).sort((a, b) => a.start - b.start)
      let out = ''
      let at = 0
      for (const l of literals) {
        out += code.slice(at, l.start) + compileMessage(l.value, file)
        at = l.end
      }
      return { code: out + code.slice(at), map: null }
    },
  }
}
