import { defineMicroFrontend } from '@hall/mf-kit'
import App from './App.vue'
import { messages } from './i18n/index.ts'
import { routes } from './routes.ts'

export const { bootstrap, mount, unmount } = defineMicroFrontend({ name: '@hall/mf-forms', rootComponent: App, routes, messages })
