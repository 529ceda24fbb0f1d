import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { nextTick } from 'vue'
import type { FormValues } from '../definition.ts'
import { formDefinitions } from '@hall/demo-university/templates'
import { initialValues } from '../initial.ts'
import HallForm from './HallForm.vue'
import type { HallFormExposed } from './types.ts'

// The form the hall ships for 本科生请销假: tests exercise the format on a real form.
const undergradLeave = formDefinitions['undergrad-leave']!

const studentAffairs = { systemZh: '学工系统', systemEn: 'Student Affairs System', departmentZh: '学生工作处', departmentEn: 'Student Affairs Office' }

const mounted: VueWrapper[] = []
// A Vue warning (a wrong prop, a missing injection) is a bug even when the assertions pass.
const consoleSpies: MockInstance[] = []
beforeEach(() => {
  consoleSpies.push(vi.spyOn(console, 'warn'), vi.spyOn(console, 'error'))
})
afterEach(async () => {
  // Let element-plus finish its pending layout work (textarea autosize) before tearing down.
  await flushPromises()
  mounted.splice(0).forEach((w) => w.unmount())
  const spies = consoleSpies.splice(0)
  for (const spy of spies) {
    const calls = spy.mock.calls
    spy.mockRestore()
    expect(calls).toEqual([])
  }
})

/** Mounts the leave form with v-model wired, as a host page would. */
function mountLeave(values: FormValues = {}, props: Record<string, unknown> = {}) {
  const wrapper = mount(HallForm, {
    props: {
      definition: undergradLeave,
      modelValue: { ...initialValues(undergradLeave), ...values },
      now: '2026-11-09',
      ...props,
      'onUpdate:modelValue': (v: FormValues) => wrapper.setProps({ modelValue: v }),
    },
    attachTo: document.body,
  })
  mounted.push(wrapper)
  return wrapper
}

const field = (wrapper: ReturnType<typeof mountLeave>, key: string) => wrapper.find(`[data-field="${key}"]`)

describe('<HallForm>', () => {
  it.each([
    ['en', 'Reason is required'],
    ['zh-CN', '请填写请假事由'],
  ] as const)('shows a required error at its field, in %s, tied to the input', async (lang, message) => {
    const wrapper = mountLeave({}, { lang })
    const result = (wrapper.vm as unknown as HallFormExposed).validate()
    expect(result.ok).toBe(false)
    await nextTick()
    const alert = field(wrapper, 'reason').find('[role="alert"]')
    expect(alert.text()).toBe(message)
    const textarea = field(wrapper, 'reason').find('textarea')
    expect(textarea.attributes('aria-describedby')).toContain(alert.attributes('id'))
    expect(textarea.attributes('aria-invalid')).toBe('true')
    // The label is bound to the input.
    expect(field(wrapper, 'reason').find('label').attributes('for')).toBe(textarea.attributes('id'))
  })

  it('shows a field when its condition holds and removes it when it flips back', async () => {
    const wrapper = mountLeave({ leavesCampus: false })
    expect(field(wrapper, 'destination').exists()).toBe(false)
    await field(wrapper, 'leavesCampus').find('input').trigger('click')
    expect(wrapper.props('modelValue').leavesCampus).toBe(true)
    expect(field(wrapper, 'destination').exists()).toBe(true)
    await field(wrapper, 'leavesCampus').find('input').trigger('click')
    expect(field(wrapper, 'destination').exists()).toBe(false)
  })

  it('recomputes the days of the leave, and opens the longer-leave section past 3 days', async () => {
    const wrapper = mountLeave({ period: { start: '2026-11-10', end: '2026-11-11' } })
    expect((field(wrapper, 'days').find('input').element as HTMLInputElement).value).toBe('2')
    expect(field(wrapper, 'parentPhone').exists()).toBe(false)
    await wrapper.setProps({ modelValue: { ...wrapper.props('modelValue'), period: { start: '2026-11-10', end: '2026-11-16' } } })
    expect((field(wrapper, 'days').find('input').element as HTMLInputElement).value).toBe('7')
    expect((field(wrapper, 'schoolDays').find('input').element as HTMLInputElement).value).toBe('5')
    expect(field(wrapper, 'parentPhone').exists()).toBe(true)
    // A computed value is shown, never typed.
    expect(field(wrapper, 'days').find('input').attributes('readonly')).toBeDefined()
  })

  it('locks an authoritative pre-filled field, names its source and offers to report an error', async () => {
    const wrapper = mountLeave({ dormitory: '东区 3-201', phone: '138-0000-0101' }, { prefillSources: { dormitory: studentAffairs, phone: studentAffairs } })
    const dorm = field(wrapper, 'dormitory')
    expect(dorm.find('input').attributes('readonly')).toBeDefined()
    expect(dorm.text()).toContain('来自 学工系统 · 学生工作处')
    await dorm.find('input').setValue('西区 1-101')
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    await dorm.find('.hall-field__report').trigger('click')
    expect(wrapper.emitted('report-error')).toEqual([['dormitory']])
    // A pre-filled value that is not authoritative stays editable.
    expect(field(wrapper, 'phone').find('input').attributes('readonly')).toBeUndefined()
    await wrapper.setProps({ lang: 'en' })
    expect(field(wrapper, 'dormitory').text()).toContain('From Student Affairs System · Student Affairs Office')
  })

  it('says a value was reported instead of offering 报错 again, in both languages', async () => {
    // why: after 报错 (and after a reload) the field looked as if nothing had been reported
    const reported = { ...studentAffairs, reportedAt: '2026-11-09T02:00:00.000Z' }
    const wrapper = mountLeave({ dormitory: '东区 3-201', phone: '138-0000-0101' }, { prefillSources: { dormitory: reported, phone: studentAffairs } })
    expect(field(wrapper, 'dormitory').find('.hall-field__reported').text()).toBe('已报错 · 待学生工作处核实')
    expect(field(wrapper, 'dormitory').find('.hall-field__report').exists()).toBe(false)
    // A value not reported still offers it.
    expect(field(wrapper, 'phone').find('.hall-field__report').exists()).toBe(true)
    await wrapper.setProps({ lang: 'en' })
    expect(field(wrapper, 'dormitory').find('.hall-field__reported').text()).toBe('Reported · Student Affairs Office is checking it')
  })

  it('shows a locked value in English on an English page where the platform gave its English, keeping the value', async () => {
    const wrapper = mountLeave(
      { dormitory: '明湖苑3号楼 412室 2号床' },
      { prefillSources: { dormitory: { ...studentAffairs, valueEn: 'Minghu Court 3, room 412, bed 2' } } },
    )
    const input = () => field(wrapper, 'dormitory').find('input').element as HTMLInputElement
    expect(input().value).toBe('明湖苑3号楼 412室 2号床')
    await wrapper.setProps({ lang: 'en' })
    expect(input().value).toBe('Minghu Court 3, room 412, bed 2')
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
  })

  it('shows the server errors at their fields until the field is edited', async () => {
    const wrapper = mountLeave({}, { errors: [{ path: 'emergencyPhone', message: { zh: '紧急联系人电话不是有效的电话号码', en: 'x' } }] })
    expect(field(wrapper, 'emergencyPhone').find('[role="alert"]').text()).toBe('紧急联系人电话不是有效的电话号码')
    await field(wrapper, 'emergencyPhone').find('input').setValue('13800000001')
    expect(field(wrapper, 'emergencyPhone').find('[role="alert"]').exists()).toBe(false)
  })

  it('uploads through the host, with a progress bar, and offers earlier materials of the same kind', async () => {
    let finish: (ref: { id: string; name: string; size: number; mime: string }) => void = () => {}
    const uploader = vi.fn((file: File, ctx: { onProgress: (p: number) => void }) => {
      ctx.onProgress(40)
      return new Promise<{ id: string; name: string; size: number; mime: string }>((resolve) => (finish = resolve))
    })
    const wrapper = mountLeave(
      { leaveType: 'sick' },
      { uploader, materials: [{ id: 'old', name: '体检报告.pdf', size: 1, mime: 'application/pdf', materialKind: 'medical-certificate' }] },
    )
    const proof = field(wrapper, 'sickProof')
    expect(proof.find('.hall-attachment__materials').exists()).toBe(true)
    const input = proof.find('input[type="file"]')
    const file = new File(['%PDF-1.4'], '诊断证明.pdf', { type: 'application/pdf' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    expect(uploader).toHaveBeenCalledOnce()
    expect(field(wrapper, 'sickProof').find('[role="progressbar"]').attributes('aria-valuenow')).toBe('40')
    finish({ id: 'new', name: '诊断证明.pdf', size: 8, mime: 'application/pdf' })
    await flushPromises()
    expect(wrapper.props('modelValue').sickProof).toEqual([{ id: 'new', name: '诊断证明.pdf', size: 8, mime: 'application/pdf' }])
    expect(field(wrapper, 'sickProof').find('[role="progressbar"]').exists()).toBe(false)
  })

  it('renders the submitted form read-only as a description list', () => {
    const wrapper = mountLeave(
      {
        name: '林晓',
        leaveType: 'sick',
        period: { start: '2026-11-10', end: '2026-11-12' },
        reason: '发烧',
        sickProof: [{ id: 'a', name: '诊断证明.pdf', size: 2048, mime: 'application/pdf' }],
      },
      { readonly: true, lang: 'en' },
    )
    expect(wrapper.find('input').exists()).toBe(false)
    expect(wrapper.find('dl').exists()).toBe(true)
    expect(field(wrapper, 'leaveType').text()).toBe('Type of leaveSick')
    expect(field(wrapper, 'days').text()).toContain('3 days')
    expect(field(wrapper, 'sickProof').text()).toContain('诊断证明.pdf')
    expect(field(wrapper, 'parentPhone').exists()).toBe(false)
  })
})
