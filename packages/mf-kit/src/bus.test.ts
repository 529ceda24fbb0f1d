import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { bus, useBus } from './bus.ts'

const offs: (() => void)[] = []
afterEach(() => offs.splice(0).forEach((off) => off()))

describe('bus', () => {
  it('delivers the detail of an event to every listener of its name', () => {
    const a = vi.fn()
    const b = vi.fn()
    offs.push(bus.on('hall:navigate', a), bus.on('hall:navigate', b))
    bus.emit('hall:navigate', { url: '/my' })
    expect(a).toHaveBeenCalledWith({ url: '/my' })
    expect(b).toHaveBeenCalledWith({ url: '/my' })
  })

  it('does not deliver other names', () => {
    const handler = vi.fn()
    offs.push(bus.on('hall:tasks-changed', handler))
    bus.emit('hall:notifications-changed', { unread: 2 })
    expect(handler).not.toHaveBeenCalled()
  })

  it('stops delivering once the returned function is called', () => {
    const handler = vi.fn()
    const off = bus.on('hall:notifications-changed', handler)
    bus.emit('hall:notifications-changed', { unread: 1 })
    off()
    bus.emit('hall:notifications-changed', { unread: 2 })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  // Another copy of mf-kit (the shell's dev server, an older micro-frontend) only shares window:
  // a plain CustomEvent from anywhere must arrive as if emitted here.
  it('hears events dispatched on window by another copy', () => {
    const handler = vi.fn()
    offs.push(bus.on('hall:lang', handler))
    window.dispatchEvent(new CustomEvent('hall:lang', { detail: { lang: 'en' } }))
    expect(handler).toHaveBeenCalledWith({ lang: 'en' })
  })

  it('useBus stops listening when its scope is disposed', () => {
    const handler = vi.fn()
    const scope = effectScope()
    scope.run(() => useBus('hall:tasks-changed', handler))
    bus.emit('hall:tasks-changed', { todo: 1 })
    scope.stop()
    bus.emit('hall:tasks-changed', { todo: 2 })
    expect(handler).toHaveBeenCalledTimes(1)
  })
})
