import ExcelJS from 'exceljs'
import { expect } from 'vitest'
import type { Hall } from '../applications/test-support.ts'

// Test support for the feedback routes (not a test file).

/** Starts an export as `card`, waits for the job, downloads the file and opens it with exceljs. */
export async function finishedExport(h: Hall, card: string, body: Record<string, unknown>) {
  const started = await h.post(card, '/api/statistics/exports', body)
  expect(started.status, JSON.stringify(started.body)).toBe(202)
  let job = started.body
  // The job runs after the answer; wait for it (no timing is asserted).
  for (let i = 0; i < 500 && job.status === 'running'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10))
    job = (await h.get(card, `/api/statistics/exports/${job.id}`)).body
  }
  expect(job).toMatchObject({ status: 'done', fileUrl: `/api/statistics/exports/${job.id}/file` })
  expect(job.done).toBe(job.total)
  const res = await h.app.request(job.fileUrl, { headers: { cookie: await h.loginAs(card) } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('spreadsheetml')
  // Saved, never shown as a page of the hall (see lib/downloads.ts).
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="statistics-[^"]+\.xlsx"; filename\*=UTF-8''statistics-/)
  expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/)
  const bytes = await res.arrayBuffer()
  expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes)
  return { job, book }
}
