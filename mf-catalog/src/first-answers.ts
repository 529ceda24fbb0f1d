/**
 * What the catalog asks the API for as soon as it renders `/` or `/catalog` without a query: its
 * first page of services, the filters and the home's short lists. The build writes them into
 * `preload.json`, and the page preloads them (`<link rel="preload" as="fetch">`), so they load with
 * the modules rather than after them (docs/decisions/018-the-first-answers-with-the-page.md).
 * Written exactly as the stores request them (`first-answers.test.ts` checks it): a URL that
 * differs by a parameter is fetched twice.
 */
export const FIRST_ANSWERS: readonly string[] = [
  '/api/services?audience=mine&page=1&pageSize=12',
  '/api/categories',
  '/api/departments',
  '/api/me/favorites',
  '/api/me/recent?limit=6',
  '/api/services/popular?days=30&limit=6',
]
