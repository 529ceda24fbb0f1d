import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from '@playwright/test'
import { startHall } from '@hall/cli'
import { createDatabase } from '../../api/src/db/pg-server.ts'
import { sharedSecrets } from '../test-support.ts'
import { expect, test } from './fixtures.ts'

// Issue #12's "Done when": a university goes live. A production start (NODE_ENV=production, no
// demo, the development IdP standing in for the university's IdP and known only by its metadata,
// every part deployed through the registry) lists 0 services and knows nobody. The administrator
// named by HALL_ADMINS imports the organisation spreadsheet in the admin console; the housing
// office adopts the 宿舍调整申请 template and publishes it; a student of the spreadsheet applies
// with her dormitory pre-filled; the counsellor, the college's deputy secretary and the housing
// reviewer the import named approve it in 待办, in order; she sees it completed.
//
// A spreadsheet carries no dormitory nor student status (dorm-change's eligibility and pre-fill
// need both): in a real university they come from its data platform. So the hall runs with
// HALL_DATA_PLATFORM=http, and this spec plays the university's data platform on a port of its
// own, answering `GET /people/{card}` in the documented format (README "Plugging in the
// university's data platform") for the two students, and 404 for everyone else (staff need no
// pre-filled values here).
//
// This hall is the spec's own (its own data folder and ports): the shared demo hall of the other
// specs is not touched.

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const SPREADSHEET = path.join(fixtures, 'small-university.xlsx')

const admin = '9100005'
const owner = '9100004'
const counsellor = { card: '9100001', name: '陈静' }
const deputy = { card: '9100002', name: '郑国栋' }
const housingReviewer = { card: '9100003', name: '冯晓' }
const student = { card: '2026910001', name: '林小雨' }
const DORMITORY = '理学苑2号楼 305室 1号床'

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createNetServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })

const systems = {
  'academic-system': {
    nameZh: '教务系统',
    nameEn: 'Academic records system',
    department: { code: 'academic-affairs', nameZh: '教务处', nameEn: 'Academic Affairs Office' },
  },
  'identity-card': {
    nameZh: '统一身份认证/一卡通',
    nameEn: 'Unified login and campus card',
    department: { code: 'it-office', nameZh: '信息化办公室', nameEn: 'IT Office' },
    authoritative: false,
  },
  'housing-system': {
    nameZh: '公寓管理系统',
    nameEn: 'Student housing system',
    department: { code: 'housing', nameZh: '后勤公寓管理中心', nameEn: 'Student Housing Centre' },
  },
}

/** The university's records of its two students, as its data platform sends them. */
function studentRecord(cardNumber: string, name: string, gender: 'male' | 'female', phone: string, dormitory: string) {
  return {
    cardNumber,
    kind: 'undergraduate',
    values: {
      name: { value: name, system: 'academic-system' },
      cardNumber: { value: cardNumber, system: 'academic-system' },
      gender: { value: gender, system: 'academic-system' },
      departmentNameZh: { value: '理学院', system: 'academic-system' },
      'student.majorZh': { value: '物理学', system: 'academic-system' },
      'student.klassNameZh': { value: '理学2026级1班', system: 'academic-system' },
      'student.counsellorName': { value: counsellor.name, system: 'academic-system' },
      'student.adviserName': { value: counsellor.name, system: 'academic-system' },
      'student.status': { value: 'enrolled', system: 'academic-system' },
      'student.expectedGraduationYear': { value: 2030, system: 'academic-system' },
      phone: { value: phone, system: 'identity-card' },
      'student.dormitory.label': { value: dormitory, system: 'housing-system' },
    },
    systems,
  }
}
const records: Record<string, unknown> = {
  [student.card]: studentRecord(student.card, student.name, 'female', '13800001001', DORMITORY),
  '2026910002': studentRecord('2026910002', '许明', 'male', '13800001002', '理学苑2号楼 306室 2号床'),
}

/** The university's data platform: one question, `GET /people/{card}`. */
function startDataPlatform(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const match = /^\/people\/([^/?]+)$/.exec(req.url ?? '')
    const record = match && req.method === 'GET' ? records[decodeURIComponent(match[1]!)] : undefined
    if (!record) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}')
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(record))
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}

let hall: Awaited<ReturnType<typeof startHall>>
let platform: Server
let dataDir: string

test.describe.configure({ mode: 'serial' })

test.describe('going live', () => {
  test.beforeAll(async () => {
    test.setTimeout(180_000)
    dataDir = mkdtempSync(path.join(tmpdir(), 'hall-going-live-'))
    const platformPort = await freePort()
    platform = await startDataPlatform(platformPort)
    const [port, idpPort] = [await freePort(), await freePort()]
    // On the PostgreSQL run, this hall too: an empty database of its own on the run's server, and
    // the secrets that production on PostgreSQL must be given rather than make (env.ts).
    const adminUrl = process.env.HALL_E2E_PG_ADMIN_URL
    const database = adminUrl ? { HALL_DATABASE_URL: await createDatabase(adminUrl, null), ...(await sharedSecrets(dataDir)) } : {}
    hall = await startHall({
      production: true,
      port,
      idpPort,
      dataDir,
      quiet: true,
      env: {
        HALL_LOG_LEVEL: 'warn',
        HALL_ADMINS: admin,
        // The stand-in IdP logs in the people of the spreadsheet (reaches it: startHall gives the IdP the same environment).
        DEV_IDP_ACCOUNTS_FILE: SPREADSHEET,
        HALL_DATA_PLATFORM: 'http',
        HALL_DATA_PLATFORM_URL: `http://127.0.0.1:${platformPort}`,
        ...database,
      },
    })
  })

  test.afterAll(async () => {
    await hall?.stop()
    await new Promise((resolve) => (platform ? platform.close(resolve) : resolve(undefined)))
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  /** A page of this hall in a browser context of its own (one person's session); its console errors fail the test. */
  async function sessionOf(browser: Browser, consoleErrors: string[], who: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: hall.url, locale: 'zh-CN', viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    page.setDefaultTimeout(20_000)
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`[${who}] ${msg.text()} ${msg.location().url}`.trim())
    })
    page.on('pageerror', (err) => consoleErrors.push(`[${who}] ${err.message}`))
    return page
  }

  /** Opens `url` and logs in on this hall's IdP as `card`. */
  async function login(page: Page, url: string, card: string) {
    await page.goto(url)
    await expect(page).toHaveURL(new RegExp(`^${hall.idpUrl}/sso`))
    await page.getByRole('button', { name: new RegExp(card) }).click()
    await page.waitForURL((u) => u.origin === new URL(hall.url).origin)
  }

  async function approveInTodo(page: Page, applicationId: number, opinion: string) {
    await page.goto('/todo')
    const row = page.getByRole('row').filter({ hasText: `申请编号 ${applicationId}` })
    await row.getByRole('link', { name: '宿舍调整申请' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`申请编号 ${applicationId}`)
    const actions = page.getByRole('radiogroup', { name: '办理方式' })
    await actions.getByRole('radio', { name: '同意', exact: true }).check({ force: true })
    await page.getByLabel('审核意见（选填）').fill(opinion)
    await page.getByRole('button', { name: '同意', exact: true }).click()
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click()
    await expect(page).toHaveURL(/\/todo$/)
    await expect(page.getByRole('row').filter({ hasText: `申请编号 ${applicationId}` })).toHaveCount(0)
  }

  test('a production start: 0 services and nobody; import, adoption, a student applies, the named reviewers approve', async ({ browser, consoleErrors }) => {
    test.setTimeout(300_000)

    // 1. Before anything: the administrator of HALL_ADMINS finds no service and nobody.
    const adminPage = await sessionOf(browser, consoleErrors, 'admin')
    await login(adminPage, '/catalog', admin)
    const services = (await (await adminPage.request.get('/api/services?audience=all')).json()) as { total: number }
    expect(services.total).toBe(0)
    await expect(adminPage.locator('a[href*="/catalog/services/"]')).toHaveCount(0)
    await adminPage.goto('/catalog/admin/people')
    await adminPage.getByTestId('people-search-button').click()
    await expect(adminPage.getByText('没有找到符合的人员')).toBeVisible()
    const nobody = (await (await adminPage.request.get('/api/admin/people?q=')).json()) as { total: number }
    expect(nobody.total).toBe(0)

    // 2. The spreadsheet, in 系统管理 → 导入: a dry run adds and refuses nothing; then the run.
    await adminPage.getByTestId('admin-tab-imports').click()
    await expect(adminPage.getByRole('heading', { name: '组织导入', level: 2 })).toBeVisible()
    await adminPage.getByLabel('选择文件（.xlsx 或 .csv）').setInputFiles(SPREADSHEET)
    await adminPage.getByTestId('import-dry-run').click()
    const report = adminPage.getByTestId('import-report')
    await expect(report.getByRole('heading', { level: 3 })).toContainText('试导入（未导入）')
    await expect(report.getByTestId('import-counts')).toHaveText(/新增 [1-9]\d* · 修改 0 · 移除 0 · 拒绝 0/)
    await expect(report.getByTestId('import-refused')).toHaveCount(0)
    expect(((await (await adminPage.request.get('/api/admin/people?q=')).json()) as { total: number }).total, 'a dry run imports nothing').toBe(0)
    await adminPage.getByTestId('import-run').click()
    await adminPage.getByRole('dialog').getByRole('button', { name: '导入' }).click()
    await expect(report.getByRole('heading', { level: 3 })).toContainText('已导入')
    await adminPage.getByTestId('admin-tab-people').click()
    await adminPage.getByRole('textbox', { name: '姓名或校园卡号' }).fill(housingReviewer.card)
    await adminPage.getByTestId('people-search-button').click()
    await expect(adminPage.getByTestId(`person-${housingReviewer.card}`).getByTestId('role-reviewer-housing')).toContainText('审核人 · 后勤公寓管理中心')
    await adminPage.context().close()

    // 3. 何文远, owner of housing, adopts the 宿舍调整申请 template, checks it and publishes it.
    const ownerPage = await sessionOf(browser, consoleErrors, 'owner')
    await login(ownerPage, '/catalog/manage', owner)
    await expect(ownerPage.getByRole('heading', { level: 1, name: '管理服务' })).toBeVisible()
    await ownerPage.getByTestId('from-template').click()
    const picker = ownerPage.getByRole('dialog', { name: '从模板新建服务' })
    await picker.getByRole('textbox', { name: '按名称搜索模板' }).fill('宿舍调整')
    await picker.locator('[data-template="dorm-change"]').getByRole('button', { name: '选用' }).click()
    await picker.getByTestId('template-code').fill('dorm-change')
    await picker.getByTestId('adopt').click()
    await expect(ownerPage).toHaveURL(/\/catalog\/manage\/dorm-change$/)
    await expect(ownerPage.getByTestId('status')).toHaveText('草稿')
    // The template's process sends international students to the International Students Office
    // (department `international`), which this university's spreadsheet does not have: the check
    // names both places, and the office adapts its copy, dropping that rule from the adviser step's
    // assignees and from the housing step's copies (its undergraduates go to their counsellor).
    await ownerPage.getByTestId('validate').click()
    const issues = ownerPage.getByRole('alert').filter({ hasText: '处问题需要修正' })
    await expect(issues.getByRole('button', { name: /没有部门“international”/ })).toHaveCount(2)
    await ownerPage.getByRole('tab', { name: '审批流程' }).click()
    const panel = ownerPage.getByTestId('step-panel')
    const dropInternational = async (step: string, group: string) => {
      await ownerPage.locator(`button.wf__pick[data-step="${step}"]`).click()
      const rules = panel
        .locator('fieldset')
        .filter({ has: ownerPage.locator('legend', { hasText: group }) })
        .locator('.rule')
      const before = await rules.count()
      await rules.nth(2).getByRole('button', { name: '删除规则' }).click()
      await expect(rules).toHaveCount(before - 1)
    }
    await dropInternational('adviser', '办理人')
    await dropInternational('housing', '通过后抄送')
    await ownerPage.getByTestId('save').click()
    await expect(ownerPage.getByTestId('save')).toBeDisabled()
    await ownerPage.getByTestId('validate').click()
    await expect(ownerPage.getByText('检查通过，可以发布').first()).toBeVisible()
    await ownerPage.getByTestId('publish').click()
    // Publishing asks first (issue 14).
    await ownerPage.getByRole('dialog').getByRole('button', { name: '发布' }).click()
    await expect(ownerPage.getByText('已发布为第 1 版')).toBeVisible()
    await expect(ownerPage.getByTestId('status')).toHaveText('已上线')
    await ownerPage.context().close()

    // 4. 林小雨 finds it in the catalog and applies, her dormitory pre-filled from the data platform.
    const studentPage = await sessionOf(browser, consoleErrors, 'student')
    await login(studentPage, '/catalog', student.card)
    const link = studentPage.locator('a[href$="/catalog/services/dorm-change"]').first()
    await expect(link).toBeVisible()
    await link.click()
    await expect(studentPage.getByRole('heading', { level: 1, name: '宿舍调整申请' })).toBeVisible()
    await studentPage.getByRole('button', { name: '开始办理' }).click()
    await expect(studentPage).toHaveURL(/\/apply\/dorm-change$/)
    const form = studentPage.getByTestId('apply-form')
    const dormitory = form.locator('[data-field="dormitory"]')
    await expect(dormitory.locator('input')).toHaveValue(DORMITORY)
    await expect(dormitory.locator('input')).not.toBeEditable()
    await expect(dormitory.getByText('来自 公寓管理系统 · 后勤公寓管理中心')).toBeVisible()
    await expect(form.locator('[data-field="name"] input')).toHaveValue(student.name)
    await form.getByText('调至空床位').click()
    await form.locator('[data-field="reasonType"]').getByText('作息差异较大').click()
    await form.locator('[data-field="reason"] textarea').fill('同寝室作息差异较大，长期影响休息和学习，希望调整到空床位。')
    await form.locator('[data-field="pledge"] .el-switch').click()
    await studentPage.getByRole('button', { name: '提交申请' }).click()
    await studentPage.waitForURL(/\/my\/\d+\?submitted=1$/)
    const applicationId = Number(new URL(studentPage.url()).pathname.split('/').pop())

    // 5. The counsellor, the college's deputy secretary and the housing reviewer of the import approve, in order.
    for (const [who, opinion] of [
      [counsellor, '情况属实，同意'],
      [deputy, '同意'],
      [housingReviewer, '同意，已安排空床位'],
    ] as const) {
      const reviewerPage = await sessionOf(browser, consoleErrors, who.name)
      await login(reviewerPage, '/todo', who.card)
      await approveInTodo(reviewerPage, applicationId, opinion)
      await reviewerPage.context().close()
    }

    // 6. 林小雨 sees it completed, each step approved by whom the import named.
    await studentPage.goto(`/my/${applicationId}`)
    await expect(studentPage.getByText('已办结').filter({ visible: true }).first()).toBeVisible()
    const detail = (await (await studentPage.request.get(`/api/applications/${applicationId}`)).json()) as {
      status: string
      timeline: Array<{ action: string; actor: { cardNumber: string } | null }>
    }
    expect(detail.status).toBe('completed')
    expect(detail.timeline.filter((e) => e.action === 'approved').map((e) => e.actor?.cardNumber)).toEqual([counsellor.card, deputy.card, housingReviewer.card])
    await studentPage.context().close()
  })
})
