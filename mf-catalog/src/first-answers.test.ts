import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { FIRST_ANSWERS } from './first-answers.ts'
import { useCategoriesStore } from './stores/categories.ts'
import { useDepartmentsStore } from './stores/departments.ts'
import { useFavoritesStore } from './stores/favorites.ts'
import { useHomeStore } from './stores/home.ts'
import { useServicesStore } from './stores/services.ts'

// The page preloads FIRST_ANSWERS by URL: a store that asks with another parameter, order or page
// size would fetch its answer a second time and leave the preload unused. So the stores' first
// requests, made as the catalog page makes them on `/catalog`, must be exactly the declared ones.

const asked: string[] = []

beforeEach(() => {
  setActivePinia(createPinia())
  asked.length = 0
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    asked.push(url.pathname + url.search)
    const list = url.pathname === '/api/categories' || url.pathname === '/api/departments'
    return new Response(JSON.stringify(list ? [] : { items: [], total: 0 }), { headers: { 'content-type': 'application/json' } })
  })
})
afterEach(() => vi.unstubAllGlobals())

it('the catalog’s first requests are exactly the answers its page preloads', async () => {
  // What CatalogPage does when it mounts on /catalog without a query.
  await Promise.all([
    useServicesStore().load({ q: '', category: '', department: '', audience: 'mine', page: 1 }),
    useCategoriesStore().ensureLoaded(),
    useDepartmentsStore().ensureLoaded(),
    useFavoritesStore().load(),
    useHomeStore().load(),
  ])
  expect([...asked].sort()).toEqual([...FIRST_ANSWERS].sort())
})
