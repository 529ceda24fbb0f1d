import type { AttachmentRef, Uploader } from '@hall/forms'
import { redirectToLogin, type api, type Lang, type OkBody } from '@hall/mf-kit'

// The uploader <HallForm> is given: the form shows the progress bar and the error at its field;
// this does the HTTP. XMLHttpRequest rather than fetch, because only it reports upload progress in
// every browser the hall supports (fetch upload streams need HTTP/2 and Chromium).

export interface UploaderOptions {
  /** The service whose form field the file is for; empty for a file of no form (an answer's materials). */
  serviceCode: string
  /** The page's language now (errors are shown in it). */
  lang: () => Lang
  /** Words that are not the server's (a lost connection). */
  words: { network: () => string; failedStatus: (status: number) => string }
}

/** `POST /api/attachments`' answer: the stored file (201), or the hall's error body. */
type Stored = OkBody<Awaited<ReturnType<typeof api.api.attachments.$post>>>
interface ErrorBody {
  error?: { message?: string; messageZh?: string }
}

/** An upload the server refused, with its message in the user's language. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'UploadError'
  }
}

/** `POST /api/attachments` (multipart: file, materialKind, serviceCode, fieldKey) with progress. */
export function createUploader({ serviceCode, lang, words }: UploaderOptions): Uploader {
  return (file, { field, onProgress, signal }) =>
    new Promise<AttachmentRef>((resolve, reject) => {
      const body = new FormData()
      body.append('file', file, file.name)
      // Without a service the file is bound to no form field (an answer's materials): only the
      // hall's own limits apply.
      if (serviceCode) {
        body.append('serviceCode', serviceCode)
        body.append('fieldKey', field.key)
      }
      if (field.materialKind) body.append('materialKind', field.materialKind)

      const xhr = new XMLHttpRequest()
      xhr.open('POST', '/api/attachments')
      xhr.withCredentials = true
      xhr.responseType = 'json'
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress((event.loaded / event.total) * 100)
      }
      xhr.onload = () => {
        const answer = xhr.response as (Partial<Stored> & ErrorBody) | null
        if (xhr.status === 401) redirectToLogin()
        if (xhr.status >= 200 && xhr.status < 300 && answer?.id) {
          onProgress(100)
          const { id, name, size, mime } = answer as Stored
          resolve({ id, name, size, mime })
          return
        }
        const error = answer?.error
        const text = (lang() === 'en' ? error?.message : error?.messageZh) ?? words.failedStatus(xhr.status)
        reject(new UploadError(xhr.status, text))
      }
      xhr.onerror = () => reject(new UploadError(0, words.network()))
      xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'))
      if (signal.aborted) return reject(new DOMException('The upload was cancelled', 'AbortError'))
      signal.addEventListener('abort', () => xhr.abort(), { once: true })
      xhr.send(body)
    })
}
