// The props a host application hands to <HallForm> besides the definition and the values.
import type { AttachmentField, AttachmentRef, DepartmentField, PersonField } from '../definition.ts'
import type { SubmissionResult } from '../validate.ts'

/** Where a pre-filled value came from, and who can correct it (the API resolves this). */
export interface PrefillSource {
  systemZh: string
  systemEn: string
  departmentZh: string
  departmentEn: string
  /** The value in English where the platform has it: an English page shows it for a locked value. */
  valueEn?: string
  /** When this person reported the value wrong (报错), while the report is open: the field says so instead of offering 报错 again. */
  reportedAt?: string
}

/**
 * Uploads one file and resolves to its reference. The host (mf-forms) does the HTTP; the form
 * shows the progress it reports (0–100) and aborts through `signal` when the user cancels.
 */
export type Uploader = (file: File, ctx: { field: AttachmentField; onProgress: (percent: number) => void; signal: AbortSignal }) => Promise<AttachmentRef>

/** A file the user uploaded before, offered again for fields of the same `materialKind`. */
export interface MaterialFile extends AttachmentRef {
  materialKind: string
  uploadedAt?: string
}

export interface PickerOption {
  value: string
  label: string
}

/** Searches for the person and department pickers; without them the field is a plain input. */
export interface Pickers {
  person?: (query: string, field: PersonField) => Promise<PickerOption[]>
  department?: (query: string, field: DepartmentField) => Promise<PickerOption[]>
}

/** What a parent reaches through a template ref on <HallForm>. */
export interface HallFormExposed {
  /** Validates everything, shows every error at its field, and returns the result to submit. */
  validate: () => SubmissionResult
}
