import { ApiError } from '@hall/mf-kit'

/** Any failure as an `ApiError`, so every message can be shown in both languages. */
export function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err), String(err))
}
