import { api, unwrap } from '@hall/mf-kit'

/**
 * "This pre-filled value is wrong": `POST /api/data-errors`, which reaches the department owning
 * the value's source system. Resolves to that department, for the confirmation.
 */
export async function sendDataError(report: { serviceCode: string; fieldKey: string; path: string; note: string }) {
  const answer = await unwrap(api.api['data-errors'].$post({ json: report }))
  return answer.department
}
