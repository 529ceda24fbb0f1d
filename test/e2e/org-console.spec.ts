import { demo, expect, test } from './fixtures.ts'

// The console's organisation areas (issue 12): an administrator uploads an organisation file; the
// dry run shows a refused row with its row number and reason and imports nothing; the run imports
// the rest; the imported person is then found under 人员与角色 with the role the file gave them.

test('an organisation import: dry run with a refused row, the run, then the person and their role', async ({ openAs }) => {
  // Card numbers of this run only: the demo hall is shared by the spec files.
  const suffix = String(Date.now()).slice(-5)
  const card = `77${suffix}`
  const csv = [
    'sheet,cardNumber,name,nameEn,kind,department,role,scope',
    `people,${card},测试员${suffix},Tester ${suffix},staff,housing,,`,
    `people,78${suffix},无部门,Nobody,staff,no-such-office,,`,
    `roles,${card},,,,,reviewer,housing`,
  ].join('\r\n')

  const page = await openAs(demo.admin(), '/catalog/admin/imports')
  await expect(page.getByRole('heading', { name: '组织导入', level: 2 })).toBeVisible()

  await page.getByLabel('选择文件（.xlsx 或 .csv）').setInputFiles({ name: 'org.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  await page.getByText('部分名单：只新增和修改').click()
  await page.getByTestId('import-dry-run').click()

  const report = page.getByTestId('import-report')
  await expect(report.getByRole('heading', { level: 3 })).toContainText('试导入（未导入）')
  await expect(report.getByTestId('import-counts')).toContainText('新增 2')
  const refused = report
    .getByTestId('import-refused')
    .getByRole('row')
    .filter({ hasText: `78${suffix}` })
  await expect(refused).toContainText('people')
  await expect(refused).toContainText('3')
  await expect(refused).toContainText('未知的部门“no-such-office”')

  // Nothing imported yet: the person is not there.
  await page.getByTestId('admin-tab-people').click()
  await page.getByRole('textbox', { name: '姓名或校园卡号' }).fill(card)
  await page.getByTestId('people-search-button').click()
  await expect(page.getByText('没有找到符合的人员')).toBeVisible()

  await page.getByTestId('admin-tab-imports').click()
  await page.getByLabel('选择文件（.xlsx 或 .csv）').setInputFiles({ name: 'org.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  await page.getByText('部分名单：只新增和修改').click()
  await page.getByTestId('import-dry-run').click()
  await expect(page.getByTestId('import-report').getByRole('heading', { level: 3 })).toContainText('试导入（未导入）')
  await page.getByTestId('import-run').click()
  await page.getByRole('dialog').getByRole('button', { name: '导入' }).click()
  await expect(page.getByTestId('import-report').getByRole('heading', { level: 3 })).toContainText('已导入')
  await expect(page.getByTestId('import-history').getByRole('row').filter({ hasText: '已导入' }).first()).toContainText('新增 2')

  await page.getByTestId('admin-tab-people').click()
  await page.getByRole('textbox', { name: '姓名或校园卡号' }).fill(card)
  await page.getByTestId('people-search-button').click()
  const person = page.getByTestId(`person-${card}`)
  await expect(person).toContainText(`测试员${suffix}`)
  await expect(person.getByTestId('role-reviewer-housing')).toContainText('审核人 · 后勤公寓管理中心')

  // On a phone (375 px) both areas fit the width: nothing needs a sideways scroll of the page.
  await page.setViewportSize({ width: 375, height: 740 })
  await expect(person).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await page.getByTestId('admin-tab-imports').click()
  await expect(page.getByTestId('import-dry-run')).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
})
