import { onScopeDispose, readonly, ref, type Ref } from 'vue'

/**
 * Whether a media query matches, following changes (a phone turned, a window resized). The list
 * switches from a table to cards with it, since a table of six columns is unreadable at 375 px.
 */
export function useMediaQuery(query: string): Readonly<Ref<boolean>> {
  const list = window.matchMedia(query)
  const matches = ref(list.matches)
  const update = (event: MediaQueryListEvent) => (matches.value = event.matches)
  list.addEventListener('change', update)
  onScopeDispose(() => list.removeEventListener('change', update))
  return readonly(matches)
}
