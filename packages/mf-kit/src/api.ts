import type { AppType } from '@hall/api'
import { hc, type ClientResponse } from 'hono/client'
import type { ResponseFormat } from 'hono/types'
import type { SuccessStatusCode } from 'hono/utils/http-status'
import { redirectToLogin } from './auth.ts'
import type { Lang } from './lang.ts'

// The API's route types are the contract (DESIGN rule 1): this client is typed by them and imports
// nothing of the API at run time (`import type` above is erased).

/** Same-origin fetch that sends the session cookie and sends the user to log in when it ended. */
const hallFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, { credentials: 'same-origin', ...init })
  if (res.status === 401) redirectToLogin()
  return res
}

const origin = typeof window === 'undefined' ? 'http://localhost' : window.location.origin

/** The typed client of the hall's API (Hono RPC): `api.api.services.$get({ query })`. */
export const api = hc<AppType>(origin, { fetch: hallFetch, init: { credentials: 'same-origin' } })

/** The body of the successful answers of a client call (`200`, `201`, ...). */
export type OkBody<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? T : never) : never

/** An answer of the API that was not a success, with its message in both languages. */
/** One wrong input of a 400/422 (`fields` of the API's error shape): where, and why. */
export interface ApiFieldError {
  /** The input's path: a form field (`period.end`) or a request field (`to`). */
  path: string
  message: string
  /** Absent when the API had only one language for it (a schema check). */
  messageZh?: string
}

const isFieldError = (f: unknown): f is ApiFieldError =>
  !!f && typeof f === 'object' && typeof (f as ApiFieldError).path === 'string' && typeof (f as ApiFieldError).message === 'string'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageZh: string,
    /** The inputs the API named as wrong, so that a form can show each at its field. */
    readonly fields: readonly ApiFieldError[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** The message in the user's language. */
  text(lang: Lang): string {
    return lang === 'en' ? this.message : this.messageZh
  }

  /** What is wrong with the input at `path`, in the user's language, or undefined. */
  fieldText(path: string, lang: Lang): string | undefined {
    const f = this.fields.find((x) => x.path === path)
    if (!f) return undefined
    return lang === 'en' ? f.message : (f.messageZh ?? f.message)
  }

  static async from(res: Response): Promise<ApiError> {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; messageZh?: string; fields?: unknown } } | null
    const error = body?.error
    return new ApiError(
      res.status,
      error?.code ?? `http_${res.status}`,
      error?.message ?? `The server answered ${res.status} ${res.statusText}`.trim(),
      error?.messageZh ?? `服务器返回 ${res.status}`,
      Array.isArray(error?.fields) ? error.fields.filter(isFieldError) : [],
    )
  }
}

/**
 * Awaits a client call and returns its JSON body when it succeeded, typed from the route; throws
 * an `ApiError` otherwise (a network failure is one too, with status 0).
 */
export async function unwrap<R extends ClientResponse<unknown, number, ResponseFormat>>(call: Promise<R> | R): Promise<OkBody<R>> {
  let res: R
  try {
    res = await call
  } catch (err) {
    throw new ApiError(0, 'network', `The hall could not be reached (${String(err)})`, '无法连接到办事大厅，请检查网络后重试')
  }
  if (!res.ok) throw await ApiError.from(res)
  return (await res.json()) as OkBody<R>
}

/**
 * Where an attached file opens. Images open in the browser (`disposition=inline`, sandboxed by
 * the API like every file); anything else is saved: a PDF too, since Chromium refuses to run its
 * PDF viewer in a sandboxed document and would show a blocked page instead.
 */
export function attachmentHref(file: { id: string; mime?: string | null }): string {
  const preview = !!file.mime && /^image\/(jpeg|png|webp)$/.test(file.mime)
  return api.api.attachments[':id']
    .$url({ param: { id: file.id }, query: preview ? { disposition: 'inline' } : {} })
    .toString()
    .replace(origin, '')
}
