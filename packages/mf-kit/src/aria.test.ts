import { mount } from '@vue/test-utils'
import ElementPlus, { ElAutocomplete, type AutocompleteInstance } from 'element-plus'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { useAutocompleteActiveDescendant } from './aria.ts'

// element-plus's autocomplete leaves aria-activedescendant naming "<list>-item--1", an element that
// never exists (axe: aria-valid-attr-value, critical, on every page with the header's search box).
// These mount the real component and check that the attribute names a rendered, highlighted
// suggestion while the list is open, and is absent otherwise.

const words = ['请假', '请假销假', '请示']

function mountBox({ fixed }: { fixed: boolean }) {
  const Host = defineComponent({
    setup() {
      const box = ref<AutocompleteInstance>()
      const q = ref('')
      if (fixed) useAutocompleteActiveDescendant(box)
      const suggest = (query: string, show: (items: Array<{ value: string }>) => void) =>
        show(words.filter((w) => w.startsWith(query)).map((value) => ({ value })))
      return () =>
        h(ElAutocomplete, {
          ref: box,
          modelValue: q.value,
          'onUpdate:modelValue': (v: string | number) => (q.value = String(v)),
          fetchSuggestions: suggest,
          debounce: 0,
          teleported: false,
        })
    },
  })
  return mount(Host, { attachTo: document.body, global: { plugins: [ElementPlus] } })
}

/** Lets the debounce, the suggestions' callback and the render that follows all run. */
async function settle() {
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setTimeout(r, 0))
    await nextTick()
  }
}

const active = (input: HTMLInputElement) => input.getAttribute('aria-activedescendant')
const exists = (id: string | null) => id !== null && document.getElementById(id) !== null

describe('useAutocompleteActiveDescendant', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('without it, element-plus names a suggestion that does not exist (the defect this fixes)', async () => {
    const wrapper = mountBox({ fixed: false })
    await settle()
    const input = wrapper.find('input').element
    expect(active(input)).toMatch(/-item--1$/)
    expect(exists(active(input))).toBe(false)
    wrapper.unmount()
  })

  it('names nothing while no suggestion is highlighted', async () => {
    const wrapper = mountBox({ fixed: true })
    await settle()
    const input = wrapper.find('input')
    expect(input.attributes('aria-activedescendant')).toBeUndefined()
    await input.trigger('focus')
    await input.setValue('请')
    await settle()
    // The list is open with three suggestions, none highlighted yet.
    expect(document.querySelectorAll('[role="option"]').length).toBe(3)
    expect(input.attributes('aria-activedescendant')).toBeUndefined()
    wrapper.unmount()
  })

  it('names the highlighted suggestion, follows the arrows, and lets go when the list closes', async () => {
    const wrapper = mountBox({ fixed: true })
    await settle()
    const input = wrapper.find('input')
    await input.trigger('focus')
    await input.setValue('请')
    await settle()
    await input.trigger('keydown', { key: 'ArrowDown', code: 'ArrowDown' })
    await settle()
    const first = active(input.element)
    expect(exists(first)).toBe(true)
    expect(document.getElementById(first!)?.textContent).toContain('请假')
    await input.trigger('keydown', { key: 'ArrowDown', code: 'ArrowDown' })
    await settle()
    expect(document.getElementById(active(input.element)!)?.getAttribute('aria-selected')).toBe('true')
    expect(active(input.element)).not.toBe(first)
    await input.trigger('keydown', { key: 'ArrowUp', code: 'ArrowUp' })
    await settle()
    expect(active(input.element)).toBe(first)
    // Closed with Escape: the input names no suggestion, though the list's items are still rendered.
    await input.trigger('keydown', { key: 'Escape', code: 'Escape' })
    await settle()
    expect(exists(first)).toBe(true)
    expect(input.attributes('aria-activedescendant')).toBeUndefined()
    wrapper.unmount()
  })
})
