// The application timeline, a component: its own entry (`@hall/mf-kit/timeline`), so that the kit's
// main entry stays plain TypeScript, which test runners without the Vue plugin (the shell's, the
// parts' unit tests) can import.
export { default as ApplicationTimeline } from './ApplicationTimeline.vue'
export { durationText, type TimelineApplication, type TimelineEvent } from './timeline.ts'
