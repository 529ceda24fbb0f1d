/** Where the browser goes to log in, coming back to `returnTo` (a same-origin path) afterwards. */
export function loginUrl(returnTo: string = currentPath()): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`
}

/** The path, query and fragment of the current page: what a deep link must come back to. */
export function currentPath(): string {
  return window.location.pathname + window.location.search + window.location.hash
}

let redirecting = false

/**
 * Sends the browser through the unified login and back here. Several requests may find the session
 * gone at once; only the first navigates.
 */
export function redirectToLogin(returnTo?: string): void {
  if (redirecting) return
  redirecting = true
  window.location.assign(loginUrl(returnTo))
}
