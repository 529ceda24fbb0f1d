import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'

/** The page's URL as a ref, following every navigation (single-spa's and the browser's). */
export function useCurrentUrl(): Readonly<ShallowRef<URL>> {
  const url = shallowRef(new URL(window.location.href))
  const update = () => {
    url.value = new URL(window.location.href)
  }
  window.addEventListener('popstate', update)
  window.addEventListener('single-spa:routing-event', update)
  onScopeDispose(() => {
    window.removeEventListener('popstate', update)
    window.removeEventListener('single-spa:routing-event', update)
  })
  return url
}
