import { describe, expect, test } from 'vitest'
import { isOverdue } from './calendar.ts'
import { beijing, threeStepFlow, undergraduate } from './test-support.ts'

// Time limits (办理时限): when a task falls due, and what the applicant (urge) and the deadline scan
// (timeout) may do once it has passed.

const A = undergraduate.cardNumber
const friday5pm = beijing('2026-11-06 17:00')

describe('deadlines', () => {
  test('a task received on Friday afternoon is due the next working week, not on Saturday', () => {
    // why: weekends are excluded: 7 working hours from Friday 17:00 is half an hour on Friday and 6.5 on Monday: Monday 17:00
    const flow = threeStepFlow({ now: friday5pm }).submit()
    expect(flow.taskOf('ann').dueAt).toBe(beijing('2026-11-09 17:00').toISOString())
    expect(isOverdue(flow.taskOf('ann'), beijing('2026-11-08 20:00'))).toBe(false)
    expect(isOverdue(flow.taskOf('ann'), beijing('2026-11-09 17:01'))).toBe(true)
  })

  test('holidays injected through the context are skipped', () => {
    // why: the API passes the year's holiday calendar; Monday 9 November as a holiday moves the deadline to Tuesday
    const flow = threeStepFlow({ now: friday5pm, calendar: { holidays: ['2026-11-09'] } }).submit()
    expect(flow.taskOf('ann').dueAt).toBe(beijing('2026-11-10 17:00').toISOString())
  })
})

describe('urge (催办)', () => {
  test('refused while the step is within its time limit', () => {
    // why: urging is for overdue steps only
    const flow = threeStepFlow().submit()
    flow.refuse({ type: 'urge', by: A }, 'not_overdue')
  })

  test('once overdue, notifies the assignee; again only after 24 hours', () => {
    // why: one reminder a day is enough; more is nagging
    const flow = threeStepFlow().submit().at(beijing('2026-11-03 10:00'))
    flow.do({ type: 'urge', by: A })
    const task = flow.taskOf('ann')
    expect(flow.effectsOf('notify')).toEqual([expect.objectContaining({ kind: 'urged', recipients: ['ann'], taskId: task.id })])
    expect(flow.effectsOf('audit')[0]).toMatchObject({ what: 'urged', who: A })
    flow.at(beijing('2026-11-03 16:00')).refuse({ type: 'urge', by: A }, 'urged_recently')
    flow.at(beijing('2026-11-04 10:00')).do({ type: 'urge', by: A })
  })

  test('only the applicant urges, and not while the clock is paused for their own answer', () => {
    // why: a task waiting for the applicant is not the office's delay
    const flow = threeStepFlow().submit()
    flow.do({ type: 'ask', by: 'ann', taskId: flow.taskOf('ann').id, question: '?' })
    flow.at(beijing('2026-11-05 10:00'))
    flow.refuse({ type: 'urge', by: A }, 'not_overdue')
    flow.refuse({ type: 'urge', by: 'ann' }, 'not_applicant')
  })

  test('refused when the application is not in review', () => {
    // why: there is nothing to urge on a finished application
    const flow = threeStepFlow().submit()
    flow.do({ type: 'withdraw', by: A })
    flow.at(beijing('2026-11-09 10:00')).refuse({ type: 'urge', by: A }, 'application_closed')
  })
})

describe('timeout (the deadline scan)', () => {
  test('reminds the assignee and escalates to the step’s contacts, once', () => {
    // why: when a deadline passes, someone above the reviewer hears about it
    const flow = threeStepFlow().submit().approve('ann')
    const task = flow.taskOf('bob')
    flow.at(beijing('2026-11-04 10:00')).do({ type: 'timeout', taskId: task.id })
    expect(flow.effectsOf('notify')).toEqual([
      expect.objectContaining({ kind: 'overdue', recipients: ['bob'], taskId: task.id }),
      expect.objectContaining({ kind: 'escalated', recipients: ['boss'], taskId: task.id }),
    ])
    expect(flow.effectsOf('audit')[0]).toMatchObject({ what: 'overdue', who: 'system' })
    flow.refuse({ type: 'timeout', taskId: task.id }, 'already_escalated')
  })

  test('a scan that fires early, or for a decided task, changes nothing', () => {
    // why: deadline jobs may be stale (the task was decided, or its deadline moved after an answer)
    const flow = threeStepFlow().submit()
    const task = flow.taskOf('ann')
    flow.refuse({ type: 'timeout', taskId: task.id }, 'not_overdue')
    flow.approve('ann')
    flow.at(beijing('2026-11-09 10:00')).refuse({ type: 'timeout', taskId: task.id }, 'already_decided')
  })
})
