import { describe, expect, test } from 'vitest'
import { composeMessage, messageTitle, type MessageFacts, type MessageKind } from './messages.ts'

// The wording of progress messages (issue 14, item 5): no "申请申请", and the detail that lets the
// reader act from the e-mail alone.

const dorm: MessageFacts = {
  serviceZh: '宿舍调整申请',
  serviceEn: 'Dormitory change application',
  applicantZh: '林小雨',
  applicantEn: 'Lin Xiaoyu',
  stepZh: '辅导员审核',
  stepEn: 'Counsellor review',
}
const leave: MessageFacts = { ...dorm, serviceZh: '本科生请假', serviceEn: 'Undergraduate leave' }

describe('titles', () => {
  const toApplicant: MessageKind[] = ['submitted', 'step_decided', 'asked', 'returned', 'rejected', 'completed']
  test.each(toApplicant)('%s: a service already called an application is not called one twice', (kind) => {
    // why: 宿舍调整申请 got "申请" appended: "您的宿舍调整申请申请被退回"
    const t = messageTitle(kind, { ...dorm, passedZh: '辅导员审核', passedEn: 'Counsellor review' })
    expect(t.zh).not.toContain('申请申请')
    expect(t.zh).toContain('宿舍调整申请')
    expect(t.en.toLowerCase()).not.toContain('application application')
  })

  test('a service named otherwise still reads as an application', () => {
    // why: "您的本科生请假被退回" would drop the noun the sentence needs
    expect(messageTitle('returned', leave).zh).toBe('您的本科生请假申请被退回，请修改后重新提交')
    expect(messageTitle('returned', leave).en).toBe('Your Undergraduate leave application was returned for changes')
  })
})

describe('detail lines', () => {
  test('returned carries the reason and rejected the review opinion', () => {
    // why: an e-mail saying only "returned" sends the applicant to log in to learn why
    expect(composeMessage('returned', { ...dorm, opinion: '请补充家长签字' }, 1).detailZh[0]).toBe('退回原因：请补充家长签字')
    expect(composeMessage('returned', { ...dorm, opinion: '请补充家长签字' }, 1).detailEn[0]).toBe('Reason for the return: 请补充家长签字')
    expect(composeMessage('rejected', { ...dorm, opinion: '不符合条件' }, 1).detailZh).toEqual(['审核意见：不符合条件'])
  })

  test('asked carries the question', () => {
    expect(composeMessage('asked', { ...dorm, question: '请上传成绩单' }, 1).detailZh[0]).toBe('问题：请上传成绩单')
  })

  test('assigned and overdue carry the deadline in Beijing time, whatever the server clock zone', () => {
    // why: 2026-11-03T09:00Z is 17:00 in Beijing; a UTC time would mislead every reader in China
    const dueAt = new Date('2026-11-03T09:00:00Z')
    expect(composeMessage('task_assigned', { ...dorm, dueAt }, 1).detailZh).toEqual(['办理时限：2026-11-03 17:00（北京时间）'])
    expect(composeMessage('task_assigned', { ...dorm, dueAt }, 1).detailEn).toEqual(['Due by: 2026-11-03 17:00 (Beijing time)'])
    expect(composeMessage('overdue', { ...dorm, dueAt: dueAt.toISOString() }, 1).detailZh).toEqual(['办理时限已于2026-11-03 17:00（北京时间）到期'])
  })

  test('only a completed application offers "rate the service"', () => {
    // why: this used to be a special case inside enqueueNotification
    expect(composeMessage('completed', dorm, 7).actions).toEqual([{ labelZh: '评价本次服务', labelEn: 'Rate the service', link: '/feedback/rate/7' }])
    expect(composeMessage('rejected', dorm, 7).actions).toEqual([])
  })
})
