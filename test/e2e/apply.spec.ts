import type { Page } from '@playwright/test'
import { demo, expect, test } from './fixtures.ts'

// Issue 4's path, as an undergraduate walks it: 宿舍调整申请 opens with their dormitory pre-filled
// and its source named; what they type is kept as a draft across a reload; a file is attached; a
// double-clicked submit makes exactly one application; they land on its page and find it again
// under "my applications".

/** A real (tiny) PDF: the server types uploads by their content, not by their name. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

/** How many applications of a service the logged-in user has, asked of the API as the page would. */
async function applicationsOf(page: Page, serviceCode: string): Promise<number> {
  const res = await page.request.get('/api/applications?mine=1&pageSize=100')
  expect(res.ok(), await res.text()).toBe(true)
  const body = (await res.json()) as { items: Array<{ serviceCode: string }> }
  return body.items.filter((a) => a.serviceCode === serviceCode).length
}

test('dorm change: pre-filled with its source → draft survives a reload → double-clicked submit makes one application → its page → my applications', async ({
  openAs,
}) => {
  // A whole path with a login and four page loads: more than the default minute on a busy machine.
  test.slow()
  const student = demo.undergraduate()
  const page = await openAs(student, '/apply/dorm-change')
  await expect(page).toHaveURL(/\/apply\/dorm-change$/)

  const form = page.getByTestId('apply-form')
  await expect(page.getByRole('heading', { level: 1, name: '宿舍调整申请' })).toBeVisible()

  // 一表通: the dormitory comes from the housing system, read-only, with a way to report it wrong.
  const dormitory = form.locator('[data-field="dormitory"]')
  await expect(dormitory.locator('input')).not.toHaveValue('')
  await expect(dormitory.locator('input')).not.toBeEditable()
  await expect(dormitory.getByText(/^来自 .+ · .+/)).toBeVisible()
  await expect(dormitory.getByRole('button', { name: /报告“现住宿舍”数据有误/ })).toBeVisible()
  await expect(form.locator('[data-field="name"] input')).toHaveValue(student.name)

  const before = await applicationsOf(page, 'dorm-change')

  // Fill in what only the student knows.
  const reason = '同寝室作息差异较大，长期影响休息和学习，希望调整到空床位。'
  await form.getByText('调至空床位').click()
  await form.locator('[data-field="reasonType"]').getByText('身体原因').click()
  await form.locator('[data-field="reason"] textarea').fill(reason)
  // The medical certificate appears for health reasons; it uploads with a progress bar.
  const certificate = form.locator('[data-field="medicalCertificate"]')
  await certificate.locator('input[type="file"]').setInputFiles({ name: '诊断证明.pdf', mimeType: 'application/pdf', buffer: PDF })
  await expect(certificate.locator('.hall-attachment__file').filter({ hasText: '诊断证明.pdf' })).toBeVisible()
  await form.locator('[data-field="pledge"] .el-switch').click()

  // The draft is saved as the user types, and a reload brings it back.
  const indicator = page.getByTestId('draft-indicator')
  await expect(indicator).toContainText('已保存')
  const saved = page.waitForResponse((r) => r.url().includes('/api/drafts/dorm-change') && r.request().method() === 'PUT')
  await form.locator('[data-field="preferredBuilding"] input').fill('明湖苑5号楼')
  await saved
  await expect(indicator).toContainText('已保存')
  await page.reload()
  await expect(page.getByText(/已恢复您 .+ 保存的草稿/)).toBeVisible()
  await expect(form.locator('[data-field="reason"] textarea')).toHaveValue(reason)
  await expect(form.locator('[data-field="preferredBuilding"] input')).toHaveValue('明湖苑5号楼')
  await expect(form.locator('[data-field="medicalCertificate"]').getByText('诊断证明.pdf')).toBeVisible()
  await expect(dormitory.locator('input')).not.toHaveValue('')

  // A double click submits once: one POST, one application.
  const posts: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/applications') posts.push(r.headers()['idempotency-key'] ?? '')
  })
  await page.getByRole('button', { name: '提交申请' }).dblclick()
  await page.waitForURL(/\/my\/\d+\?submitted=1$/)
  const id = Number(new URL(page.url()).pathname.split('/').pop())
  expect(new Set(posts).size, 'one submit attempt, one Idempotency-Key').toBe(1)
  expect(await applicationsOf(page, 'dorm-change')).toBe(before + 1)

  // Its page: the status, the form as submitted, and the timeline's first step.
  await expect(page.getByRole('heading', { level: 1, name: '宿舍调整申请' })).toBeVisible()
  await expect(page.getByTestId('application-status')).toHaveText(/审核中|已提交/)
  await expect(page.getByText('申请已提交').first()).toBeVisible()
  const timeline = page.getByTestId('timeline')
  await expect(timeline.locator('[data-action="submitted"]').first()).toContainText('提交申请')
  await expect(timeline.locator('[data-action="submitted"]').first()).toContainText(student.name)
  await expect(page.getByTestId('current-step')).not.toBeEmpty()
  await expect(page.locator('[data-field="reason"]')).toContainText(reason)

  // The draft went with the submission: starting again is a fresh form.
  const draft = await page.request.get('/api/drafts/dorm-change')
  expect(draft.status()).toBe(404)

  // And it is in my applications.
  await page.getByRole('link', { name: '我的申请' }).first().click()
  await expect(page).toHaveURL(/\/my$/)
  const item = page.locator(`[data-application="${id}"]`)
  await expect(item).toContainText('宿舍调整申请')
  await expect(item.locator('.status-tag')).toHaveText(/审核中|已提交/)
})
