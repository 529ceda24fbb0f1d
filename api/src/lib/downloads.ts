// The headers of every file the hall hands out (uploaded attachments, exports). A file is the
// uploader's content, not the hall's: opened in the browser it must never run as one of the
// hall's pages, so it is sandboxed (an opaque origin: no cookies, no storage, no scripts) and its
// declared type is final (nosniff). It is saved, not shown, unless a page asked to preview it.

/**
 * `filename*` (RFC 5987/6266) carries the real name in UTF-8; `filename` an ASCII stand-in for old
 * clients. Quotes, backslashes and anything outside printable ASCII never reach the quoted form.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/**
 * `sandbox` alone would still let a previewed file load anything: nothing may load but the file's
 * own images, and the browser's image and PDF viewers style their document inline.
 */
export const FILE_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'"

/** The headers for a file named `name`, saved (`attachment`) or deliberately previewed (`inline`). */
export function fileHeaders(kind: 'inline' | 'attachment', name: string): Record<string, string> {
  return {
    'Content-Disposition': contentDisposition(kind, name),
    'Content-Security-Policy': FILE_POLICY,
    'X-Content-Type-Options': 'nosniff',
  }
}
