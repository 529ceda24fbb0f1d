import { describe, expect, it } from 'vitest'
import { APPLICATION_STATUSES, eventTone, isApplicationStatus, statusTone } from './statuses.ts'

describe('statusTone', () => {
  it.each([
    ['in_review', 'primary'],
    ['returned', 'warning'],
    ['completed', 'success'],
    ['rejected', 'danger'],
    ['withdrawn', 'info'],
  ])('%s is %s', (status, tone) => expect(statusTone(status)).toBe(tone))

  it('is grey for a status this code does not know', () => {
    expect(statusTone('archived')).toBe('info')
    expect(isApplicationStatus('archived')).toBe(false)
    expect(APPLICATION_STATUSES.every(isApplicationStatus)).toBe(true)
  })
})

describe('eventTone', () => {
  it('colours what happened to an application', () => {
    expect(eventTone('approved')).toBe('success')
    expect(eventTone('asked')).toBe('warning')
    expect(eventTone('overdue')).toBe('danger')
    expect(eventTone('commented')).toBe('info')
  })
})
