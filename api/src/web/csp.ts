import { createHash, randomBytes } from 'node:crypto'
import type { Context } from 'hono'

// Content-Security-Policy for the pages the hall serves. Every page starts from PAGE_BASE
// (nothing allowed unless named; no <base>, no plugins, no framing, forms only to ourselves) and
// adds what it really uses: a per-response nonce for the inline scripts of pages built per request
// (the shell page), or the hash of the fixed inline style of small server-made pages. Responses
// that are not pages (JSON, files) get the app-wide default of app.ts: `default-src 'none'`.

/** A CSP: directive → sources. */
export type Directives = Record<string, readonly string[]>

export const PAGE_BASE: Directives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
}

/** 128 random bits, fresh for every response that uses it. */
export const newNonce = () => randomBytes(16).toString('base64')

/** The CSP source that allows exactly this inline script or style text. */
export const hashSource = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/** PAGE_BASE with `extra` on top (a directive in `extra` replaces the base's). */
export function pagePolicy(extra: Directives): string {
  return Object.entries({ ...PAGE_BASE, ...extra })
    .map(([name, sources]) => [name, ...new Set(sources)].join(' '))
    .join('; ')
}

/** A server-made page with no script: its inline `<style>` blocks allowed by their hashes. */
export function staticPagePolicy(styles: readonly string[], extra: Directives = {}): string {
  return pagePolicy({ 'style-src': styles.map(hashSource), 'img-src': ["'self'", 'data:'], ...extra })
}

/**
 * The origins of the absolute http(s) URLs among `urls`, other than `self` (relative URLs are
 * ours). Used for the micro-frontends that the import map may load from another origin (a CDN).
 */
export function originsOf(urls: Iterable<string>, self: string): string[] {
  const found = new Set<string>()
  for (const url of urls) {
    if (!/^https?:\/\//i.test(url)) continue
    try {
      const origin = new URL(url).origin
      if (origin !== self) found.add(origin)
    } catch {
      /* not a URL: the map never loads it either */
    }
  }
  return [...found].sort()
}

/** Sets the policy on this response (the app-wide default never overwrites it). */
// Only the header setter: any route's context fits, whatever its path and input types.
export function setPolicy(c: Pick<Context, 'header'>, policy: string): void {
  c.header('Content-Security-Policy', policy)
}

/**
 * The API reference page (/api/docs, Scalar): its two scripts by nonce. Styles keep
 * 'unsafe-inline' because Scalar's bundle writes its CSS as <style> elements and sets style
 * attributes at run time; its requests (the OpenAPI document, "try it") go to the hall only.
 */
export function apiDocsPolicy(nonce: string): string {
  return pagePolicy({
    'script-src': ["'self'", `'nonce-${nonce}'`],
    'style-src': ["'self'", "'unsafe-inline'"],
    'font-src': ["'self'", 'data:'],
    'img-src': ["'self'", 'data:', 'blob:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
  })
}
