// The public surface of @hall/forms: the form format, the one validation the API and the browser
// share (also alone as `@hall/forms/format`, for Node), and the renderer. Import only from here.
import './zod-jitless.ts'
export * from './format.ts'
export { default as HallForm } from './renderer/HallForm.vue'
export type { HallFormExposed, MaterialFile, PickerOption, Pickers, PrefillSource, Uploader } from './renderer/types.ts'
