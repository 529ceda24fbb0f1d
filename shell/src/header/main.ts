import { defineMicroFrontend } from '@hall/mf-kit'
import HallHeader from './HallHeader.vue'
import { messages } from './i18n/index.ts'

// The header is an application of the shell like the others (always active in the layout), with
// no router of its own: it navigates through the bus.
export const { bootstrap, mount, unmount } = defineMicroFrontend({ name: '@hall/shell-header', rootComponent: HallHeader, messages })
