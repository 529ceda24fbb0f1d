import { onScopeDispose, readonly, ref, type Ref } from 'vue'

/**
 * Whether a media query matches, following changes (a phone turned, a window resized): for what
 * CSS alone cannot do, such as a to-do table that becomes cards at 375 px, or a part that is not
 * made at all where it would not show (the header's search box on a phone).
 */
export function useMediaQuery(query: string): Readonly<Ref<boolean>> {
  const list = window.matchMedia(query)
  const matches = ref(list.matches)
  const update = (event: MediaQueryListEvent) => (matches.value = event.matches)
  list.addEventListener('change', update)
  onScopeDispose(() => list.removeEventListener('change', update))
  return readonly(matches)
}
