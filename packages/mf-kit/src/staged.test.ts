import { createApp, defineComponent, h, nextTick, onMounted } from 'vue'
import { afterEach, describe, expect, it } from 'vitest'
import { createStages, HallLater, provideStages, useFirstMountData, type Stages } from './staged.ts'

// A staged first mount renders stage 0 at once and each later stage in a task of its own, after
// the data its page holds it for; everything renders at once when staging is over or off.

/** The next task (a timer), so every message-channel task queued before it has run. */
const task = () => new Promise((resolve) => setTimeout(resolve, 0))

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

let host: HTMLElement
let unmount: (() => void) | undefined
afterEach(() => {
  unmount?.()
  host?.remove()
})

/** Mounts a page of three parts: "now" (stage 0), "one" (stage 1) and "two" (stage 2). */
function mountPage(stages: Stages | null, data?: Promise<void>, onStageOne?: () => void) {
  const One = defineComponent(() => {
    onMounted(() => onStageOne?.())
    return () => h('p', { class: 'one' }, 'one')
  })
  const Page = defineComponent({
    setup() {
      const firstData = useFirstMountData()
      if (data) void firstData(data)
      return () =>
        h('div', [h('p', { class: 'now' }, 'now'), h(HallLater, { stage: 1 }, () => h(One)), h(HallLater, { stage: 2 }, () => h('p', { class: 'two' }, 'two'))])
    },
  })
  host = document.createElement('div')
  document.body.append(host)
  const app = createApp(Page)
  if (stages) provideStages(app, stages)
  app.mount(host)
  unmount = () => app.unmount()
}
const shown = () => Array.from(host.querySelectorAll('p')).map((p) => p.textContent)

describe('a staged first mount', () => {
  it('renders stage 0 with the mount and one later stage per task, and is settled after the last', async () => {
    const stages = createStages()
    // What the page shows once the microtasks that follow stage 1's render have run: stage 2,
    // if it rendered in the same task, would be there.
    let afterStageOne: (string | null)[] = []
    mountPage(stages, undefined, () => {
      void (async () => {
        for (let i = 0; i < 20; i++) await Promise.resolve()
        afterStageOne = shown()
      })()
    })
    expect(shown()).toEqual(['now'])
    await nextTick()
    // Microtasks alone (Vue's flush) do not reach stage 1: it needs a task of its own.
    expect(shown()).toEqual(['now'])
    await stages.settled()
    expect(shown()).toEqual(['now', 'one', 'two'])
    expect(afterStageOne).toEqual(['now', 'one'])
    expect(stages.reached.value).toBe(2)
  })

  it('renders stage 1 and on only once the data it was held for has come', async () => {
    const stages = createStages()
    const data = deferred()
    mountPage(stages, data.promise)
    for (let i = 0; i < 5; i++) await task()
    expect(shown()).toEqual(['now'])
    data.resolve()
    await stages.settled()
    expect(shown()).toEqual(['now', 'one', 'two'])
  })

  it('does not wait for data that never comes longer than its limit', async () => {
    const stages = createStages()
    mountPage(stages, new Promise(() => undefined))
    const started = Date.now()
    await stages.settled()
    expect(shown()).toEqual(['now', 'one', 'two'])
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900)
  })

  it('renders everything at once when staging is over (finish) or off (no stages provided)', async () => {
    const stages = createStages()
    stages.finish()
    mountPage(stages, new Promise(() => undefined))
    expect(shown()).toEqual(['now', 'one', 'two'])
    await stages.settled()
    unmount?.()
    host.remove()

    mountPage(null)
    expect(shown()).toEqual(['now', 'one', 'two'])
  })

  it('a stage asked for by a part of a later stage is reached too', async () => {
    const stages = createStages()
    const Inner = defineComponent(() => () => h(HallLater, { stage: 5 }, () => h('p', 'five')))
    host = document.createElement('div')
    document.body.append(host)
    const app = createApp(defineComponent(() => () => h('div', [h(HallLater, { stage: 3 }, () => h(Inner))])))
    provideStages(app, stages)
    app.mount(host)
    unmount = () => app.unmount()
    await stages.settled()
    expect(shown()).toEqual(['five'])
    expect(stages.reached.value).toBe(5)
  })
})
