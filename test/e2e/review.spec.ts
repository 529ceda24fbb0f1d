import { randomUUID } from 'node:crypto'
import { findKlass, findPerson, people, type Person } from '@hall/demo-university'
import type { APIRequestContext } from '@playwright/test'
import { beijingDate, demo, expect, hallOrigin, test } from './fixtures.ts'

// Issue 5's reviewer path, as a counsellor walks it in mf-todo: an undergraduate's 2-day leave
// (arranged through the API in the student's own session) reaches their counsellor's 待办; the
// counsellor opens it, is stopped at the field when rejecting without an opinion, approves with a
// common phrase, and finds it under 已办; the student's application shows the step approved with
// that opinion. Two browser contexts, so the two sessions never mix.

/**
 * An enrolled undergraduate of a class with a counsellor, other than the one the other browser
 * tests use: a student may have one leave in progress at a time, and the tests share one hall.
 */
function aStudentWithACounsellor(): Person {
  const taken = demo.undergraduate().cardNumber
  const found = people.findLast(
    (p) =>
      p.kind === 'undergraduate' &&
      p.student?.status === 'enrolled' &&
      !p.unknownToDataPlatform &&
      p.cardNumber !== taken &&
      !!p.student.klassCode &&
      !!findKlass(p.student.klassCode),
  )
  if (!found) throw new Error('the demo university lacks a second undergraduate with a class')
  return found
}

/** The counsellor of the student's class, as the demo university's organisation names them. */
function counsellorOf(student: Person): Person {
  const klass = student.student?.klassCode ? findKlass(student.student.klassCode) : undefined
  const counsellor = klass && findPerson(klass.counsellorCardNumber)
  if (!counsellor) throw new Error(`the demo university gives ${student.cardNumber} no counsellor`)
  return counsellor
}

interface Field {
  key: string
  type: string
  required?: unknown
  computed?: unknown
  visibleWhen?: unknown
  format?: string
  minLength?: number
  options?: Array<{ value: string }>
  min?: unknown
}
interface FormDefinition {
  sections: Array<{ visibleWhen?: unknown; fields: Field[] }>
}

/**
 * Valid values for the leave form, read from its definition: the period is the 2 days asked for;
 * every other field that is always shown and required gets a plain value of its type (what the
 * data platform pre-filled is kept). Fields shown only on a condition stay hidden: the defaults
 * chosen (no campus exit, a personal leave of 2 days) do not show them.
 */
function leaveOfTwoDays(definition: FormDefinition, prefilled: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = { ...prefilled, period: { start: beijingDate(1), end: beijingDate(2) } }
  for (const section of definition.sections) {
    if (section.visibleWhen) continue
    for (const field of section.fields) {
      if (field.visibleWhen || field.computed || field.required !== true || values[field.key] !== undefined) continue
      values[field.key] = plainValue(field)
    }
  }
  return values
}

function plainValue(field: Field): unknown {
  switch (field.type) {
    case 'text':
      return field.format === 'mobile'
        ? '13800002101'
        : field.format === 'phone'
          ? '13800009999'
          : field.format === 'email'
            ? 'student@example.edu.cn'
            : '李建国'
    case 'textarea':
      return '回家处理家中事务，需请假两天。'.padEnd(field.minLength ?? 0, '。')
    case 'select':
      return field.options?.[0]?.value
    case 'multiSelect':
      return field.options?.slice(0, 1).map((o) => o.value)
    case 'switch':
      return true
    case 'number':
    case 'money':
      return typeof field.min === 'number' ? field.min : 1
    case 'date':
      return beijingDate(1)
    case 'time':
      return '09:00'
    default:
      throw new Error(`the leave form has a required field "${field.key}" of type ${field.type} this test cannot fill`)
  }
}

/** Submits a 2-day leave as the logged-in student; returns the application's id. */
async function applyForLeave(request: APIRequestContext): Promise<number> {
  const form = await request.get('/api/services/undergrad-leave/form')
  expect(form.status(), await form.text()).toBe(200)
  const body = (await form.json()) as { definition: FormDefinition; prefill: { values: Record<string, unknown> } }
  const values = leaveOfTwoDays(body.definition, body.prefill.values)
  const submitted = await request.post('/api/applications', {
    headers: { Origin: hallOrigin(), 'Idempotency-Key': randomUUID() },
    data: { serviceCode: 'undergrad-leave', values },
  })
  expect(submitted.status(), await submitted.text()).toBe(201)
  return ((await submitted.json()) as { id: number }).id
}

test('a counsellor approves a 2-day leave from 待办 with a common phrase; the student sees the opinion', async ({ openAs }) => {
  // Two people, each logging in through the IdP, and two micro-frontends: more than the default minute on a busy machine.
  test.slow()
  const student = aStudentWithACounsellor()
  const counsellor = counsellorOf(student)

  // Arrange: the student applies, through the API, in their own browser session.
  const studentPage = await openAs(student, '/my')
  const applicationId = await applyForLeave(studentPage.request)

  // The counsellor's 待办 lists it, and the tab and the header's badge show the count.
  const page = await openAs(counsellor, '/todo')
  await expect(page).toHaveURL(/\/todo$/)
  const counts = (await (await page.request.get('/api/tasks/counts')).json()) as { todo: number }
  expect(counts.todo).toBeGreaterThan(0)
  await expect(page.getByRole('tab', { name: `待办，${counts.todo} 项` })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: /待办/ })).toContainText(String(counts.todo))
  const row = page.getByRole('row').filter({ hasText: `申请编号 ${applicationId}` })
  await expect(row).toContainText(student.name)
  await expect(row).toContainText(student.cardNumber)

  // Open it: the application read-only and its history.
  await row.getByRole('link', { name: '本科生请销假' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`申请编号 ${applicationId}`)
  await expect(page.getByRole('region', { name: '申请内容' })).toContainText('回家处理家中事务')
  await expect(page.getByRole('region', { name: '办理过程' })).toContainText('提交申请')

  // Reject without an opinion: refused at the field, before anything is sent.
  const actions = page.getByRole('radiogroup', { name: '办理方式' })
  await actions.getByRole('radio', { name: '不同意' }).check({ force: true })
  await page.getByRole('button', { name: '不同意', exact: true }).click()
  await expect(page.getByText('退回和不同意必须填写审核意见')).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // Approve with a common phrase, one click away; confirm.
  await actions.getByRole('radio', { name: '同意', exact: true }).check({ force: true })
  await page.getByRole('button', { name: '使用常用意见：情况属实，同意' }).click()
  await expect(page.getByLabel('审核意见（选填）')).toHaveValue('情况属实，同意')
  await page.getByRole('button', { name: '同意', exact: true }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确认' }).click()

  // Back on the list with a message; the task is under 已办.
  await expect(page).toHaveURL(/\/todo$/)
  await expect(page.getByText('已同意', { exact: true })).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: `申请编号 ${applicationId}` })).toHaveCount(0)
  await page.getByRole('tab', { name: /^已办/ }).click()
  await expect(page).toHaveURL(/\/todo\?box=done$/)
  await expect(page.getByRole('row').filter({ hasText: `申请编号 ${applicationId}` })).toContainText('同意')

  // The student's application: the counsellor's step approved, with the opinion.
  const detail = await studentPage.request.get(`/api/applications/${applicationId}`)
  expect(detail.status()).toBe(200)
  const application = (await detail.json()) as {
    status: string
    timeline: Array<{ action: string; opinion: string | null; actor: { cardNumber: string } | null }>
    steps: Array<{ stepId: string; status: string }>
  }
  expect(application.steps.find((s) => s.stepId === 'counsellor')?.status).toBe('approved')
  expect(application.timeline).toContainEqual(
    expect.objectContaining({ action: 'approved', opinion: '情况属实，同意', actor: expect.objectContaining({ cardNumber: counsellor.cardNumber }) }),
  )
  // …and on their page of it (mf-forms), where the opinion is shown in its timeline.
  await studentPage.goto(`/my/${applicationId}`)
  await expect(studentPage.getByText('情况属实，同意').filter({ visible: true })).toHaveCount(1)

  await studentPage.context().close()
})
