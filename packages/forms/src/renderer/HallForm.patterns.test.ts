// Its own file: the RE2 engine is module state, and this test needs it not loaded yet.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { FormDefinition, FormValues } from '../definition.ts'
import { patternEngineLoaded } from '../pattern.ts'
import { form, t } from '../test-support.ts'
import HallForm from './HallForm.vue'
import type { HallFormExposed } from './types.ts'

const mounted: VueWrapper[] = []
afterEach(() => mounted.splice(0).forEach((w) => w.unmount()))

function mountForm(definition: FormDefinition, modelValue: FormValues) {
  const wrapper = mount(HallForm, { props: { definition, modelValue, lang: 'en' }, attachTo: document.body })
  mounted.push(wrapper)
  return wrapper
}

it('loads the pattern engine only for a form with a pattern, then checks it in the browser', async () => {
  // A form without a pattern (most of them, and the hall's first page) does not fetch the engine.
  mountForm(form({ key: 'name', type: 'text', label: t('姓名', 'Name') }), { name: 'x' })
  await flushPromises()
  expect(patternEngineLoaded()).toBe(false)

  const hostile = form({
    key: 'code',
    type: 'text',
    label: t('编号', 'Code'),
    maxLength: 100,
    pattern: { regex: '(a+)+b', message: t('编号格式不对', 'Not a code') },
  })
  const wrapper = mountForm(hostile, { code: `${'a'.repeat(40)}!` })
  await vi.waitFor(() => expect(patternEngineLoaded()).toBe(true))
  const result = (wrapper.vm as unknown as HallFormExposed).validate()
  expect(result).toEqual({ ok: false, errors: [{ path: 'code', message: t('编号格式不对', 'Not a code') }] })
  await nextTick()
  expect(wrapper.find('[data-field="code"] [role="alert"]').text()).toBe('Not a code')
}, 30_000)
