import type { AppType } from '@hall/api'
import { hc } from 'hono/client'

// Where the hall is, and how to ask it. The script is served by the hall at
// <hall>/widgets/hall-widgets.js, so its own address names the hall; a site that copies the script
// elsewhere says where the hall is with `data-hall-url` on the script tag.

function findHallUrl(): string {
  const script = document.currentScript as HTMLScriptElement | null
  const configured = script?.dataset.hallUrl
  if (configured) return configured.replace(/\/$/, '')
  try {
    return new URL('../', script?.src || location.href).href.replace(/\/$/, '')
  } catch {
    return location.origin
  }
}

/** The hall's base URL (no trailing slash), fixed when the script runs. */
export const hallUrl = findHallUrl()

/**
 * The API's typed client (Hono RPC, the same contract the micro-frontends use). Requests go to
 * another origin: the hall answers them only for the origins in its HALL_WIDGET_ORIGINS.
 */
export const client = hc<AppType>(hallUrl)

/** A hall path as an absolute link for the department's page. */
export const hallLink = (path: string) => `${hallUrl}${path}`
