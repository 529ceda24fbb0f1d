import { ApiError } from './api.ts'

/**
 * Any failure as an `ApiError`, so every message can be shown in both languages: an `ApiError`
 * as it is, anything else (a thrown Error, a string) with its text in both.
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  const text = err instanceof Error ? err.message : String(err)
  return new ApiError(0, 'unknown', text, text)
}
