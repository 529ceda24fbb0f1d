import type { FieldError } from '@hall/forms'
import { ApiError } from '@hall/mf-kit'

/** The hall's error body, as every route answers a failure (`{ error: { code, message, messageZh, fields? } }`). */
interface ErrorBody {
  error?: {
    code?: string
    message?: string
    messageZh?: string
    fields?: Array<{ path: string; message: unknown; messageZh?: string }>
  }
}

/**
 * Reads a failed answer: the error in both languages and the field errors, if the server named
 * any. A field message may be `{ zh, en }` (what `validateSubmission` gives) or one string (zod's).
 */
export async function readFailure(res: Response): Promise<{ error: ApiError; fields: FieldError[] }> {
  const body = (await res.json().catch(() => null)) as ErrorBody | null
  const e = body?.error
  const error = new ApiError(
    res.status,
    e?.code ?? `http_${res.status}`,
    e?.message ?? `The server answered ${res.status}`,
    e?.messageZh ?? `服务器返回 ${res.status}`,
  )
  const fields: FieldError[] = (e?.fields ?? []).map((f) => {
    const m = f.message
    if (m && typeof m === 'object' && 'zh' in m && 'en' in m) return { path: f.path, message: m as FieldError['message'] }
    const text = typeof m === 'string' ? m : String(m)
    return { path: f.path, message: { zh: f.messageZh ?? text, en: text } }
  })
  return { error, fields }
}

/** Whether a failure was the network (no answer at all): the same request may be sent again. */
export function isNetworkFailure(err: unknown): boolean {
  return err instanceof ApiError ? err.status === 0 : err instanceof TypeError
}
