// What every field component of one <HallForm> shares, provided once by the form.
import { inject, type InjectionKey } from 'vue'
import type { AttachmentRef, FormValues } from '../definition.ts'
import type { FormLang } from '../validate.ts'
import type { MaterialFile, Pickers, PrefillSource, Uploader } from './types.ts'

export interface HallFormContext {
  lang: FormLang
  /** Prefix for element ids, unique per form on the page. */
  idPrefix: string
  /**
   * The error shown at a path (`reason`, `items.1.amount`), in the form's language; with
   * `includeChildren`, also one about a part of it (`period.end`).
   */
  errorAt: (path: string, includeChildren: boolean) => string | undefined
  prefillSources: Record<string, PrefillSource>
  uploader?: Uploader
  materials: MaterialFile[]
  pickers: Pickers
  displayNames: Record<string, string>
  fileHref?: (file: AttachmentRef) => string | undefined
  /** The evaluated values (computed filled in), for conditions inside table rows. */
  values: FormValues
  /** Visible column keys per table and row. */
  rowVisible: Map<string, Array<Set<string>>>
  now?: Date | string
  reportError: (key: string) => void
  /** An attachment field's uploads in flight went up or down by `delta`: the form is not ready to submit until they end. */
  uploadsInFlight: (key: string, delta: number) => void
}

export const HALL_FORM: InjectionKey<HallFormContext> = Symbol('hall-form')

export function useHallForm(): HallFormContext {
  const ctx = inject(HALL_FORM)
  if (!ctx) throw new Error('A field of @hall/forms was rendered outside <HallForm>')
  return ctx
}

/** An id that is valid in HTML and stable for a path. */
export function fieldId(prefix: string, path: string, suffix = ''): string {
  return `${prefix}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}${suffix ? `-${suffix}` : ''}`
}
