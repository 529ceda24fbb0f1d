import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Response } from '@playwright/test'
import { freePort, startHall } from '@hall/cli'
import { people } from '@hall/demo-university'

// The weight of a first visit (issue 14.1): a fresh browser logs in as a student and lands on the
// catalog; every script and style sheet it fetched is counted as served (compressed) and decoded.
// Then Lighthouse (mobile profile, Debian's chromium) scores the same logged-in page. Figures are
// printed, never asserted: they depend on the machine and on what else runs on it.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const student = people.find((p) => p.kind === 'undergraduate' && p.student?.status === 'enrolled' && !p.unknownToDataPlatform)!

interface Row {
  url: string
  kind: 'js' | 'css'
  served: number
  decoded: number
  encoding: string
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

/** Logs in through the development IdP in a fresh context; returns what the catalog page fetched and the session cookie. */
async function firstVisit(browser: Browser, hallUrl: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const pending: Promise<Row | null>[] = []
  page.on('response', (res: Response) => {
    const type = res.request().resourceType()
    if (type !== 'script' && type !== 'stylesheet') return
    pending.push(
      (async () => {
        const body = await res.body().catch(() => Buffer.alloc(0))
        const sizes = await res.request().sizes()
        return {
          url: res.url(),
          kind: type === 'script' ? 'js' : 'css',
          served: sizes.responseBodySize,
          decoded: body.length,
          encoding: (await res.headerValue('content-encoding')) ?? '',
        }
      })(),
    )
  })
  await page.goto(`${hallUrl}/catalog`)
  await page.getByRole('button', { name: new RegExp(student.cardNumber) }).click()
  await page.waitForURL((url) => url.origin === new URL(hallUrl).origin && url.pathname.startsWith('/catalog'))
  await page.locator('main h1, main h2').first().waitFor()
  await page.waitForLoadState('networkidle')
  const rows = (await Promise.all(pending)).filter((r): r is Row => r !== null)
  const cookies = await context.cookies(hallUrl)
  await context.close()
  return { rows, cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') }
}

async function lighthouseRun(url: string, cookie: string, saveAs?: string) {
  // Imported here so the rest of the benchmarks run without it.
  const { default: lighthouse } = await import('lighthouse')
  const chromeLauncher = await import('chrome-launcher')
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'hall-lighthouse-'))
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: [...ARGS, `--user-data-dir=${userDataDir}`], userDataDir: false })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      formFactor: 'mobile',
      // The session: Lighthouse resets storage (and so the cache: a cold visit) before loading.
      extraHeaders: { Cookie: cookie },
      logLevel: 'error',
    })
    const lhr = result!.lhr
    // The whole report, to read where the time goes (the network waterfall, main-thread work, the
    // critical request chains): BENCH_LIGHTHOUSE_JSON=<file>, one file per run (-1, -2... after the first).
    if (saveAs) writeFileSync(saveAs, JSON.stringify(lhr, null, 1))
    const score = (k: string) => Math.round((lhr.categories[k]?.score ?? 0) * 100)
    const ms = (id: string) => lhr.audits[id]?.numericValue ?? NaN
    const failing = Object.values(lhr.audits)
      .filter(
        (a) =>
          a.score !== null &&
          a.score < 0.9 &&
          a.scoreDisplayMode !== 'informative' &&
          a.scoreDisplayMode !== 'notApplicable' &&
          a.scoreDisplayMode !== 'manual',
      )
      .map((a) => `${a.id} (${a.displayValue ?? a.score})`)
    // Where the time goes: Lighthouse's own timings of the unthrottled load (observed) beside the
    // simulated ones, and the longest main-thread tasks of the simulation with their scripts.
    const observed = (lhr.audits.metrics?.details as { items?: Record<string, number>[] } | undefined)?.items?.[0] ?? {}
    const longTasks = ((lhr.audits['long-tasks']?.details as { items?: { url: string; duration: number; startTime: number }[] } | undefined)?.items ?? [])
      .slice(0, 5)
      .map((t) => `${t.url.split('/').pop() || t.url} ${Math.round(t.duration)} ms at ${(t.startTime / 1000).toFixed(2)} s`)
    return {
      observedFcp: observed.observedFirstContentfulPaint ?? NaN,
      observedLcp: observed.observedLargestContentfulPaint ?? NaN,
      longTasks,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      fcp: ms('first-contentful-paint'),
      lcp: ms('largest-contentful-paint'),
      tbt: ms('total-blocking-time'),
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
      failing,
    }
  } finally {
    chrome.kill()
    rmSync(userDataDir, { recursive: true, force: true })
  }
}

export async function benchFirstVisit() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-bench-weight-'))
  const [port, idpPort] = [await freePort(), await freePort()]
  const hall = await startHall({ port, idpPort, dataDir, quiet: true, env: { HALL_LOG_LEVEL: 'warn', HALL_DEMO_SITE: '0', HALL_SMTP_CATCHER_PORT: '0' } })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  try {
    const { rows, cookie } = await firstVisit(browser, hall.url)
    const sum = (kind: Row['kind'], key: 'served' | 'decoded') => rows.filter((r) => r.kind === kind).reduce((n, r) => n + r[key], 0)
    console.log(`\nFirst visit: the catalog right after login, a fresh browser (${student.name}, 1280 px)`)
    console.log('file'.padEnd(64), 'served'.padStart(10), 'decoded'.padStart(10), 'enc'.padStart(5))
    for (const r of [...rows].sort((a, b) => b.served - a.served)) {
      console.log(new URL(r.url).pathname.slice(-64).padEnd(64), kb(r.served).padStart(10), kb(r.decoded).padStart(10), r.encoding.padStart(5))
    }
    const js = rows.filter((r) => r.kind === 'js').length
    const css = rows.filter((r) => r.kind === 'css').length
    console.log(`JavaScript: ${kb(sum('js', 'served'))} served (${kb(sum('js', 'decoded'))} decoded) in ${js} files`)
    console.log(`CSS:        ${kb(sum('css', 'served'))} served (${kb(sum('css', 'decoded'))} decoded) in ${css} files`)
    console.log(
      `@hall/forms loaded: ${rows.some((r) => /\/forms\.js$/.test(r.url)) ? 'yes' : 'no'}; import-map-overrides loaded: ${rows.some((r) => r.url.includes('import-map-overrides')) ? 'yes' : 'no'}`,
    )

    if (process.env.BENCH_LIGHTHOUSE !== '0') {
      // Simulated throttling scales with the machine's load: several runs (BENCH_LIGHTHOUSE_RUNS)
      // and their median say more than one on a shared machine.
      const runs = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 1))
      const saveAs = process.env.BENCH_LIGHTHOUSE_JSON
      const scores: number[] = []
      const runsSeen: { fcp: number; lcp: number; tbt: number }[] = []
      for (let i = 0; i < runs; i++) {
        const file = saveAs && i > 0 ? saveAs.replace(/(\.json)?$/, `-${i + 1}$1`) : saveAs
        const lh = await lighthouseRun(`${hall.url}/catalog`, cookie, file)
        // A run Lighthouse could not finish (no metrics) is printed but left out of the medians.
        if (Number.isFinite(lh.fcp)) {
          scores.push(lh.performance)
          runsSeen.push(lh)
        }
        const load = loadavg()
          .map((n) => n.toFixed(1))
          .join(' ')
        console.log(
          `\nLighthouse 12 (mobile, simulated throttling) on the logged-in catalog${runs > 1 ? `, run ${i + 1} of ${runs}` : ''} (load average ${load})`,
        )
        console.log(`performance ${lh.performance}, accessibility ${lh.accessibility}, best practices ${lh.bestPractices}`)
        console.log(`FCP ${(lh.fcp / 1000).toFixed(2)} s, LCP ${(lh.lcp / 1000).toFixed(2)} s, TBT ${Math.round(lh.tbt)} ms, CLS ${lh.cls.toFixed(3)}`)
        console.log(`observed without throttling: FCP ${Math.round(lh.observedFcp)} ms, LCP ${Math.round(lh.observedLcp)} ms`)
        if (lh.longTasks.length) console.log(`longest tasks (simulated): ${lh.longTasks.join('; ')}`)
        if (lh.failing.length) console.log(`audits below 90: ${lh.failing.join(', ')}`)
        if (file) console.log(`report: ${file}`)
      }
      if (scores.length > 1) {
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
        console.log(`performance over ${scores.length} complete runs of ${runs}: ${scores.join(', ')} (median ${median(scores)})`)
        console.log(
          `medians: FCP ${(median(runsSeen.map((r) => r.fcp)) / 1000).toFixed(2)} s, LCP ${(median(runsSeen.map((r) => r.lcp)) / 1000).toFixed(2)} s, TBT ${Math.round(median(runsSeen.map((r) => r.tbt)))} ms`,
        )
      }
    }
  } finally {
    await browser.close()
    await hall.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

// Alone: `cd test && npx tsx bench/first-visit.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await benchFirstVisit()
