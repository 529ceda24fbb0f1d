import { api, ApiError, type OkBody } from './api.ts'

/** The signed-in user, as `GET /api/me` answers. */
export type Me = OkBody<Awaited<ReturnType<typeof api.api.me.$get>>>

let cached: Promise<Me | null> | undefined

/**
 * The signed-in user, or `null` without a session. Asked once per page and shared by every caller
 * of this copy of mf-kit; `refresh` asks again. A failure is not cached.
 */
export function fetchMe({ refresh = false }: { refresh?: boolean } = {}): Promise<Me | null> {
  if (!cached || refresh) {
    cached = load().catch((err: unknown) => {
      cached = undefined
      throw err
    })
  }
  return cached
}

async function load(): Promise<Me | null> {
  const res = await api.api.me.$get()
  if (res.status === 401) return null
  if (!res.ok) throw await ApiError.from(res)
  return await res.json()
}

/** Whether the user reviews applications (any role but none): they see the to-do list. */
export function isReviewer(me: Pick<Me, 'roles'> | null | undefined): boolean {
  return (me?.roles ?? []).some((r) => r.role && r.role !== 'none')
}
