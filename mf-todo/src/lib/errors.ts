import { ApiError } from '@hall/mf-kit'

/** Any failure as an `ApiError`, so every message can be shown in the user's language. */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  const text = err instanceof Error ? err.message : String(err)
  return new ApiError(0, 'unknown', text, text)
}
