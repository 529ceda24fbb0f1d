import { defineComponent, h } from 'vue'
import { bus } from './bus.ts'

/**
 * Goes to a URL of the hall, in this micro-frontend or another. The shell performs it (through
 * single-spa), so a micro-frontend needs no router of the page; alone in development, the
 * standalone runner does.
 */
export function navigate(url: string, { replace = false }: { replace?: boolean } = {}): void {
  bus.emit('hall:navigate', { url, replace })
}

/**
 * A link to any page of the hall: a real `<a href>` (so it can be opened in a new tab and read by
 * screen readers) that navigates without reloading on a plain click.
 */
export const HallLink = defineComponent({
  name: 'HallLink',
  props: {
    /** A path of the hall, e.g. `/apply/dorm-change`. */
    to: { type: String, required: true },
    replace: { type: Boolean, default: false },
  },
  setup(props, { slots }) {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      event.preventDefault()
      navigate(props.to, { replace: props.replace })
    }
    return () => h('a', { href: props.to, onClick }, slots.default?.())
  },
})
