import { createI18n } from 'vue-i18n'
import { parseAst } from 'vite'
import { describe, expect, it } from 'vitest'
import { compileMessage, MESSAGE_MODULE, messageLiterals } from './i18n-messages.ts'

// The vendor drops vue-i18n's compiler, so a message the plugin leaves as a string would show as
// written ("共 {n} 项服务"), and a string it compiles that is no message would break its module.

// vue-i18n's types name string messages only; its runtime formats ASTs alike (as the parts' builds give it).
const compiled = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, JSON.parse(compileMessage(v, 'test')) as string]))

describe('compileMessage', () => {
  it('gives the ASTs vue-i18n formats as the message would have been: placeholders, plurals, linked words', () => {
    const i18n = createI18n({
      legacy: false,
      locale: 'zh-CN',
      messages: {
        'zh-CN': compiled({ total: '共 {n} 项服务', apps: '{n} 次申请 | {n} 次申请', hall: '网上办事大厅', title: '@:hall · 明湖大学', mail: "a{'@'}b.edu" }),
      },
    })
    const { t } = i18n.global
    expect(t('total', { n: 30 })).toBe('共 30 项服务')
    expect(t('apps', { n: 3 }, 3)).toBe('3 次申请')
    expect(t('title')).toBe('网上办事大厅 · 明湖大学')
    expect(t('mail')).toBe('a@b.edu')
  })

  it('fails the build on a message the compiler refuses, naming the file', () => {
    expect(() => compileMessage('{unclosed', 'src/i18n/en.ts')).toThrow(/src\/i18n\/en\.ts/)
  })
})

describe('messageLiterals', () => {
  it('takes the values of object literals (and lists inside them), never keys, imports or other strings', () => {
    const code = [
      "import admin from './admin/zh-CN.ts'",
      "const LANGS = ['zh-CN', 'en']",
      "export default { admin, 'a-key': 'value', nested: { b: `template`, list: ['one', 'two'] } }",
    ].join('\n')
    const values = messageLiterals(parseAst(code) as never).map((l) => l.value)
    expect(values).toEqual(['value', 'template', 'one', 'two'])
  })
})

describe('MESSAGE_MODULE', () => {
  it('matches every part’s i18n modules and mf-kit’s words, not their tests or other modules', () => {
    expect(MESSAGE_MODULE.test('/work/hall/mf-catalog/src/i18n/zh-CN.ts')).toBe(true)
    expect(MESSAGE_MODULE.test('/work/hall/mf-catalog/src/i18n/admin/audit.en.ts')).toBe(true)
    expect(MESSAGE_MODULE.test('/work/hall/shell/src/header/i18n/en.ts')).toBe(true)
    expect(MESSAGE_MODULE.test('/work/hall/packages/mf-kit/src/messages.ts')).toBe(true)
    expect(MESSAGE_MODULE.test('/work/hall/mf-catalog/src/i18n/messages.test.ts')).toBe(false)
    expect(MESSAGE_MODULE.test('/work/hall/mf-catalog/src/stores/services.ts')).toBe(false)
  })
})
