import { findPerson, type Person } from '@hall/demo-university'
import { expect, hallOrigin, submitLeave, test } from './fixtures.ts'

// Issue 14.2: the owner of 本科生请假 (吴俊, Student Affairs) changes the short name its reference
// numbers carry on the service's management page, by keyboard; a student's next leave carries it
// (2026-本科假-000123). The short name is put back at the end: other tests apply for leave too.

const SERVICE = 'undergrad-leave'
const owner = (): Person => findPerson('0015603')!
/**
 * A student no other browser test applies for leave with (a student has one leave in progress at
 * a time): 周可欣 applies only for the dormitory change, in swap-beds.spec. Picking by position in
 * the list of students collided with half-done-paths.spec's pick.
 */
const student = (): Person => findPerson('2025020112')!

test('an owner sets the short name of reference numbers; the next application carries it', async ({ openAs }) => {
  test.slow()
  const page = await openAs(owner(), `/catalog/manage/${SERVICE}`)
  await expect(page).toHaveURL(new RegExp(`/catalog/manage/${SERVICE}$`))
  const form = page.getByTestId('short-name')
  const input = form.getByRole('textbox', { name: '编号简称' })
  await expect(input).toHaveValue('请假')
  const before = (await input.inputValue()) || '请假'

  try {
    // What the API would refuse is said while typing, and cannot be saved.
    await input.fill('请-假')
    await expect(form.getByRole('alert')).toHaveText('简称只能包含汉字、英文字母（A–Z）和数字')
    await expect(form.getByRole('button', { name: '保存简称' })).toBeDisabled()
    await input.fill('本科生请假')
    await expect(form.getByRole('alert')).toHaveText('简称最多 4 个字')

    // A good one: the next number is shown as it will read; Enter saves it.
    await input.fill('本科假')
    await expect(form.getByTestId('short-name-example')).toContainText(/\d{4}-本科假-000123/)
    await input.press('Enter')
    await expect(page.getByText('编号简称已保存')).toBeVisible()
    await page.getByRole('tab', { name: '版本与记录' }).click()
    await expect(page.getByTestId('audit')).toContainText('将编号简称从“请假”改为“本科假”')
    // It fits a phone.
    await page.setViewportSize({ width: 375, height: 800 })
    await page.getByRole('tab', { name: '基本信息' }).click()
    await expect(form).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

    // The student's next leave carries it, on its page.
    const studentPage = await openAs(student(), '/catalog', { who: 'student' })
    const id = await submitLeave(studentPage.request, 1)
    await studentPage.goto(`/my/${id}`)
    await expect(studentPage.getByTestId('reference-number')).toHaveText(/^\d{4}-本科假-\d{6}$/)
    await studentPage.context().close()
  } finally {
    const restored = await page.request.put(`/api/admin/services/${SERVICE}/short-name`, { headers: { origin: hallOrigin() }, data: { shortName: before } })
    expect(restored.status()).toBe(200)
  }
})
