import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { afterEach, describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { setLang } from '../lang.ts'
import { kitMessages } from '../messages.ts'
import { describeMessages } from '../test-support/messages-suite.ts'
import ApplicationTimeline from './ApplicationTimeline.vue'
import { durationText, type TimelineApplication } from './timeline.ts'

// The one application timeline of mf-forms (the applicant's page) and mf-todo (a task's page),
// mounted with element-plus and the kit's words as a micro-frontend mounts it.

const student = { cardNumber: '2023010101', name: '李明轩', nameEn: 'Li Mingxuan' }
const counsellor = { cardNumber: '0017063', name: '杜红梅', nameEn: 'Du Hongmei' }
const colleague = { cardNumber: '0013018', name: '黄思远', nameEn: 'Huang Siyuan' }
const deputy = { cardNumber: '0009327', name: '高建华', nameEn: 'Gao Jianhua' }
const office = { cardNumber: '0014420', name: '陈雅婷', nameEn: 'Chen Yating' }

const step = (id: string, nameZh: string, nameEn: string) => ({ id, nameZh, nameEn })
type Event = TimelineApplication['timeline'][number]
const event = (id: number, at: string, action: string, extra: Partial<Event> = {}): Event => ({
  id,
  at,
  action,
  actor: null,
  onBehalfOf: null,
  opinion: null,
  step: null,
  detail: null,
  files: [],
  ...extra,
})

type Current = NonNullable<TimelineApplication['current']>
type Task = Current['assignees'][number]
const task = (taskId: number, person: typeof deputy, extra: Partial<Task> = {}): Task => ({
  taskId,
  person,
  onBehalfOf: null,
  status: 'open',
  outcome: null,
  createdAt: '2026-11-30T03:00:00Z',
  dueAt: '2026-12-02T09:00:00Z',
  overdue: false,
  closedAt: null,
  closedBy: null,
  question: null,
  ...extra,
})

/** Submitted, approved by the counsellor's delegate with an opinion and a file, then answered by the system. */
const history: Event[] = [
  event(1, '2026-11-30T02:05:00Z', 'submitted', { actor: student }),
  event(2, '2026-11-30T06:40:00Z', 'approved', {
    actor: colleague,
    onBehalfOf: counsellor,
    opinion: '情况属实，同意',
    step: step('counsellor', '辅导员审核', 'Counsellor'),
    files: [{ id: 'f-1', name: '家长说明.pdf', size: 1200, mime: 'application/pdf' }],
  }),
  event(3, '2026-12-01T01:00:00Z', 'overdue'),
]

/** In review: the deputy and Student Affairs hold two branches of a parallel group; two steps to come. */
const inReview = (): TimelineApplication => {
  const deputyTask = task(11, deputy, { overdue: true })
  const officeTask = task(12, office, { onBehalfOf: counsellor })
  return {
    timeline: history,
    current: {
      step: step('review', '学院与学工处审核', 'College and Student Affairs'),
      assignees: [deputyTask, officeTask],
      since: '2026-11-30T06:40:00Z',
      waitedMs: (2 * 24 + 5) * 3_600_000,
      usualMs: null,
      dueAt: null,
    },
    steps: [
      {
        runId: 'r1',
        stepId: 'college',
        nameZh: '学院审核',
        nameEn: 'College',
        kind: 'step',
        groupId: 'review',
        round: 1,
        status: 'active',
        startedAt: '',
        endedAt: null,
        tasks: [deputyTask],
      },
      {
        runId: 'r2',
        stepId: 'office',
        nameZh: '学工处审核',
        nameEn: 'Student Affairs',
        kind: 'step',
        groupId: 'review',
        round: 1,
        status: 'active',
        startedAt: '',
        endedAt: null,
        tasks: [officeTask],
      },
    ],
    upcoming: [
      { id: 'archive', type: 'approval', nameZh: '档案归档', nameEn: 'Filing' },
      { id: 'notice', type: 'approval', nameZh: '结果通知', nameEn: 'Notice' },
    ],
  }
}

const eventsOnly = (): TimelineApplication => ({ timeline: history, current: null, steps: [], upcoming: [] })

function mountTimeline(application: TimelineApplication, lang: 'zh-CN' | 'en' = 'zh-CN', you?: string) {
  setLang(lang)
  const i18n = createI18n({ legacy: false, locale: lang, fallbackLocale: 'zh-CN', messages: kitMessages })
  return mount(ApplicationTimeline, { props: { application, you }, attachTo: document.body, global: { plugins: [ElementPlus, i18n] } })
}

afterEach(() => {
  document.body.innerHTML = ''
  setLang('zh-CN')
})

describe('ApplicationTimeline', () => {
  it('shows every event in order: what, at which step, who (for whom), the opinion and the files', () => {
    const w = mountTimeline(eventsOnly(), 'zh-CN', student.cardNumber)
    const items = w.findAll('[data-action]')
    expect(items.map((i) => i.attributes('data-action'))).toEqual(['submitted', 'approved', 'overdue'])
    expect(items[0]!.text()).toContain('提交申请')
    expect(items[0]!.text()).toContain('李明轩 (本人)')
    expect(items[1]!.text()).toContain('同意')
    expect(items[1]!.text()).toContain('辅导员审核')
    expect(items[1]!.text()).toContain('黄思远（代杜红梅）')
    expect(items[1]!.find('blockquote').text()).toBe('情况属实，同意')
    const file = items[1]!.get('[data-testid="event-file"]')
    expect(file.attributes('href')).toBe('/api/attachments/f-1')
    expect(file.attributes('download')).toBe('家长说明.pdf')
    // The deadline scan has no actor: the system did it.
    expect(items[2]!.text()).toContain('超过办理时限')
    expect(items[2]!.text()).toContain('系统')
  })

  it('writes each time in Beijing time', () => {
    const w = mountTimeline(eventsOnly())
    // 02:05 UTC is 10:05 in Beijing, whatever the zone of the device running the test.
    expect(w.get('[data-action="submitted"] .el-timeline-item__timestamp').text()).toMatch(/2026.*11.*30.*10:05/)
  })

  it('without a current step or steps to come (finished, or a task page of one), shows the events only', () => {
    const w = mountTimeline(eventsOnly())
    expect(w.find('[data-testid="timeline-current"]').exists()).toBe(false)
    expect(w.find('[data-testid="timeline-upcoming"]').exists()).toBe(false)
  })

  it('then where it is now: each live branch with its holders, deadline and overdue, how long it waited; then the steps to come', () => {
    const w = mountTimeline(inReview())
    const now = w.get('[data-testid="timeline-current"]')
    expect(now.text()).toContain('当前进度')
    expect(now.text()).toContain('学院与学工处审核')
    expect(now.text()).toContain('办理人：高建华、陈雅婷')
    const branches = now.findAll('[data-testid="timeline-holders"] > li').map((li) => li.text())
    expect(branches).toHaveLength(2)
    expect(branches[0]).toMatch(/^学院审核：\s*高建华 · 2026.*12.*2.*17:00.*前办理\s*\(已超时\)/)
    expect(branches[1]).toMatch(/^学工处审核：\s*陈雅婷 \(代 杜红梅\)/)
    expect(now.find('.el-tag').text()).toBe('已超时')
    expect(now.text()).toContain('已等待 2 天 5 小时')
    const upcoming = w.findAll('[data-testid="timeline-upcoming"]')
    expect(upcoming.map((u) => u.find('.hall-timeline__what').text())).toEqual(['档案归档', '结果通知'])
    // The heading "next steps" once, over the first.
    const headings = upcoming.map((u) => {
      const stamp = u.find('.el-timeline-item__timestamp')
      return stamp.exists() ? stamp.text() : ''
    })
    expect(headings).toEqual(['后续环节', ''])
    // The events come first, then now, then what is to come.
    const order = w.findAll('.el-timeline-item').map((li) => li.attributes('data-action') ?? li.attributes('data-testid'))
    expect(order).toEqual(['submitted', 'approved', 'overdue', 'timeline-current', 'timeline-upcoming', 'timeline-upcoming'])
  })

  it('speaks English when the page does', () => {
    const w = mountTimeline(inReview(), 'en', student.cardNumber)
    expect(w.get('[data-action="submitted"]').text()).toContain('Li Mingxuan (you)')
    expect(w.get('[data-action="approved"]').text()).toContain('Huang Siyuan for Du Hongmei')
    expect(w.get('[data-action="approved"]').text()).toContain('Counsellor')
    const now = w.get('[data-testid="timeline-current"]')
    expect(now.text()).toContain('Where it is now')
    expect(now.text()).toContain('With: Gao Jianhua, Chen Yating')
    expect(now.text()).toContain('Waiting for 2 days 5 h')
    expect(w.get('[data-testid="timeline"]').attributes('aria-label')).toBe('Progress')
  })

  it('says so when nothing has happened yet', () => {
    const w = mountTimeline({ timeline: [], current: null, steps: [], upcoming: [] })
    expect(w.find('[data-testid="timeline"]').exists()).toBe(false)
    expect(w.get('[data-testid="timeline-empty"]').text()).toBe('暂无办理记录')
  })
})

describe('durationText', () => {
  // The words are the keys with their arguments, so the test reads what was chosen.
  const t = (key: string, named?: Record<string, unknown>) => `${key.replace('hall.duration.', '')}${named ? JSON.stringify(named) : ''}`
  it.each([
    [0, 'lessThanMinute'],
    [-5_000, 'lessThanMinute'],
    [59_000, 'lessThanMinute'],
    [12 * 60_000, 'minutes{"n":12}'],
    [3 * 3_600_000 + 59 * 60_000, 'hours{"n":3}'],
    [(2 * 24 + 5) * 3_600_000, 'daysHours{"d":2,"h":5}'],
    [2 * 24 * 3_600_000, 'days{"n":2}'],
    // A week or more: hours no longer matter.
    [(9 * 24 + 5) * 3_600_000, 'days{"n":9}'],
  ])('%d ms → %s', (ms, expected) => {
    expect(durationText(ms, t)).toBe(expected)
  })
})

// The timeline's words: both languages, every key it asks for, English singulars and punctuation.
describeMessages(import.meta.dirname, { 'zh-CN': {}, en: {} })
