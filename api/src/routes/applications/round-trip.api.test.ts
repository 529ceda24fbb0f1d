import { departments, people } from '@hall/demo-university'
import { describe, expect, it } from 'vitest'
import { services } from '@hall/demo-university/templates'
import { sampleValues } from '../../demo/index.ts'
import type { FormDefinition } from '@hall/forms/format'
import { docxBytes, fileOf, jpegBytes, pdfBytes, pngBytes } from '../forms/test-support.ts'
import { hall, type Hall } from './test-support.ts'

// A submission round trip for every seeded service, over HTTP: the form with a person's
// pre-filled data, values a person could type (files uploaded first), submitted, and read back as
// stored. The one validation of @hall/forms accepts in the API what it accepts in the browser.

function sequence(seed: number) {
  let x = seed
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31
    return x / 2 ** 31
  }
}

async function upload(h: Hall, card: string, file: File) {
  const form = new FormData()
  form.set('file', file)
  const res = await h.app.request('/api/attachments', {
    method: 'POST',
    headers: { cookie: await h.loginAs(card), origin: h.deps.env.publicOrigin },
    body: form,
  })
  expect(res.status).toBe(201)
  const body = (await res.json()) as { id: string; name: string; size: number; mime: string }
  return { id: body.id, name: body.name, size: body.size, mime: body.mime }
}

describe('a submission round trip', () => {
  it.each(services.map((s) => [s.code, s.nameZh] as const))('%s (%s): submitted as filled in, stored as submitted', async (code) => {
    const h = await hall()
    const service = services.find((s) => s.code === code)!
    const candidates = people.filter((p) => !p.unknownToDataPlatform && (service.audience as string[]).includes(p.kind))
    const tried: string[] = []
    // Some services open only at a time of year (leaving school: within 6 months of graduating).
    for (const later of [0, 90]) {
      if (later) h.advance(later * 24 * 3_600_000)
      for (const person of candidates) {
        const form = await h.get(person.cardNumber, `/api/services/${code}/form`)
        expect(form.status).toBe(200)
        const definition = form.body.definition as FormDefinition
        const pdf = await upload(h, person.cardNumber, fileOf(pdfBytes(`${code} ${person.cardNumber}`), 'material.pdf'))
        const png = await upload(h, person.cardNumber, fileOf(pngBytes([7, 7, 7]), 'photo.png'))
        const jpeg = await upload(h, person.cardNumber, fileOf(jpegBytes(), 'photo.jpg'))
        const docx = await upload(h, person.cardNumber, fileOf(docxBytes(), 'contract.docx'))
        const files = [pdf, png, jpeg, docx]
        const locked = Object.fromEntries(
          Object.entries(form.body.prefill.values as Record<string, unknown>).filter(([k]) => form.body.prefill.sources[k]?.readOnly),
        )
        const values = sampleValues(definition, {
          prefilled: form.body.prefill.values,
          locked,
          random: sequence(code.length * 7919),
          now: h.deps.now(),
          directory: {
            staff: people.filter((p) => p.kind === 'staff' && !p.unknownToDataPlatform).map((p) => p.cardNumber),
            students: people.filter((p) => p.kind !== 'staff' && !p.unknownToDataPlatform).map((p) => p.cardNumber),
            departments: departments.map((d) => ({ code: d.code, kind: d.kind })),
            file: (field) => files.find((f) => field.accept.some((a) => a === f.mime || (a.endsWith('/*') && f.mime.startsWith(a.slice(0, -1)))))!,
          },
        })
        expect(values, `values for ${code}`).not.toBeNull()
        const res = await h.submit(person.cardNumber, code, values!)
        // Eligibility is the catalog's (a year, a window, one at a time): try the next person.
        if (res.status === 422 && res.body.error.code === 'not_eligible') {
          tried.push(`${person.cardNumber}: ${res.body.error.message}`)
          continue
        }
        expect(res.status, JSON.stringify(res.body)).toBe(201)
        const detail = await h.detail(person.cardNumber, res.body.id)
        expect(detail.status).toBe(200)
        expect(detail.body.values).toEqual(values)
        expect(detail.body.service.code).toBe(code)
        expect(detail.body.status).toBe('in_review')
        return
      }
    }
    expect.fail(`nobody of the demo university could apply for ${code}:\n${tried.join('\n')}`)
  })
})
