import { describe, expect, test } from 'vitest'
import { beijing, threeStepFlow, undergraduate } from './test-support.ts'

// What the escalation contact of an overdue step may do once the deadline scan told them (超时处理):
// take the task over, give it to someone else, or urge its assignee. Found by probing: they got
// "超时提醒" and could do nothing about it.

const A = undergraduate.cardNumber

/** Bob's step (escalation contact: boss) past its deadline and escalated. */
function escalated() {
  const flow = threeStepFlow().submit().approve('ann')
  const task = flow.taskOf('bob')
  flow.at(beijing('2026-11-04 10:00')).do({ type: 'timeout', taskId: task.id })
  return { flow, task }
}

describe('take over (接办)', () => {
  test('the contact gets the task with a fresh time limit; the assignee is told it is gone', () => {
    // why: the point of escalating is that someone above can get the application moving
    const { flow, task } = escalated()
    flow.do({ type: 'takeOver', by: 'boss', taskId: task.id, authority: 'escalation', opinion: '我来办' })
    const mine = flow.taskOf('boss')
    expect(mine.origin).toEqual({ kind: 'escalation', fromTaskId: task.id, by: 'boss' })
    expect(Date.parse(mine.dueAt!)).toBeGreaterThan(Date.parse(beijing('2026-11-04 10:00').toISOString()))
    expect(flow.state.tasks.find((t) => t.id === task.id)).toMatchObject({ status: 'closed', outcome: 'transferred', closedBy: 'boss' })
    expect(flow.effectsOf('notify')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'task_cancelled', recipients: ['bob'] }),
        expect.objectContaining({ kind: 'task_assigned', recipients: ['boss'] }),
      ]),
    )
    expect(flow.effectsOf('audit')[0]).toMatchObject({ what: 'takenOver', who: 'boss', opinion: '我来办' })
    // And the step goes on from there as any other.
    flow.approve('boss')
    expect(flow.taskOf('cat').status).toBe('open')
  })

  test('a second take-over of the same task changes nothing', () => {
    // why: two contacts (or a double click) acting at once must advance the application once
    const { flow, task } = escalated()
    flow.do({ type: 'takeOver', by: 'boss', taskId: task.id, authority: 'escalation' })
    flow.refuse({ type: 'takeOver', by: 'boss', taskId: task.id, authority: 'escalation' }, 'already_decided')
  })

  test('refused to anyone the task was not escalated to, unless the caller vouches for an administrator', () => {
    // why: the engine knows who was told; roles (admin) are the API policy's to check
    const { flow, task } = escalated()
    flow.refuse({ type: 'takeOver', by: 'mallory', taskId: task.id, authority: 'escalation' }, 'not_escalation_contact')
    flow.refuse({ type: 'takeOver', by: 'bob', taskId: task.id, authority: 'escalation' }, 'not_escalation_contact')
    flow.do({ type: 'takeOver', by: 'root', taskId: task.id, authority: 'admin' })
    expect(flow.taskOf('root').origin).toMatchObject({ kind: 'escalation', by: 'root' })
  })

  test('refused before the deadline passed, and once the task was decided', () => {
    // why: within its time limit a task is its assignee's alone
    const flow = threeStepFlow().submit()
    flow.refuse({ type: 'takeOver', by: 'root', taskId: flow.taskOf('ann').id, authority: 'admin' }, 'not_overdue')
    const { flow: done, task } = escalated()
    done.do({ type: 'reject', by: 'bob', taskId: task.id, opinion: '材料不全' })
    done.refuse({ type: 'takeOver', by: 'boss', taskId: task.id, authority: 'escalation' }, 'already_decided')
  })
})

describe('reassign (改派)', () => {
  test('gives the overdue task to someone else, who is told', () => {
    // why: the contact may know who in the office can do it today
    const { flow, task } = escalated()
    flow.do({ type: 'reassign', by: 'boss', taskId: task.id, to: 'dan', authority: 'escalation' })
    expect(flow.taskOf('dan').origin).toEqual({ kind: 'escalation', fromTaskId: task.id, by: 'boss' })
    expect(flow.effectsOf('audit')[0]).toMatchObject({ what: 'reassigned', who: 'boss', detail: { from: 'bob', to: 'dan' } })
  })

  test('not to the assignee again, nor the applicant', () => {
    // why: either would leave the application exactly where it was, or with the wrong person
    const { flow, task } = escalated()
    flow.refuse({ type: 'reassign', by: 'boss', taskId: task.id, to: 'bob', authority: 'escalation' }, 'invalid_transfer_target')
    flow.refuse({ type: 'reassign', by: 'boss', taskId: task.id, to: A, authority: 'escalation' }, 'invalid_transfer_target')
  })
})

describe('urge the assignee (催办)', () => {
  test('reminds the assignee, once a day', () => {
    // why: the lightest thing a contact can do, without taking the task away
    const { flow, task } = escalated()
    flow.do({ type: 'urgeAssignee', by: 'boss', taskId: task.id, authority: 'escalation' })
    expect(flow.effectsOf('notify')).toEqual([expect.objectContaining({ kind: 'urged', recipients: ['bob'], taskId: task.id })])
    expect(flow.effectsOf('audit')[0]).toMatchObject({ what: 'urged', who: 'boss' })
    flow.at(beijing('2026-11-04 15:00')).refuse({ type: 'urgeAssignee', by: 'boss', taskId: task.id, authority: 'escalation' }, 'urged_recently')
    flow.refuse({ type: 'urgeAssignee', by: 'eve', taskId: task.id, authority: 'escalation' }, 'not_escalation_contact')
  })
})
