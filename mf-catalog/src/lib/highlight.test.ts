import { describe, expect, it } from 'vitest'
import { segments } from './highlight.ts'

describe('segments', () => {
  it.each([
    [
      '宿舍调整申请',
      [[0, 4]],
      [
        ['宿舍调整', true],
        ['申请', false],
      ],
    ],
    [
      'Dormitory change',
      [
        [0, 4],
        [10, 16],
      ],
      [
        ['Dorm', true],
        ['itory ', false],
        ['change', true],
      ],
    ],
    ['宿舍调整申请', [], [['宿舍调整申请', false]]],
    ['短', [[0, 9]], [['短', true]]],
    [
      'abcdef',
      [
        [3, 5],
        [1, 4],
      ],
      [
        ['a', false],
        ['bcd', true],
        ['e', true],
        ['f', false],
      ],
    ],
  ] as const)('%s with %j', (text, ranges, expected) => {
    expect(segments(text, ranges).map((s) => [s.text, s.mark])).toEqual(expected)
  })
})
