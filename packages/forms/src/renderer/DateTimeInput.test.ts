import { mount } from '@vue/test-utils'
import { ElDatePicker, ElTimePicker } from 'element-plus'
import { describe, expect, it } from 'vitest'
import DateTimeInput from './DateTimeInput.vue'

// One picker component for dates, date ranges and times: each type gets its picker and format,
// and every value goes out in the form's shape (a range as { start, end }; cleared as undefined).

const base = { controlId: 'f', locked: false }

describe('DateTimeInput', () => {
  it('shows a date as YYYY-MM-DD, and clearing it gives undefined', async () => {
    const w = mount(DateTimeInput, { props: { ...base, type: 'date', modelValue: '2026-11-30' } })
    const picker = w.findComponent(ElDatePicker)
    expect(picker.props('type')).toBe('date')
    expect(picker.props('modelValue')).toBe('2026-11-30')
    expect(picker.props('valueFormat')).toBe('YYYY-MM-DD')
    picker.vm.$emit('update:modelValue', null)
    expect(w.emitted('update:modelValue')).toEqual([[undefined]])
    w.unmount()
  })

  it('gives a range as { start, end }, and reads it back as two dates', async () => {
    const w = mount(DateTimeInput, { props: { ...base, type: 'dateRange', modelValue: { start: '2026-11-30', end: '2026-12-02' } } })
    const picker = w.findComponent(ElDatePicker)
    expect(picker.props('type')).toBe('daterange')
    expect(picker.props('modelValue')).toEqual(['2026-11-30', '2026-12-02'])
    picker.vm.$emit('update:modelValue', ['2026-12-01', '2026-12-03'])
    picker.vm.$emit('update:modelValue', null)
    expect(w.emitted('update:modelValue')).toEqual([[{ start: '2026-12-01', end: '2026-12-03' }], [undefined]])
    w.unmount()
  })

  it('picks a time as HH:mm, disabled when locked', async () => {
    const w = mount(DateTimeInput, { props: { ...base, type: 'time', modelValue: '09:30', locked: true } })
    const picker = w.findComponent(ElTimePicker)
    expect(picker.props('format')).toBe('HH:mm')
    expect(picker.props('disabled')).toBe(true)
    expect(w.findComponent(ElDatePicker).exists()).toBe(false)
    w.unmount()
  })
})
