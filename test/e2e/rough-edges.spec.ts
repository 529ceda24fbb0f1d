import { people } from '@hall/demo-university'
import { counsellorOf, demo, expect, hallOrigin, loginOnIdp, submitLeave, test } from './fixtures.ts'

// Issue 14's rough edges, as a person meets them in the browser.

/** What a Beijing clock read at `iso`: `HH:mm`, worked out here, apart from the hall's code. */
const beijingClock = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso))

test('on a device set to London, the bell, the to-do list and the forms show Beijing time and say so', async ({ openAs }) => {
  test.slow()
  const student = demo.undergraduate()
  const counsellor = counsellorOf(student)!

  // The student, on a laptop still on London time: London is 7 or 8 hours behind Beijing, so a
  // time in the device's zone could not show the Beijing clock worked out below.
  const page = await openAs(student, '/my', { who: 'london', timezoneId: 'Europe/London' })
  const id = await submitLeave(page.request, 2)
  const detail = (await (await page.request.get(`/api/applications/${id}`)).json()) as { submittedAt: string }

  // Forms: the application's page.
  await page.goto(`/my/${id}`)
  // (The print record holds the same text, hidden on screen.)
  await expect(
    page
      .getByText(`${beijingClock(detail.submittedAt)} 北京时间`)
      .filter({ visible: true })
      .first(),
  ).toBeVisible()

  // The bell: the message of the submission, at its Beijing time.
  const notes = (await (await page.request.get('/api/notifications')).json()) as { items: Array<{ link: string | null; createdAt: string }> }
  const mine = notes.items.find((n) => n.link === `/my/${id}`)
  expect(mine, 'the student was told of the submission').toBeTruthy()
  await page
    .locator('header.hall-header-slot')
    .getByRole('button', { name: /消息提醒/ })
    .click()
  await expect(page.locator('time', { hasText: `${beijingClock(mine!.createdAt)} 北京时间` }).first()).toBeVisible()
  await page.context().close()

  // The to-do list of the counsellor, in English this time, on a London device too.
  const rp = await openAs(counsellor, '/todo', { who: 'london reviewer', locale: 'en-GB', timezoneId: 'Europe/London' })
  await rp.evaluate(() => localStorage.setItem('hall.lang', 'en'))
  const tasks = (await (await rp.request.get(`/api/tasks?box=todo&q=${id}`)).json()) as {
    items: Array<{ id: number; applicationId: number; createdAt: string }>
  }
  const task = tasks.items.find((x) => x.applicationId === id)
  expect(task, 'the counsellor has the task').toBeTruthy()
  await rp.goto(`/todo?q=${id}`)
  await expect(rp.locator('time', { hasText: `${beijingClock(task!.createdAt)} Beijing time` }).first()).toBeVisible()

  // Transfer: the confirmation names the colleague (name and card number), not a number alone.
  const colleague = people.find((p) => p.kind === 'staff' && p.cardNumber !== counsellor.cardNumber)!
  await rp.goto(`/todo/${task!.id}`)
  const panel = rp.locator('.action-panel')
  // Approve: the question names the applicant, not a card number alone.
  await panel.locator('.action-panel__submit').click()
  await expect(rp.getByRole('dialog')).toContainText(`${student.nameEn} (${student.cardNumber})`)
  await rp
    .getByRole('dialog')
    .getByRole('button', { name: /not yet/i })
    .click()
  await expect(rp.getByRole('dialog')).toHaveCount(0)

  // Transfer: no "choose a person" before anything was typed; it shows once the button is pressed.
  await panel.locator('.action-panel__choices').getByText('Transfer', { exact: true }).click()
  await expect(panel.locator('#action-person')).toBeVisible()
  await expect(panel.locator('.el-form-item__error')).toHaveCount(0)
  await panel.locator('.action-panel__submit').click()
  await expect(panel.locator('.el-form-item__error')).toHaveCount(1)
  // Add a signer likewise starts clean.
  await panel.locator('.action-panel__choices').getByText('Add a signer', { exact: true }).click()
  await expect(panel.locator('.el-form-item__error')).toHaveCount(0)
  await panel.locator('.action-panel__choices').getByText('Transfer', { exact: true }).click()
  const person = rp.locator('#action-person')
  await person.click()
  await rp.keyboard.type(colleague.cardNumber)
  await rp
    .getByRole('option', { name: new RegExp(colleague.cardNumber) })
    .first()
    .click()
  await rp.locator('.action-panel__submit').click()
  const dialog = rp.getByRole('dialog')
  await expect(dialog).toContainText(`${colleague.nameEn} (${colleague.cardNumber})`)
  await dialog.getByRole('button', { name: /cancel|not yet/i }).click()
  await rp.context().close()
})

test('a service owner publishes a question as a FAQ with its English text, and the service page shows it in English', async ({
  browser,
  consoleErrors,
  openAs,
}) => {
  test.slow()
  const student = people.find((p) => p.cardNumber === '2025020111')!
  const owner = people.find((p) => p.roles.some((r) => r.role === 'service-owner' && r.scope === 'housing'))!
  const tag = Date.now().toString(36)

  const studentPage = await openAs(student, '/feedback')
  const asked = await studentPage.request.post('/api/questions', {
    headers: { Origin: hallOrigin() },
    data: { serviceCode: 'dorm-change', title: `寒假可以留宿吗？${tag}`, body: '寒假期间想留在宿舍，需要办什么手续？' },
  })
  expect(asked.status(), await asked.text()).toBe(201)
  const { id } = (await asked.json()) as { id: number }
  await studentPage.context().close()

  const context = await browser.newContext({ baseURL: process.env.HALL_E2E_URL, locale: 'zh-CN' })
  const page = await context.newPage()
  page.on('pageerror', (err) => consoleErrors.push(`[owner] ${err.message}`))
  await page.goto(`/feedback/questions/${id}`)
  await loginOnIdp(page, owner)
  // A question is published once answered: the owner answers it first.
  await page.getByLabel('回复').fill('寒假留宿请在学期结束前两周向宿管中心登记。')
  await page.getByRole('button', { name: '发送' }).click()
  await page.getByRole('button', { name: '发布为常见问题' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByLabel('常见问题的答复')).toHaveValue('寒假留宿请在学期结束前两周向宿管中心登记。')
  // One half of the English pair alone cannot be published: the dialog says so before sending.
  await dialog.getByLabel('英文问题（选填）').fill(`Can I stay in my room over the winter break? ${tag}`)
  await expect(dialog.getByRole('alert')).toHaveText('英文问题和英文答复请同时填写，或都不填。')
  await expect(dialog.getByRole('button', { name: '发布为常见问题' })).toBeDisabled()
  await dialog.getByLabel('英文答复（选填）').fill('Yes: register with the housing office two weeks before the term ends.')
  await dialog.getByRole('button', { name: '发布为常见问题' }).click()
  await expect(page.getByText('已发布为常见问题')).toBeVisible()

  // Read in English, the service's guide shows the owners' English question.
  await page.getByRole('button', { name: '切换到英文 English' }).click()
  await page.goto('/catalog/services/dorm-change')
  await expect(page.getByText(`Can I stay in my room over the winter break? ${tag}`)).toBeVisible()
  await context.close()
})
