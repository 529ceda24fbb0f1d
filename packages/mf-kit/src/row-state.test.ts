import { describe, expect, it } from 'vitest'
import { actingFor, rowStateLabels } from './row-state.ts'

const zh = (z: string) => z
const en = (_: string, e: string) => e
const du = { name: '杜红梅', nameEn: 'Du Hongmei' }
const huang = { name: '黄思远', nameEn: 'Huang Siyuan' }

describe('rowStateLabels', () => {
  it('says "waiting for you" to the applicant and "waiting for the applicant" to a reviewer', () => {
    const state = { waitingFor: 'applicant' as const, signers: [], urgedAt: null }
    expect(rowStateLabels(state, zh, 'applicant').map((x) => x.text)).toEqual(['待您处理'])
    expect(rowStateLabels(state, en, 'reviewer').map((x) => x.text)).toEqual(['Waiting for the applicant'])
  })

  it('names the added signers, and adds "urged"', () => {
    const state = { waitingFor: 'signer' as const, signers: [huang, du], urgedAt: '2026-12-01T02:00:00Z' }
    expect(rowStateLabels(state, zh, 'reviewer').map((x) => x.text)).toEqual(['等待加签人：黄思远、杜红梅', '已催办'])
    expect(rowStateLabels(state, en, 'applicant').map((x) => x.text)).toEqual(['Waiting for the added signer: Huang Siyuan, Du Hongmei', 'Urged'])
  })

  it('is empty for a row waiting for nobody in particular', () => {
    expect(rowStateLabels({ waitingFor: null, signers: [], urgedAt: null }, zh, 'applicant')).toEqual([])
    expect(rowStateLabels(null, zh, 'applicant')).toEqual([])
  })
})

describe('actingFor', () => {
  it('says who acts for whom in both languages, and just the name otherwise', () => {
    expect(actingFor(huang, du, zh)).toBe('黄思远（代杜红梅）')
    expect(actingFor(huang, du, en)).toBe('Huang Siyuan for Du Hongmei')
    expect(actingFor(huang, null, en)).toBe('Huang Siyuan')
  })
})
