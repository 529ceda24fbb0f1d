import { describe, expect, it } from 'vitest'
import { fullWidthInEnglish, informalYou, leafKeys, missingKeys, pluralsWithoutSingular, unknownUses, type KeyUse } from './i18n-check.ts'

const zh = { todo: { outcomes: { approved: '同意', closed: '已阅' }, title: '待办' } }
const en = { todo: { outcomes: { approved: 'Approved' }, title: 'To do' } }

describe('the i18n checks', () => {
  it('list the keys a language lacks', () => {
    expect(leafKeys(zh)).toEqual(['todo.outcomes.approved', 'todo.outcomes.closed', 'todo.title'])
    expect(missingKeys(zh, en)).toEqual(['todo.outcomes.closed'])
    expect(missingKeys(en, zh)).toEqual([])
  })

  it('name a used key that does not exist, and a family that is not a group', () => {
    const uses: KeyUse[] = [
      { file: 'A.vue', key: 'todo.title', dynamic: false },
      { file: 'A.vue', key: 'todo.missing', dynamic: false },
      { file: 'B.vue', key: 'todo.outcomes.', dynamic: true },
      { file: 'B.vue', key: 'todo.title.', dynamic: true },
      { file: 'C.vue', key: 'todo.outcomes', dynamic: false },
    ]
    expect(unknownUses(uses, en)).toEqual(['A.vue: todo.missing', 'B.vue: todo.title.${…}', 'C.vue: todo.outcomes'])
  })

  it('catch "1 services" and a full-width colon in English', () => {
    const messages = {
      g: '{n} in progress',
      a: '{n} services',
      b: '{n} service | {n} services',
      c: '{n} in all',
      d: 'Note：read',
      e: '{n} application(s)',
      f: '{n} unread notifications',
    }
    expect(pluralsWithoutSingular(messages)).toEqual(['a', 'e', 'f'])
    expect(fullWidthInEnglish(messages)).toEqual(['d'])
  })

  it('catch 你 where the hall says 您', () => {
    expect(informalYou({ a: '您的申请', b: { c: '你的申请' } })).toEqual(['b.c'])
  })
})
