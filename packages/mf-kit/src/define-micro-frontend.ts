// The compiler's browser build has no types of its own: the parts that compile this file need its declaration too.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module's declaration is no module to import
/// <reference path="./message-compiler.d.ts" />
import ElementPlus, { ElConfigProvider } from 'element-plus'
import en from 'element-plus/es/locale/lang/en'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import { createPinia } from 'pinia'
import singleSpaVue from 'single-spa-vue'
import { createApp, h, ref, type App, type Component, type Ref } from 'vue'
import { createI18n, type I18n as VueI18n } from 'vue-i18n'
import { createRouter, createWebHistory, type Router, type RouteRecordRaw } from 'vue-router'
import { DEFAULT_LANG, getLang, onLangChange, type Lang } from './lang.ts'
import { kitMessages } from './messages.ts'
import { createStages, nextTask, provideStages, type Stages } from './staged.ts'

/** The props single-spa passes to a lifecycle (the shell adds `domElement`, where to mount). */
export interface LifecycleProps {
  name: string
  domElement?: HTMLElement
  /** The shell keeps the app out of sight until its mount ends: render the first mount in stages (staged.ts). */
  staged?: boolean
  [key: string]: unknown
}

/** What a micro-frontend's `src/main.ts` exports, and nothing else. */
// Function-valued properties, not methods: each main.ts exports them destructured
// (`export const { bootstrap, mount, unmount } = ...`) and single-spa calls them without `this`.
export interface MicroFrontendLifecycles {
  bootstrap: (props: LifecycleProps) => Promise<unknown>
  mount: (props: LifecycleProps) => Promise<unknown>
  unmount: (props: LifecycleProps) => Promise<unknown>
}

/** A micro-frontend's messages: the same keys in both languages (type the English as the Chinese). */
export type MicroFrontendMessages<M extends object = Record<string, unknown>> = Record<Lang, M>

export interface MicroFrontendOptions<M extends object> {
  /** `@hall/<folder>`: the same name as the package, the import-map key and the shell's app. */
  name: string
  rootComponent: Component
  /** Absolute paths of the page (`/my`, `/apply/:code`); omit for an app without routes. */
  routes?: RouteRecordRaw[]
  messages: MicroFrontendMessages<M>
}

const elementLocales = { 'zh-CN': zhCn, en } as const

type MessageTree = Record<string, unknown>

/** An AST of vue-i18n's compiler (what vue-i18n's own `isMessageAST` checks), long or minified. */
const isMessageAst = (v: object) => ('t' in v && v.t === 0 && 'b' in v) || ('type' in v && v.type === 0 && 'body' in v)

/** True when a tree of messages still holds strings. */
function hasStrings(tree: unknown): boolean {
  if (typeof tree === 'string') return true
  if (Array.isArray(tree)) return tree.some(hasStrings)
  return typeof tree === 'object' && tree !== null && !isMessageAst(tree) && Object.values(tree).some(hasStrings)
}

/**
 * The messages as vue-i18n's runtime takes them. Builds compile their messages to ASTs and the
 * vendor's vue-i18n has no compiler (docs/decisions/020), so a string would show as written ("共 {n}
 * 项"). A part built before that (still registered, or deployed later from an older build) has
 * strings: they are compiled here, with the compiler loaded for it alone from a chunk of its own.
 */
async function runtimeMessages<T>(tree: T): Promise<T> {
  if (!hasStrings(tree)) return tree
  // The self-contained browser build, not the package's main file: vue-i18n's chunk imports that
  // one (and sheds its compiler only while nothing else loads it whole).
  const { baseCompile } = await import('@intlify/message-compiler/dist/message-compiler.esm-browser.prod.js')
  const compile = (v: unknown): unknown => {
    if (typeof v === 'string') return baseCompile(v, { jit: true, location: false }).ast
    if (Array.isArray(v)) return v.map(compile)
    if (typeof v === 'object' && v !== null && !isMessageAst(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compile(x)]))
    return v
  }
  return compile(tree) as T
}

/** The composition-mode i18n instance of a mount (its messages are the app's own). */
type I18n = VueI18n<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, string, false>

/**
 * Turns a Vue root component into single-spa lifecycles. Every mount builds a fresh app: Vue
 * app, pinia, router (web history) and i18n, element-plus in an `ElConfigProvider` with the
 * page's language, so a remount starts clean and nothing leaks between mounts. All mounted apps
 * follow `hall:lang` live. A render error during the first mount fails the mount, so the shell can
 * show it in the app's own area instead of a blank space.
 */
interface MountState {
  lang: Ref<Lang>
  i18n: I18n
  router?: Router
  /** Errors Vue reported while the first render ran: they fail the mount. */
  mountErrors: unknown[]
  mounting: boolean
  /** The first mount's stages (`HallLater`): the mount ends when the last one has rendered. */
  stages: Stages
  /** Undone at unmount, or when the mount fails half way. */
  cleanups: (() => void)[]
}

export function defineMicroFrontend<M extends object>(options: MicroFrontendOptions<M>): MicroFrontendLifecycles {
  const { name, rootComponent, routes } = options
  // appOptions and handleInstance run one after the other within one mount, and single-spa never
  // mounts the same app twice at once, so the state of the mount under way can live here.
  let current: MountState | undefined
  /** Whether the mount under way renders in stages (set by mount, read by appOptions). */
  let staging = false

  // Both languages' messages, merged with the kit's and ready for the runtime, once per page.
  let messages: Promise<Record<Lang, MessageTree>> | undefined
  const cleanUp = (state: MountState) => {
    for (const undo of state.cleanups.splice(0)) undo()
  }

  const lifecycles = singleSpaVue({
    createApp,
    // single-spa-vue 3 needs a Promise here when appOptions is a function.
    appOptions: async () => {
      messages ??= runtimeMessages({
        'zh-CN': { ...kitMessages['zh-CN'], ...options.messages['zh-CN'] },
        en: { ...kitMessages.en, ...options.messages.en },
      })
      const lang = ref<Lang>(getLang())
      const i18n = createI18n({
        legacy: false,
        locale: lang.value,
        fallbackLocale: DEFAULT_LANG,
        // ASTs and strings alike: the runtime formats both (the type names strings only).
        messages: { ...(await messages) } as never,
      }) as unknown as I18n
      // A new page starts at its top, Back returns to where the reader was, #anchors scroll to themselves.
      const router = routes
        ? createRouter({
            history: createWebHistory(),
            routes,
            scrollBehavior: (to, from, saved) => saved ?? (to.hash ? { el: to.hash } : to.path !== from.path ? { top: 0 } : false),
          })
        : undefined
      const stages = createStages()
      if (!staging) stages.finish()
      current = { lang, i18n, router, mountErrors: [], mounting: true, stages, cleanups: [] }
      return {
        render: () => h(ElConfigProvider, { locale: elementLocales[lang.value] }, () => h('div', { class: 'hall-mf', 'data-mf': name }, [h(rootComponent)])),
      }
    },
    handleInstance: async (app: App) => {
      const state = current!
      // useId() counts per app: without a prefix of its own, the header's search box and a page's
      // first field would both be "v-0" and a <label for> could name another app's element.
      app.config.idPrefix = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')
      app.config.errorHandler = (err, _instance, info) => {
        if (state.mounting) state.mountErrors.push(err)
        console.error(`[${name}] ${info}:`, err)
      }
      provideStages(app, state.stages)
      app.use(createPinia())
      app.use(state.i18n)
      app.use(ElementPlus)
      state.cleanups.push(
        onLangChange((next) => {
          state.lang.value = next
          state.i18n.global.locale.value = next
        }),
      )
      // vue-router leaves the history's own popstate listener behind when its app unmounts.
      if (state.router) state.cleanups.push(() => state.router!.options.history.destroy())
      app.onUnmount(() => cleanUp(state))
      if (state.router) {
        app.use(state.router)
        await state.router.isReady()
      }
      // A staged mount renders in a task after the app and its plugins were made (the shell's
      // guard already put the module's evaluation in a task before them).
      if (staging) await nextTask()
    },
  })

  return {
    bootstrap: (props) => lifecycles.bootstrap(props),
    async mount(props) {
      let result: unknown
      try {
        // In stages only where the shell keeps the app out of sight until mounted (behind the
        // server's first view, or the header): a page in sight is built at once.
        staging = props.staged === true
        result = await lifecycles.mount(props)
        await current!.stages.settled()
      } catch (err) {
        if (current) cleanUp(current)
        throw err
      } finally {
        current?.stages.finish()
      }
      const state = current!
      state.mounting = false
      if (state.mountErrors.length) {
        await lifecycles.unmount(props).catch(() => undefined)
        throw state.mountErrors[0]
      }
      return result
    },
    unmount: (props) => lifecycles.unmount(props),
  }
}
