// The public surface of @hall/mf-kit: everything a micro-frontend (or the shell's header) needs to
// start. Import only from here.

export { api, ApiError, attachmentHref, unwrap, type ApiFieldError, type OkBody } from './api.ts'
export { currentPath, loginUrl, redirectToLogin } from './auth.ts'
export { bus, useBus, type HallEventHandler, type HallEventName, type HallEvents } from './bus.ts'
export {
  defineMicroFrontend,
  type LifecycleProps,
  type MicroFrontendLifecycles,
  type MicroFrontendMessages,
  type MicroFrontendOptions,
} from './define-micro-frontend.ts'
export {
  applyLangToDocument,
  browserLang,
  DEFAULT_LANG,
  getLang,
  isLang,
  LANG_STORAGE_KEY,
  LANGS,
  onLangChange,
  otherLang,
  setLang,
  storedLang,
  useLang,
  type Lang,
} from './lang.ts'
export { HallLater, nextTask, useFirstMountData } from './staged.ts'
export { useMediaQuery } from './media.ts'
export { HallJumpLink, HallLoadError, HallNotFound, useBilingual } from './components.ts'
export { fetchMe, isReviewer, type Me } from './me.ts'
export { HallLink, navigate } from './navigate.ts'
export { runStandalone } from './standalone.ts'
export { usePagedList, type Page, type PagedList } from './paged-list.ts'
export { actingFor, rowStateLabels, type PersonName, type RowStateLabel, type RowStateLike } from './row-state.ts'
export { deviceDiffersFromBeijing, formatClock, formatDate, formatDateTime, formatMonth, formatShortDateTime, HALL_TIME_ZONE, useDates } from './dates.ts'
export { toApiError } from './errors.ts'
export { APPLICATION_STATUSES, eventTone, isApplicationStatus, statusTone, type ApplicationStatus, type Tone } from './statuses.ts'
export { formatPerson, personNames } from './people.ts'
export { focusPageHeading, usePageTitle } from './page.ts'
export { useAutocompleteActiveDescendant, type AutocompleteLike } from './aria.ts'
export { default as ApplicationTimeline } from './timeline/ApplicationTimeline.vue'
export { durationText, type TimelineApplication, type TimelineEvent } from './timeline/timeline.ts'
