import { fileURLToPath } from 'node:url'
import { describeMessages } from '@hall/mf-kit/test-support'
import { describe, expect, it } from 'vitest'
import { messages } from './index.ts'

// Same keys in both languages, every key the code uses, English singulars and punctuation, 您.
const { zh, en } = describeMessages(fileURLToPath(new URL('..', import.meta.url)), messages)

describe('the outcome column', () => {
  // `TaskList` shows t(`todo.outcomes.${outcome ?? status}`): every value of the API's task
  // `outcome` and `status` columns (api/src/db/schema/applications.ts) needs a label, or the raw
  // key shows (`todo.outcomes.closed` on every copy in 抄送, whose tasks are closed with no outcome).
  const values = ['approved', 'rejected', 'returned', 'transferred', 'cancelled', 'open', 'asked', 'waiting', 'closed']
  it.each(values)('has a label for %s in both languages', (value) => {
    expect(typeof zh.todo.outcomes[value as keyof typeof zh.todo.outcomes]).toBe('string')
    expect(typeof en.todo.outcomes[value as keyof typeof en.todo.outcomes]).toBe('string')
  })
})
