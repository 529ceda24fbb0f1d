import { defineComponent, inject, ref, type App, type InjectionKey, type Ref } from 'vue'

/**
 * A first mount in several short tasks instead of one long one (issue 14.1, docs/decisions/022).
 *
 * Vue renders a component tree in one go: the catalog's first render took about 150 ms of one
 * task on this machine (600 ms on Lighthouse's phone), and a phone ignores a tap for as long.
 * While an app mounts for the first time, a `<HallLater :stage="n">` renders its slot only once
 * the app has reached stage `n`, one stage per task; `mount()` ends when the last stage has
 * rendered, so the shell (which keeps the server's first view, or its loading panel, until then)
 * reveals the whole page at once. After the first mount every `HallLater` renders at once: a
 * page opened later (a navigation, a remount) is never built piecemeal in sight.
 */
export interface Stages {
  /** The stage reached; `Infinity` once the first mount is over. */
  reached: Ref<number>
  /** Asks for stage `n` to be reached (in later tasks, one stage each). */
  request(n: number): void
  /** Holds stage 1 and on back until `answer` has settled (at most `HOLD_MS`): the page's later parts render with their data. */
  hold(answer: Promise<unknown>): void
  /** Resolves once every stage asked for has rendered. */
  settled(): Promise<void>
  /** Renders everything at once from now on (the first mount is over, or failed). */
  finish(): void
}

const STAGES: InjectionKey<Stages> = Symbol('hall-stages')

/**
 * The next task, after the current one has run its microtasks (Vue's render flush among them): a
 * long piece of work awaits it to let the browser paint and answer input in between.
 */
export const nextTask = () =>
  new Promise<void>((resolve) => {
    // A message is not clamped as nested timeouts are (4 ms each after the fifth).
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })

/** How long a first mount waits for its data before it renders without (a slow API must not keep the page inert). */
export const HOLD_MS = 3_000

export function createStages(): Stages {
  const reached = ref(0)
  let wanted = 0
  let running: Promise<void> | undefined
  const holds: Promise<unknown>[] = []
  const run = async () => {
    while (reached.value < wanted) {
      await nextTask()
      if (holds.length) {
        let timer: ReturnType<typeof setTimeout> | undefined
        await Promise.race([Promise.allSettled(holds.splice(0)), new Promise((resolve) => (timer = setTimeout(resolve, HOLD_MS)))])
        clearTimeout(timer)
        await nextTask()
      }
      if (reached.value >= wanted) break
      reached.value++
    }
    // One more task: the last stage's render (a flush of microtasks) is over, and a stage it
    // asked for in turn is seen.
    await nextTask()
    running = undefined
    if (reached.value < wanted) return start()
  }
  const start = (): Promise<void> => (running ??= run())
  return {
    reached,
    request(n) {
      if (n <= wanted || reached.value === Infinity) return
      wanted = n
      void start()
    },
    hold(answer) {
      if (reached.value !== Infinity) holds.push(answer)
    },
    async settled() {
      // Stages are asked for while the first render runs: look after it.
      await Promise.resolve()
      while (running) await running
    },
    finish() {
      wanted = Infinity
      reached.value = Infinity
    },
  }
}

export function provideStages(app: App, stages: Stages) {
  app.provide(STAGES, stages)
}

/**
 * For a component's setup: a function that, during the app's staged first mount, makes its later
 * stages wait for an answer (a store's first load), so they render once, with their data, instead
 * of placeholders first and the data in one long task after. It returns the answer it is given.
 * Anywhere else it only returns it.
 */
export function useFirstMountData(): <T>(answer: Promise<T>) => Promise<T> {
  const stages = inject(STAGES, null)
  return (answer) => {
    stages?.hold(answer)
    return answer
  }
}

/**
 * Renders its slot once the app's first mount has reached `stage` (every time after the first
 * mount). Put what a first screen needs at stage 0 (outside any `HallLater`) and the rest in
 * pieces of a few milliseconds each: a section, two or three cards. Outside an app of the kit
 * (a unit test mounting a component alone) it renders at once.
 */
export const HallLater = defineComponent({
  name: 'HallLater',
  props: {
    /** The stage (1, 2, ...) this part renders at during the first mount. */
    stage: { type: Number, default: 1 },
  },
  setup(props, { slots }) {
    const stages = inject(STAGES, null)
    if (stages) stages.request(props.stage)
    return () => (!stages || stages.reached.value >= props.stage ? slots.default?.() : null)
  },
})
