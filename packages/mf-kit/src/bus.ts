import { onScopeDispose } from 'vue'
import type { Lang } from './lang.ts'

/**
 * The events that cross application boundaries, by name. Each is a `CustomEvent` on `window`, so
 * every mounted application sees it, whichever copy of mf-kit it runs (the shell's dev server and
 * the deployed micro-frontends may each have one).
 */
export interface HallEvents {
  /** The language changed (the header's switch); every mounted app re-renders in it. */
  'hall:lang': { lang: Lang }
  /** Go to a URL of the hall, possibly another micro-frontend's; the shell performs it. */
  'hall:navigate': { url: string; replace?: boolean }
  /** Notifications arrived or were read; the header refreshes its bell. */
  'hall:notifications-changed': { unread?: number }
  /**
   * Tasks were handled; the header refreshes its to-do badge. `live`: the server's stream saw a
   * task arrive in or leave the viewer's 待办 (another tab, another person), so an open to-do list
   * fetches again too.
   */
  'hall:tasks-changed': { todo?: number; live?: boolean }
  /** The live stream told the import map's current ETag (a part was deployed or rolled back); the shell checks it. */
  'hall:importmap': { etag: string }
}

export type HallEventName = keyof HallEvents

export type HallEventHandler<K extends HallEventName> = (detail: HallEvents[K]) => void

/** The cross-app event bus: typed names over `window` CustomEvents. */
export const bus = {
  /** Tells every application on the page. */
  emit<K extends HallEventName>(name: K, detail: HallEvents[K]): void {
    window.dispatchEvent(new CustomEvent(name, { detail }))
  },
  /** Listens until the returned function is called. */
  on<K extends HallEventName>(name: K, handler: HallEventHandler<K>): () => void {
    const listener = (event: Event) => handler((event as CustomEvent<HallEvents[K]>).detail)
    window.addEventListener(name, listener)
    return () => window.removeEventListener(name, listener)
  },
}

/** `bus.on` for a component's setup: stops listening when the component (or scope) goes. */
export function useBus<K extends HallEventName>(name: K, handler: HallEventHandler<K>): void {
  onScopeDispose(bus.on(name, handler))
}
