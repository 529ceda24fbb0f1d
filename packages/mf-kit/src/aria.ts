import { onMounted, watch, type Ref } from 'vue'

/** What `useAutocompleteActiveDescendant` reads of an `<el-autocomplete>` (its exposed state). */
export interface AutocompleteLike {
  highlightedIndex: number
  activated: boolean
  suggestions: unknown[]
  inputRef?: { ref?: HTMLInputElement | HTMLTextAreaElement } | null
}

/**
 * Keeps the `aria-activedescendant` of an `<el-autocomplete>`'s input true to what is shown.
 *
 * element-plus 2.14 sets it at mount to "<list id>-item--1" (its "nothing highlighted" index, an id
 * no element has) and never takes it back: not when the list closes, not after a choice, not when
 * the highlight returns to -1. axe reports that as aria-valid-attr-value (critical) on every page
 * with the header's search box, and a screen reader announces nothing or a stale suggestion.
 * Here the attribute names the highlighted suggestion only while the list is open and that
 * suggestion is rendered, and is absent otherwise. Call it in the setup of the component that
 * holds the template ref.
 */
export function useAutocompleteActiveDescendant(box: Ref<AutocompleteLike | undefined>): void {
  const sync = () => {
    const b = box.value
    const input = b?.inputRef?.ref
    if (!b || !input) return
    // element-plus names its suggestions "<aria-controls>-item-<index>".
    const list = input.getAttribute('aria-controls')
    const open = b.activated && b.suggestions.length > 0
    const id = open && list && b.highlightedIndex >= 0 ? `${list}-item-${b.highlightedIndex}` : null
    if (id && input.ownerDocument.getElementById(id)) {
      if (input.getAttribute('aria-activedescendant') !== id) input.setAttribute('aria-activedescendant', id)
    } else if (input.hasAttribute('aria-activedescendant')) {
      input.removeAttribute('aria-activedescendant')
    }
  }
  // After the render: element-plus writes the attribute itself in its own handlers and mount, and
  // the suggestion's <li> exists only once the list has rendered.
  watch(() => [box.value?.highlightedIndex, box.value?.activated, box.value?.suggestions.length], sync, { flush: 'post' })
  onMounted(sync)
}
